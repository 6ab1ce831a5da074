// `mesos-setup undo`: puts back the files the last apply changed, from its backups.
import {undoLastRun} from '../system/journal.js';
import {newRunId} from '../system/journal.js';
import type {System} from '../system/system.js';
import {refuseUnsafeRealRun} from './gather-answers.js';
import type {Output} from './output.js';

export async function runUndo(system: System, output: Output): Promise<number> {
	refuseUnsafeRealRun(system, 'undo');
	if (system.dryRun) {
		output.out('Dry run: undo would restore the files of the last run; nothing was changed.');
		return 0;
	}
	const {run, lines} = await undoLastRun(system.fs, newRunId(system.now()), system.now());
	if (!run) {
		output.out(`Nothing to undo: no earlier run changed files under ${system.root}.`);
		return 0;
	}
	output.out(`Undoing run ${run.runId} (started ${run.startedAt}):`);
	for (const line of lines) output.out(`${line.outcome.padEnd(9)} ${line.path}`);
	output.out(`Restored ${lines.length} file${lines.length === 1 ? '' : 's'}. Services were not restarted: restart them to use the old settings.`);
	return 0;
}
