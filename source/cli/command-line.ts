// The command line, declared once. The parser (parse-command-line.ts), the unknown-option check,
// `--help` (help-text.ts) and, for packaging, the man page and bash completion are all made from
// this table: a new command or option is one entry here, and nothing else lists them.
// Pure data: no I/O, so packaging scripts can import it as it is.

import type {CommandLineSpec, CommandSpec, OptionSpec} from './command-line-spec.js';

export type {ArgumentSpec, CommandLineSpec, CommandSpec, Completion, ExitCodeSpec, OptionSpec} from './command-line-spec.js';

const commands = [
	{
		id: 'home',
		words: [],
		arguments: [],
		summary: 'the wizard on a machine not set up yet; on one set up before, a menu: status, edit, setup again, undo',
		description:
			'Without a command, mesos-setup starts the guided setup on a machine it has not set up yet, and offers a menu (status, edit one setting, setup again, undo) on one it has. With --yes it runs the whole setup without questions, as setup --yes does.',
		examples: ['sudo mesos-setup'],
	},
	{
		id: 'setup',
		words: ['setup'],
		arguments: [],
		summary: 'the guided setup wizard; with --yes, the whole setup without questions',
		description:
			'Preflight, the repository key (checked by its full fingerprint), the apt repository, the packages, service overrides, one screen per configuration file with a preview of the change, then each service started and probed until healthy. A setup that was stopped continues where it stopped, in the same run, so one undo puts back everything it changed.',
		examples: ['mesos-setup setup --yes --root ./mesos-rehearsal', 'sudo mesos-setup setup --yes --set slave.hostname=node1.example.com'],
	},
	{
		id: 'edit',
		words: ['edit'],
		arguments: [
			{name: 'ID', description: 'the setting to change, such as slave.hostname', required: false, completes: 'setting-id'},
			{name: 'VALUE', description: 'its new value (one that starts with -, as mesos.ulimit\'s do, goes after --)', required: false, completes: 'setting-value'},
		],
		summary: 'edit one setting; with ID, VALUE and --yes, no questions',
		description:
			'Shows every setting with the value its file holds now. A change is checked, previewed as a diff, written safely (the old file kept for undo) and only the services it affects are restarted. With ID, VALUE and --yes nothing is asked. A saved answer for ID that the setting does not allow (state.json edited by hand) is replaced by the new value.',
		examples: ['sudo mesos-setup edit', 'sudo mesos-setup edit slave.hostname node1.example.com --yes', 'sudo mesos-setup edit --yes -- mesos.ulimit "-n 16384"'],
	},
	{
		id: 'status',
		words: ['status'],
		arguments: [],
		summary: 'live status of every service and the cluster',
		description:
			'Live panes for ZooKeeper, the Mesos master and agent and Marathon (init state, health, recent log lines) and a cluster summary (leader, agents, frameworks, resources). --once prints one snapshot and exits 0 when every service is healthy; --json prints it as JSON.',
		examples: ['mesos-setup status', 'mesos-setup status --once'],
	},
	{
		id: 'plan',
		words: ['plan'],
		arguments: [],
		summary: 'every command and file the setup would run or write; nothing is changed',
		description:
			'Prints the plan setup follows, in order: every command, and every file with its full new content. --script prints the same plan as one bash script a person can read or run by hand (ROOT=DIR does what --root DIR does).',
		examples: ['mesos-setup plan', 'mesos-setup plan --script > setup.sh'],
	},
	{
		id: 'undo',
		words: ['undo'],
		arguments: [],
		summary: 'restore the files the last run changed, from its backups (asks first; --yes without a terminal)',
		description:
			'Puts back the bytes, modes and owners every file had before the last setup or edit, removes the files and folders it created, and makes the answers saved before it the saved answers again. It checks the journal and every backup first and changes nothing if one is missing or damaged. In a terminal it first lists every file it will restore or remove and what it does not undo (installed packages, running services, a key an earlier run trusted), and asks; without a terminal it needs --yes. It restarts nothing by itself: afterwards it offers to restart the services that read the files put back (with --yes it prints the commands).',
		examples: ['sudo mesos-setup undo', 'sudo mesos-setup undo --yes', 'mesos-setup undo --root ./mesos-rehearsal'],
	},
	{
		id: 'cluster setup',
		words: ['cluster', 'setup'],
		arguments: [{name: 'FILE', description: 'the cluster file (YAML or JSON): masters, agents, ssh, settings', required: true, completes: 'file'}],
		summary: 'set up every machine of a cluster file over SSH: preflight, deploy in stages, postflight',
		description:
			'Reads the cluster file (an odd number of masters, 1 to 7, at least one agent), derives each node’s ZooKeeper id, server lines, quorum, zk:// URLs and address, then reaches every node with the system’s ssh (host keys checked; with --yes an unknown one is refused) and runs the preflight on all of them before any changes. The deploy goes in stages, nodes in parallel within each: key, repository, packages and files on every node, then the ZooKeeper ensemble on the masters, the Mesos masters, the agents, Marathon. The postflight proves one ZooKeeper leader, one Mesos leader that every master names with every agent active, and one Marathon leader. Each node keeps its own journal and backups, so cluster undo restores it (each node’s last run that changed files: the deploy ends with what it changed on each node and offers undo only for that). --root DIR rehearses instead: node NAME’s files are written under DIR/NAME and nothing goes over SSH. In a terminal without --yes it opens the cluster screens: the settings pages once for every node (derived settings shown per node), a summary of every node’s changes, then the deploy with a live pane per node, where a failed node is retried (r), skipped (s) or the deploy quit (q).',
		examples: ['mesos-setup cluster setup cluster.yaml', 'mesos-setup cluster setup cluster.yaml --yes', 'mesos-setup cluster setup cluster.yaml --yes --root ./cluster-rehearsal'],
	},
	{
		id: 'cluster plan',
		words: ['cluster', 'plan'],
		arguments: [{name: 'FILE', description: 'the cluster file', required: true, completes: 'file'}],
		summary: 'every node’s commands and files; --script: a bash file with a part per node',
		description: 'Prints, node by node, every command and every file with its full content that cluster setup would run or write there. Nothing is changed and no node is reached. --script prints one bash script with every node\'s part: bash SCRIPT NODE runs that node\'s part, on that node only (ROOT=DIR rehearses it in DIR); its first lines say the order (the masters together, then the agents).',
		examples: ['mesos-setup cluster plan cluster.yaml', 'mesos-setup cluster plan cluster.yaml --script'],
	},
	{
		id: 'cluster status',
		words: ['cluster', 'status'],
		arguments: [{name: 'FILE', description: 'the cluster file', required: true, completes: 'file'}],
		summary: 'the whole cluster’s health, asked from this machine; --once, --json',
		description:
			'Asks every master’s ZooKeeper (srvr), Mesos master (/master/state) and Marathon (/v2/leader) over the network and judges the whole: the ZooKeeper leader and how many of the ensemble serve, the Mesos leader and whether every master names it, agents active of all, frameworks, the Marathon leader. Where the agents run docker (slave.containerizers), docker version is asked on each such node over SSH and counts toward the verdict (not asked under --root). In a terminal it is a live screen (per node its services, then the cluster), looked at again every 2 s (r now, q quits). --once prints it and exits 0 when the cluster is healthy, 1 otherwise; --json prints it as JSON. --dry-run is taken: status changes nothing either way.',
		examples: ['mesos-setup cluster status cluster.yaml', 'mesos-setup cluster status cluster.yaml --once'],
	},
	{
		id: 'cluster undo',
		words: ['cluster', 'undo'],
		arguments: [{name: 'FILE', description: 'the cluster file', required: true, completes: 'file'}],
		summary: 'undo the last cluster setup on every node, from each node’s own backups (--yes)',
		description:
			'Reaches every node first, then finds each node’s last run and makes undo’s own checks there (the journal, every backup, the room it needs): a node that cannot be reached or refuses stops the undo before any node changes, every such node named with why. Then every node at once puts back the files its last run changed, from the journal and backups kept on that node; each names the run it puts back (id, start, a setup or a local edit), and it is said when the nodes’ last runs are not the same run. A node that fails part way (its SSH drops) fails alone: the others are put back, each node’s end is said, exit 1. With --root DIR, the rehearsed nodes under DIR/NAME, and --dry-run (with --root only) lists per node what would be put back and changes nothing. Services are not restarted.',
		examples: ['mesos-setup cluster undo cluster.yaml --yes', 'mesos-setup cluster undo cluster.yaml --yes --root ./rehearsal --dry-run'],
	},
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof commands)[number]['id'];

const options = [
	{
		name: 'root',
		value: {name: 'DIR', completes: 'directory'},
		description: 'treat DIR as /: files are read and written under it, system commands are skipped',
		commands: 'every',
	},
	{
		name: 'dry-run',
		description: 'change nothing at all: show what would be run and written',
		commands: 'every',
	},
	{
		name: 'answers',
		value: {name: 'FILE', completes: 'file'},
		description: 'answers (JSON or YAML) that prefill the wizard; with --yes nothing is asked',
		commands: ['home', 'setup', 'edit', 'status', 'plan'],
	},
	{
		name: 'set',
		value: {name: 'ID=VALUE', completes: 'setting-assignment'},
		repeatable: true,
		description: 'one answer (repeatable), such as --set slave.hostname=node1',
		commands: ['home', 'setup', 'edit', 'status', 'plan'],
	},
	{
		name: 'yes',
		description: 'non-interactive: take answers and defaults, print progress as plain lines',
		commands: ['home', 'setup', 'edit', 'undo', 'cluster setup', 'cluster undo'],
	},
	{
		name: 'once',
		description: 'print one snapshot and exit (0 all healthy, 1 otherwise)',
		commands: ['status', 'cluster status'],
	},
	{
		name: 'json',
		description: 'print one JSON document',
		commands: ['status', 'cluster status'],
	},
	{
		name: 'script',
		description: 'print the plan as one bash script to run by hand (cluster plan: a part per node, bash SCRIPT NODE)',
		commands: ['plan', 'cluster plan'],
	},
	{
		name: 'help',
		short: 'h',
		description: 'show this help (after a command: that command’s help); nothing is run',
		commands: 'every',
		standalone: true,
	},
	{
		name: 'version',
		description: 'show the version',
		commands: 'every',
		standalone: true,
	},
] as const satisfies readonly (OptionSpec & {commands: 'every' | readonly CommandId[]})[];

export const commandLine = {
	program: 'mesos-setup',
	summary: 'set up Apache Mesos, Marathon and ZooKeeper on Ubuntu or Debian, then edit and watch them',
	commands,
	options,
	exitCodes: [
		{code: 0, meaning: 'done'},
		{code: 1, meaning: 'a step failed (it says which and why), or another mesos-setup run holds the lock'},
		{code: 2, meaning: 'bad usage or bad input; nothing was changed'},
		{code: 130, meaning: 'stopped (q then y, Ctrl+C, SIGTERM), or the wizard quit before the setup was done: the step under way is recorded as stopped and nothing after it ran; the next run offers to continue'},
	],
	environment: [
		{name: 'NO_COLOR', meaning: 'when set, no colour in plain output or on the screens'},
		{name: 'DEBUG', meaning: 'when set, an unexpected failure prints its stack trace'},
	],
	files: [
		{path: '/var/lib/mesos-setup/state.json', meaning: 'the saved answers and the progress of the last setup'},
		{path: '/var/lib/mesos-setup/run.lock', meaning: 'held by the one setup, edit or undo running now'},
		{path: '/var/backups/mesos-setup/RUN-ID/', meaning: 'the journal and the old files of each run, which undo puts back'},
		{path: '/var/log/mesos-setup/RUN-ID.log', meaning: 'every command line, output line and outcome of each run'},
	],
} as const satisfies CommandLineSpec;

type OptionEntry = (typeof options)[number];

// kebab-case to camelCase, as the options are read in code: dry-run → dryRun.
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

// The options a run receives, typed from the table: a value option is a string (or every value
// given, when repeatable), a flag a boolean. --help and --version never reach a run.
export type CommandLineOptions = {
	[O in Exclude<OptionEntry, {standalone: true}> as Camel<O['name']>]: O extends {value: object}
		? O extends {repeatable: true}
			? string[]
			: string | undefined
		: boolean;
};

export const camelName = (name: string): string => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
