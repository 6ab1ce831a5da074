import {sourceEnvFiles} from './shell-env-files.js';
import {findReading, globReading, mesosToken, readFlagDirectory, type FlagFile} from './flag-directory.js';
import {attributeSources, parseMesosArguments, settingsByName, type FoundFlag, type Setting} from './command-line.js';

export type {Setting} from './command-line.js';

export type MesosFlags = {
	/** The daemon's flags: its command line, each named with the file the wrapper read it from. */
	flags: Map<string, Setting>;
	/** ULIMIT and LOGS are read by the wrapper itself, not passed on as flags. */
	environment: Map<string, Setting>;
	problems: string[];
};

/**
 * Which wrapper started the daemon: `slave` is the article-era mesos-init-wrapper
 * (mesosphere/mesos-deb-packaging), `agent` the newer one (mesos/mesos-packaging since 2022,
 * Apache Mesos' support/packaging) that reads /etc/mesos-agent and /etc/default/mesos-agent.
 */
export type MesosRole = 'master' | 'slave' | 'agent';

// Which variables of /etc/default/mesos{,-<role>} the init wrapper turns into flags.
const agentVariables = {MASTER: 'master', IP: 'ip', LOGS: 'log_dir', ISOLATION: 'isolation'};
const flagOfVariable: Record<MesosRole, Record<string, string>> = {
	master: {ZK: 'zk', IP: 'ip', PORT: 'port', CLUSTER: 'cluster', LOGS: 'log_dir'},
	slave: agentVariables,
	agent: agentVariables,
};

// The variables the article writes; the lab refuses to start without them to catch a missed write.
const requiredVariables: Record<MesosRole, Record<string, string>> = {
	master: {LOGS: '/etc/default/mesos', ULIMIT: '/etc/default/mesos', PORT: '/etc/default/mesos-master', ZK: '/etc/default/mesos-master'},
	slave: {LOGS: '/etc/default/mesos', ULIMIT: '/etc/default/mesos', MASTER: '/etc/default/mesos-slave'},
	agent: {LOGS: '/etc/default/mesos', ULIMIT: '/etc/default/mesos', MASTER: '/etc/default/mesos-agent'},
};

/** `--attributes` or `--resources` as the wrapper joins the files of that subdirectory: `name:value;...`. */
function joinedDirectory(directory: string, role: MesosRole): FoundFlag | undefined {
	const files = readFlagDirectory(directory, role === 'agent' ? findReading : globReading)
		.filter(file => file.content !== '');
	if (files.length === 0) return undefined;
	return {
		name: directory.split('/').at(-1) ?? '',
		value: files.map(file => `${file.name}:${file.content}`).join(';'),
		source: `the files in ${directory}/`,
	};
}

/**
 * A Mesos daemon's flags. The values are the command line the init wrapper built; to name the file
 * behind each one, the stand-in reads what the wrapper reads: /etc/default/mesos and
 * /etc/default/mesos-<role> (sourced by bash with allexport), then one flag per file in /etc/mesos-<role>/.
 */
export function readMesosFlags(role: MesosRole, argv: string[]): MesosFlags {
	const problems: string[] = [];
	const environment = new Map<string, Setting>();
	const found: FoundFlag[] = [];
	const envFiles = sourceEnvFiles(['/etc/default/mesos', `/etc/default/mesos-${role}`]);
	for (const file of envFiles) {
		if (!file.exists) {
			problems.push(`${file.path} is missing`);
			continue;
		}
		if (file.status !== 0) problems.push(`${file.path} failed when sourced by bash (status ${file.status})`);
		for (const [name, value] of file.variables) {
			const setting = {value, source: `${name} in ${file.path}`};
			environment.set(name, setting);
			const flag = flagOfVariable[role][name];
			if (flag && value !== '') found.push({name: flag, ...setting});
		}
	}
	for (const [name, file] of Object.entries(requiredVariables[role])) {
		const setting = environment.get(name);
		const fileExists = envFiles.find(f => f.path === file)?.exists;
		if (!setting && fileExists) problems.push(`${name} is not set in ${file}`);
		else if (setting?.value === '') problems.push(`${setting.source} is empty`);
	}
	const directory = `/etc/mesos-${role}`;
	const files: FlagFile[] = readFlagDirectory(directory, role === 'agent' ? findReading : globReading);
	for (const file of files) {
		const [parsed] = parseMesosArguments([mesosToken(file)]).args;
		if (parsed) found.push({...parsed, source: file.source});
	}
	if (role !== 'master') {
		for (const sub of ['attributes', 'resources']) {
			const joined = joinedDirectory(`${directory}/${sub}`, role);
			if (joined) found.push(joined);
		}
	}
	const commandLine = parseMesosArguments(argv);
	problems.push(...commandLine.problems);
	const flags = settingsByName(attributeSources(commandLine.args, found), problems);
	return {flags, environment, problems};
}
