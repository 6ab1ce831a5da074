// The command line: parse argv, build a System, then run a plain path (--yes, plan, undo,
// status --once) or render the Ink app. Errors become exit codes here and nowhere else.
import './source/commands/no-color.js';
import path from 'node:path';
import packageJson from './package.json' with {type: 'json'};
import {helpText} from './source/cli/help-text.js';
import {parseCommandLine} from './source/cli/parse-command-line.js';
import {gatherAnswers} from './source/commands/gather-answers.js';
import {createOutput, paint} from './source/commands/output.js';
import {runPlan} from './source/commands/plan.js';
import {runSetupYes} from './source/commands/setup-yes.js';
import {runUndo} from './source/commands/undo.js';
import {errorMessage, InputError, StepError} from './source/model/errors.js';
import {createRehearsal} from './source/system/rehearsal.js';
import {beginExclusiveRun} from './source/system/exclusive-run.js';
import {createSystem, type System} from './source/system/system.js';

const output = createOutput();

function usage(problem: string): never {
	throw new InputError([problem, 'Run mesos-setup --help for the commands and options.']);
}

// setup, edit and undo write, and so may the home menu and the wizard; plan, status and --dry-run do
// not (live status must open while a setup runs), and a user who is not root cannot on the real machine.
const mayWrite = (command: string, flags: {dryRun: boolean}, system: System): boolean =>
	!flags.dryRun && command !== 'plan' && command !== 'status' && (system.sandbox || system.facts.isRoot);

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
	const system = await createSystem({...(flags.root === undefined ? {} : {root: flags.root}), dryRun: flags.dryRun});
	const answers = await gatherAnswers(system, {...(flags.answers === undefined ? {} : {answers: flags.answers}), set: flags.set});
	// One run at a time where this one may write; released when the process ends.
	if (mayWrite(command, flags, system)) await beginExclusiveRun(system, command, output.err);

	if (command === 'plan') return runPlan(system, answers, {script: flags.script}, output);
	if (command === 'undo') return runUndo(system, output);
	if (command === 'setup' && flags.yes) return runSetupYes(system, answers, output);
	if (command === 'home' && flags.yes) return runSetupYes(system, answers, output);
	if (command === 'status' && (flags.once || flags.json)) {
		const {runStatusOnce} = await import('./source/commands/status.js');
		return runStatusOnce(system, {json: flags.json, out: output.out});
	}
	if (command === 'edit' && flags.yes) {
		const [id, value] = args;
		if (id === undefined || value === undefined) usage('edit --yes needs a setting id and a value, such as: edit slave.hostname node1 --yes');
		const {runEditYes} = await import('./source/commands/edit.js');
		return runEditYes(system, {id, value, answers, out: output.out, err: output.err});
	}
	// Everything else is interactive: the wizard, the menu, edit and live status need a terminal.
	if (!process.stdin.isTTY) {
		usage(`${command === 'home' ? 'mesos-setup' : `mesos-setup ${command}`} needs a terminal to ask its questions; without one use --yes${command === 'status' ? ' or status --once' : ''}.`);
	}
	const {renderApp} = await import('./source/ui/app.js');
	return renderApp({
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
