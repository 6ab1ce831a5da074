// The command line: parse argv, build a System, then run a plain path (--yes, plan, undo,
// status --once) or render the Ink app. Errors become exit codes here and nowhere else.
import './source/commands/no-color.js';
import path from 'node:path';
import meow from 'meow';
import {createOutput, paint} from './source/commands/output.js';
import {runPlan} from './source/commands/plan.js';
import {runSetupYes} from './source/commands/setup-yes.js';
import {runUndo} from './source/commands/undo.js';
import {errorMessage, InputError, StepError} from './source/model/errors.js';
import {createRehearsal} from './source/system/rehearsal.js';
import {stopOnSignals} from './source/system/stop-signals.js';
import {createSystem} from './source/system/system.js';
import {gatherAnswers} from './source/use-cases/gather-answers.js';

const help = `
  Usage
    $ mesos-setup [command] [options]

  Commands
    (none)               the wizard on a fresh machine; a menu (status, edit, setup again, undo) after
    setup                the guided setup wizard; with --yes, the whole setup without questions
    edit [ID] [VALUE]    edit one setting; with ID, VALUE and --yes, no questions
    status               live status of every service and the cluster
    plan                 every command and file the setup would run or write; nothing is changed
    undo                 restore the files the last run changed, from its backups

  Options
    --root DIR           treat DIR as /: files are read and written under it, system commands are skipped
    --dry-run            change nothing at all: show what would be run and written
    --answers FILE       answers (JSON or YAML) that prefill the wizard; with --yes nothing is asked
    --set ID=VALUE       one answer (repeatable), such as --set slave.hostname=node1
    --yes                non-interactive: take answers and defaults, print progress as plain lines
    --once               status: print one snapshot and exit (0 all healthy, 1 otherwise)
    --json               status: print one JSON document
    --script             plan: print the plan as one bash script to run by hand
    --help               show this help
    --version            show the version

  Exit codes: 0 done, 1 a step failed, 2 bad usage or bad input.

  Examples
    $ sudo mesos-setup
    $ mesos-setup setup --yes --root ./mesos-rehearsal
    $ sudo mesos-setup edit slave.hostname node1.example.com --yes
    $ mesos-setup plan --script > setup.sh
`;

const commands = ['setup', 'edit', 'status', 'plan', 'undo'] as const;
type Command = (typeof commands)[number] | 'home';

const cli = meow(help, {
	importMeta: import.meta,
	// Unknown options are caught below, with a message that says what is allowed.
	allowUnknownFlags: true,
	flags: {
		root: {type: 'string'},
		dryRun: {type: 'boolean', default: false},
		answers: {type: 'string'},
		set: {type: 'string', isMultiple: true, default: []},
		yes: {type: 'boolean', default: false},
		once: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
		script: {type: 'boolean', default: false},
	},
});

const output = createOutput();

function usage(problem: string): never {
	throw new InputError([problem, 'Run mesos-setup --help for the commands and options.']);
}

const knownOptions = ['--root', '--dry-run', '--answers', '--set', '--yes', '--once', '--json', '--script', '--help', '--version'];

function checkOptionsKnown(argv: readonly string[]): void {
	const end = argv.indexOf('--');
	for (const word of end === -1 ? argv : argv.slice(0, end)) {
		if (!word.startsWith('-') || word === '-') continue;
		const name = word.split('=')[0] ?? word;
		if (knownOptions.includes(name) || knownOptions.includes(name.replace(/^--no-/, '--'))) continue;
		usage(`unknown option ${name}: the options are ${knownOptions.join(', ')}.`);
	}
}

function parseCommand(): {command: Command; args: string[]} {
	const [first, ...args] = cli.input;
	if (first === undefined) return {command: 'home', args};
	if (!(commands as readonly string[]).includes(first)) usage(`unknown command ${JSON.stringify(first)}: use one of ${commands.join(', ')}.`);
	return {command: first as Command, args};
}

function checkFlagsFit(command: Command, args: string[]): void {
	const {flags} = cli;
	if (flags.script && command !== 'plan') usage('--script goes with plan only.');
	if ((flags.once || flags.json) && command !== 'status') usage('--once and --json go with status only.');
	const allowed = command === 'edit' ? 2 : 0;
	if (args.length > allowed) usage(`${command} takes ${allowed === 0 ? 'no arguments' : 'at most a setting id and a value'}; found ${args.join(' ')}.`);
	if (flags.root !== undefined && flags.root.trim() === '') usage('--root needs a folder, such as --root ./mesos-rehearsal.');
}

// Ctrl+C or SIGTERM while a plain command runs: what runs is stopped (its process group ended), the
// step is recorded as stopped, and the command exits 130. A second signal exits at once.
const stopPlainRun = (): AbortSignal =>
	stopOnSignals(name => output.err(`${name === 'SIGINT' ? 'Ctrl+C' : name}: stopping what runs; press Ctrl+C again to quit at once.`));

async function main(): Promise<number> {
	checkOptionsKnown(process.argv.slice(2));
	const {command, args} = parseCommand();
	checkFlagsFit(command, args);
	const {flags} = cli;
	const system = await createSystem({...(flags.root ? {root: path.resolve(flags.root)} : {}), dryRun: flags.dryRun});
	const answers = await gatherAnswers(system, {...(flags.answers ? {answers: flags.answers} : {}), set: flags.set});

	if (command === 'plan') return runPlan(system, answers, {script: flags.script}, output);
	if (command === 'undo' && flags.yes) return runUndo(system, output);
	if (command === 'setup' && flags.yes) return runSetupYes(system, answers, output, stopPlainRun());
	if (command === 'home' && flags.yes) return runSetupYes(system, answers, output, stopPlainRun());
	if (command === 'status' && (flags.once || flags.json)) {
		const {runStatusOnce} = await import('./source/commands/status.js');
		return runStatusOnce(system, {json: flags.json, out: output.out, signal: stopPlainRun()});
	}
	if (command === 'edit' && flags.yes) {
		const [id, value] = args;
		if (id === undefined || value === undefined) usage('edit --yes needs a setting id and a value, such as: edit slave.hostname node1 --yes');
		const {runEditYes} = await import('./source/commands/edit.js');
		return runEditYes(system, {id, value, answers, out: output.out, err: output.err, signal: stopPlainRun()});
	}
	// Undo asks before it changes anything: in a terminal on its screen, elsewhere only --yes answers.
	if (command === 'undo' && !process.stdin.isTTY) {
		usage('mesos-setup undo asks before it puts files back, and there is no terminal to ask in: run mesos-setup undo --yes to undo without a question.');
	}
	// Everything else is interactive: the wizard, the menu, edit and live status need a terminal.
	if (!process.stdin.isTTY) {
		usage(`${command === 'home' ? 'mesos-setup' : `mesos-setup ${command}`} needs a terminal to ask its questions; without one use --yes${command === 'status' ? ' or status --once' : ''}.`);
	}
	const {renderApp} = await import('./source/ui/app.js');
	return renderApp({
		out: output.out,
		// A signal from outside (Ctrl+C itself is a key there): the screen stops what runs, then ends.
		signal: stopOnSignals(),
		system,
		command,
		answers,
		...(command === 'edit' && args[0] !== undefined ? {editId: args[0]} : {}),
		...(command === 'edit' && args[1] !== undefined ? {editValue: args[1]} : {}),
		rehearse: () => createRehearsal(path.resolve('mesos-rehearsal'), {dryRun: flags.dryRun}),
	});
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
