// `mesos-setup undo`: puts back the files the last apply changed, from its backups.
import {undoLastChange} from '../system/undo.js';
import type {System} from '../system/system.js';
import {refuseUnsafeRealRun} from './gather-answers.js';
import type {Output} from './output.js';

export async function runUndo(system: System, output: Output): Promise<number> {
	refuseUnsafeRealRun(system, 'undo');
	if (system.dryRun) {
		output.out('Dry run: undo would restore the files of the last run; nothing was changed.');
		return 0;
	}
	const {run, lines} = await undoLastChange(system);
	if (!run) {
		output.out(`Nothing to undo: no earlier run changed files under ${system.root}.`);
		return 0;
	}
	output.out(`Undoing run ${run.runId} (started ${run.startedAt}):`);
	for (const line of lines) output.out(`${line.outcome.padEnd(9)} ${line.path}`);
	const restored = lines.filter(line => line.outcome !== 'removed').length;
	const removed = lines.length - restored;
	const counts = [restored > 0 ? `restored ${restored} file${restored === 1 ? '' : 's'}` : '', removed > 0 ? `removed ${removed} file${removed === 1 ? '' : 's'} it had created` : ''].filter(Boolean);
	output.out(`Put back the run: ${counts.join(', ')}; the answers saved before it are the saved answers again.`);
	output.out('Services were not restarted: restart them (or use mesos-setup status, r) to run with the old settings.');
	return 0;
}
