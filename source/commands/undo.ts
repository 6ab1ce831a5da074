// `mesos-setup undo --yes`: puts back the files the last run changed, from its backups, without a
// question; what it does not undo and the commands that restart the services reading those files
// are printed. In a terminal without --yes the undo screen asks first (ui/undo); without a
// terminal and without --yes, cli.tsx refuses (exit 2) before anything is read.
import {restartCommands, restartStep} from '../model/restart-step.js';
import {resolveValues} from '../model/answers.js';
import {localTime, undoCounts} from '../model/local-time.js';
import type {System} from '../system/system.js';
import {refuseUnsafeRealRun} from '../use-cases/real-machine.js';
import {previewUndo, undoLastRun} from '../use-cases/undo.js';
import type {Output} from './output.js';
import {nothingToUndo} from '../model/undo-preview.js';
import {copiesKeptIn, filesUndone, restartBrings} from '../model/undo-words.js';

// `typed`: the command line as given (cli.tsx), said back in the ways offered without root.
export async function runUndo(system: System, output: Output, typed: readonly string[] = ['undo', '--yes']): Promise<number> {
	refuseUnsafeRealRun(system, 'undo', 'puts back files in /etc', typed);
	const preview = await previewUndo(system);
	if (!preview) {
		output.out(nothingToUndo(` under ${system.root}`));
		return 0;
	}
	if (system.dryRun) {
		output.out(`Dry run: undo would put back the run started ${localTime(preview.startedAt)}; nothing was changed:`);
		for (const file of preview.files) output.out(`${file.action === 'restore' ? 'would restore' : 'would remove'} ${file.path}`);
		return 0;
	}
	output.out(`Undoing the run started ${localTime(preview.startedAt)}:`);
	const done = await undoLastRun(system, {onEvent: event => (event.type === 'notice' ? output.err(event.line) : output.out(`${event.line.outcome.padEnd(9)} ${event.line.path}`))});
	if (!done) {
		output.out('Nothing to undo any more: another undo came first.');
		return 0;
	}
	output.out(`Put back the run: ${undoCounts(done.lines)}; the answers saved before it are the saved answers again.`);
	if (done.keptIn) output.out(copiesKeptIn(system.fs.hostPath(done.keptIn)));
	for (const line of preview.keeps) output.out(line);
	if (done.services.length === 0) output.out(`No service reads ${filesUndone(done.lines)}: nothing to restart.`);
	else if (system.sandbox) output.out(`In a real setup these would be restarted ${restartBrings(done.lines)}: ${done.services.join(', ')}.`);
	else {
		output.out(`${done.services.join(', ')} read ${filesUndone(done.lines)}; restart ${done.services.length === 1 ? 'it' : 'them'} ${restartBrings(done.lines)}:`);
		for (const command of restartCommands(restartStep(done.services, resolveValues(done.answers), system.facts.init))) output.out(`  sudo ${command}`);
	}
	if (done.setupRun && !done.setUp) output.out('No setup counts as done here any more: mesos-setup starts the wizard.');
	return 0;
}
