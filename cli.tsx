// The command line: parse argv, build a System, then run a plain path (--yes, plan, undo,
// status --once) or render the Ink app. Errors become exit codes here and nowhere else.
import './source/commands/no-color.js';
import path from 'node:path';
import packageJson from './package.json' with {type: 'json'};
import {helpText} from './source/cli/help-text.js';
import type {CommandLineOptions} from './source/cli/command-line.js';
import {parseCommandLine} from './source/cli/parse-command-line.js';
import {createOutput, paint} from './source/commands/output.js';
import {errorMessage, InputError, StepError} from './source/model/errors.js';
import {stopOnSignals} from './source/system/stop-signals.js';
import type {SystemOptions} from './source/system/system.js';
import type {AppCommand} from './source/ui/App.js';
import type {RenderAppOptions} from './source/ui/render-app.js';

const output = createOutput();

function usage(problem: string): never {
	throw new InputError([problem, 'Run mesos-setup --help for the commands and options.']);
}

// What to run instead when there is no terminal: a command line that works as printed (the same
// --root), not a flag to guess where it goes.
function withoutTerminal(command: string, root: string | undefined): string {
	const on = root === undefined ? '' : ` --root ${root.includes(' ') ? `'${root}'` : root}`;
	if (command === 'status') return `mesos-setup status shows live panes in a terminal; without one run mesos-setup status --once${on} (or --json).`;
	if (command === 'edit') return `mesos-setup edit asks in a terminal; without one run mesos-setup edit ID VALUE --yes${on}, such as: mesos-setup edit slave.hostname node1 --yes${on}`;
	const named = command === 'home' ? 'mesos-setup' : `mesos-setup ${command}`;
	return `${named} needs a terminal to ask its questions; without one run mesos-setup setup --yes${on} (the whole setup with the answers given and the defaults).`;
}

// The System (detection, dpkg and apt look-ups, the saved state) and the answers: loaded when
// asked, so the screens' first frame is drawn before any of it is loaded or run. `edit`: edit and
// the setting it asks for (edit ID), whose saved answer it may replace.
async function prepare(system: SystemOptions, flags: Pick<CommandLineOptions, 'answers' | 'set'>, edit?: {id?: string}) {
	const built = await (await import('./source/system/system.js')).createSystem(system);
	const {gatherAnswers} = await import('./source/use-cases/gather-answers.js');
	return {system: built, answers: await gatherAnswers(built, {...(flags.answers === undefined ? {} : {answers: flags.answers}), set: flags.set, ...(edit ? {edit} : {})})};
}

// The commands that run without a terminal; everything else is a screen.
function isPlain(command: string, flags: CommandLineOptions): boolean {
	if (command === 'plan') return true;
	if (command === 'status') return flags.once || flags.json;
	return flags.yes && (command === 'undo' || command === 'setup' || command === 'home' || command === 'edit');
}

// Ctrl+C or SIGTERM while a plain command runs: what runs is stopped (its process group ended), the
// step is recorded as stopped, and the command exits 130. A second signal exits at once.
const stopPlainRun = (): AbortSignal =>
	stopOnSignals(name => output.err(`${name === 'SIGINT' ? 'Ctrl+C' : name}: stopping what runs; press Ctrl+C again to quit at once.`));

async function main(): Promise<number> {
	const parsed = parseCommandLine(process.argv.slice(2));
	if (parsed.kind === 'help') {
		output.out(helpText(parsed.command));
		return 0;
	}
	if (parsed.kind === 'version') {
		output.out(packageJson.version);
		return 0;
	}
	const {command, args, options: flags} = parsed;
	// Several machines: the cluster file holds the answers; this machine's saved state plays no part.
	if (command === 'cluster setup' || command === 'cluster plan' || command === 'cluster status' || command === 'cluster undo') return runCluster(command, args[0] ?? '', flags);
	const systemOptions = {...(flags.root === undefined ? {} : {root: flags.root}), dryRun: flags.dryRun};
	const edit = command === 'edit' ? {...(args[0] === undefined ? {} : {id: args[0]})} : undefined;
	if (command !== 'plan' && process.stdin.isTTY && !isPlain(command, flags)) return renderScreens(command, args, flags, () => prepare(systemOptions, flags, edit));
	const {system, answers} = await prepare(systemOptions, flags, edit);

	// Each path loads what it needs when it runs (import()): the bundle evaluates no module a path
	// does not use, and the wizard's first frame waits for none of the plain commands.
	if (command === 'plan') return (await import('./source/commands/plan.js')).runPlan(system, answers, {script: flags.script}, output);
	// The command line as given, said back where a plain command without root offers sudo or --root.
	const typed = process.argv.slice(2);
	if (command === 'undo' && flags.yes) return (await import('./source/commands/undo.js')).runUndo(system, output, typed);
	if ((command === 'setup' || command === 'home') && flags.yes) {
		const {runSetupYes} = await import('./source/commands/setup-yes.js');
		return runSetupYes(system, answers, output, stopPlainRun(), typed);
	}
	if (command === 'status' && (flags.once || flags.json)) {
		const {runStatusOnce} = await import('./source/commands/status.js');
		return runStatusOnce(system, {json: flags.json, answers, out: output.out, signal: stopPlainRun()});
	}
	if (command === 'edit' && flags.yes) {
		const [id, value] = args;
		if (id === undefined || value === undefined) usage('edit --yes needs a setting id and a value, such as: edit slave.hostname node1 --yes');
		const {runEditYes} = await import('./source/commands/edit.js');
		return runEditYes(system, {id, value, answers, out: output.out, err: output.err, signal: stopPlainRun(), typed});
	}
	// Undo asks before it changes anything: in a terminal on its screen, elsewhere only --yes answers.
	if (command === 'undo') {
		usage('mesos-setup undo asks before it puts files back, and there is no terminal to ask in: run mesos-setup undo --yes to undo without a question.');
	}
	// Everything else is interactive: the wizard, the menu, edit and live status need a terminal.
	usage(withoutTerminal(command, flags.root));
}

// Ink's layout engine (yoga) starts from WebAssembly it carries in the bundle, and loads it with
// fetch() when there is one: the first use of Node's fetch loads undici, tens of milliseconds
// before the first frame. Without fetch it decodes the same bytes in place, so fetch is hidden
// while Ink loads and put back at once (the preflight's reachability checks use it later).
async function loadScreens(): Promise<typeof import('./source/ui/render-app.js')> {
	const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (fetch?.configurable) Reflect.deleteProperty(globalThis, 'fetch');
	try {
		return await import('./source/ui/render-app.js');
	} finally {
		if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
	}
}

// The screens, drawn at once: the System and the answers are prepared behind the first frame.
async function renderScreens(command: AppCommand, args: readonly string[], flags: CommandLineOptions, ready: RenderAppOptions['prepare']): Promise<number> {
	// Taken before Ink's own listeners are added, so that Ink still restores the terminal on a signal.
	const signal = stopOnSignals();
	const {renderApp} = await loadScreens();
	return renderApp({
		out: output.out,
		// A signal from outside (Ctrl+C itself is a key there): the screen stops what runs, then ends.
		signal,
		prepare: ready,
		command,
		...(command === 'edit' && args[0] !== undefined ? {editId: args[0]} : {}),
		...(command === 'edit' && args[1] !== undefined ? {editValue: args[1]} : {}),
		rehearse: async () => (await import('./source/system/rehearsal.js')).createRehearsal(path.resolve('mesos-rehearsal'), {dryRun: flags.dryRun}),
	});
}

async function runCluster(command: string, file: string, flags: CommandLineOptions): Promise<number> {
	const {readClusterFile} = await import('./source/system/cluster-file.js');
	const cluster = await readClusterFile(file);
	const commands = await import('./source/commands/cluster.js');
	const root = flags.root === undefined ? {} : {root: flags.root};
	// Without --root a dry run of what changes nodes is refused with what shows it instead; status and
	// plan only read, so --dry-run asks nothing of them.
	if (flags.dryRun && flags.root === undefined && command === 'cluster setup') usage(`cluster setup --dry-run needs --root DIR (a rehearsal); to see what would be done on the nodes, run mesos-setup cluster plan ${file}.`);
	if (flags.dryRun && flags.root === undefined && command === 'cluster undo') usage(`cluster undo --dry-run needs --root DIR (a rehearsal): over SSH it cannot yet show what would be put back. cluster undo ${file} --yes checks every node before any node changes, refuses if one cannot be put back, and names the run each node puts back.`);
	if (command === 'cluster plan') return commands.runClusterPlan(cluster, {script: flags.script, ...root}, output);
	if (command === 'cluster status' && (flags.once || flags.json)) return commands.runClusterStatusOnce(cluster, {json: flags.json, ...root}, output);
	if (command === 'cluster setup' && flags.yes) return commands.runClusterSetupYes(cluster, {file, ...root, dryRun: flags.dryRun, signal: stopPlainRun()}, output);
	if (command === 'cluster undo') {
		if (!flags.yes) usage(`cluster undo asks no question on a screen yet: run mesos-setup cluster undo ${file} --yes.`);
		return (await import('./source/commands/cluster-undo.js')).runClusterUndo(cluster, {...root, dryRun: flags.dryRun}, output);
	}
	// The cluster screens: setup (settings, summary, deploy with a pane per node) and live status.
	if (!process.stdin.isTTY) usage(`mesos-setup ${command} needs a terminal for its screens; without one use ${command === 'cluster status' ? '--once or --json' : '--yes'}.`);
	const signal = stopOnSignals();
	const {renderApp} = await loadScreens();
	const prepareSystem = async () => ({system: await (await import('./source/system/system.js')).createSystem({...root, dryRun: flags.dryRun}), answers: {}});
	return renderApp({out: output.out, signal, prepare: prepareSystem, command: command === 'cluster status' ? 'cluster status' : 'cluster setup', cluster, clusterFile: file});
}

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof InputError) {
		for (const problem of error.problems) output.err(problem);
		output.err('Nothing was changed.');
		process.exitCode = 2;
	} else if (error instanceof StepError) {
		output.err(paint(output, 'red', error.message));
		for (const line of error.detail) output.err(line);
		process.exitCode = 1;
	} else {
		output.err(paint(output, 'red', `mesos-setup failed unexpectedly: ${errorMessage(error)}`));
		if (process.env.DEBUG) output.err(String((error as Error).stack));
		process.exitCode = 1;
	}
}
