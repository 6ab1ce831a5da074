// The Done screen's "What changed" line: only what happened (no "0 commands run"), files counted
// once however often they were written, and a sentence of its own when nothing changed at all. The
// counts are each action's last outcome, checks left out (RunSummary.lastCounts): a run done twice
// in one session is counted once, and no preflight check is called a command.
import {plural} from '../../model/change-summary.js';
import type {RunSummary} from '../../model/apply-events.js';

// `rehearsal`: the skipped are the commands a --root run shows and does not run.
export function whatChanged(summary: RunSummary | undefined, rehearsal = false): string {
	const counts = summary?.lastCounts ?? {};
	const files = summary?.changedFiles.length ?? 0;
	const some = (n: number | undefined, words: string): string[] => (n ? [words] : []);
	const wouldWrite = counts['would-write'] ?? 0;
	const wouldRun = counts['would-run'] ?? 0;
	const dry = [...some(wouldWrite, `${plural(wouldWrite, 'file')} would be written`), ...some(wouldRun, `${plural(wouldRun, 'command')} would run`)];
	const parts = [
		...some(files, `${plural(files, 'file')} written`),
		...some(counts.unchanged, `${counts.unchanged} already right`),
		...some(counts.ran, `${plural(counts.ran ?? 0, 'command')} run`),
		...some(counts.healthy, `${plural(counts.healthy ?? 0, 'service')} healthy`),
		...some(counts.failed, `${counts.failed} failed`),
		...some(counts.skipped, rehearsal ? `${plural(counts.skipped ?? 0, 'command')} shown, not run (a rehearsal)` : `${counts.skipped} skipped`),
		...(dry.length > 0 ? [`${dry.join(' and ')} (dry run)`] : []),
	];
	return parts.length > 0 ? parts.join(', ') : 'nothing: every file already held these values';
}
