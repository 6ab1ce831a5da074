// Which lines of a file's diff fit in the rows a preview has: the whole file when it fits;
// otherwise long runs of unchanged lines fold to "… N unchanged lines" around the changes, and
// what still does not fit scrolls.
import type {DiffLine} from '../../../model/diff.js';

export type PreviewRow = DiffLine | {kind: 'fold'; text: string; count: number};

const context = 2;

export function foldUnchanged(lines: readonly DiffLine[]): PreviewRow[] {
	const rows: PreviewRow[] = [];
	let run: DiffLine[] = [];
	const closeRun = (atStart: boolean, atEnd: boolean) => {
		const keepBefore = atStart ? 0 : context;
		const keepAfter = atEnd ? 0 : context;
		if (run.length > keepBefore + keepAfter + 1) {
			rows.push(...run.slice(0, keepBefore));
			const count = run.length - keepBefore - keepAfter;
			rows.push({kind: 'fold', count, text: `… ${count} unchanged line${count === 1 ? '' : 's'}`});
			rows.push(...run.slice(run.length - keepAfter));
		} else rows.push(...run);
		run = [];
	};
	let seenChange = false;
	for (const line of lines) {
		if (line.kind === 'same') {
			run.push(line);
			continue;
		}
		closeRun(!seenChange, false);
		seenChange = true;
		rows.push(line);
	}
	closeRun(!seenChange, true);
	return rows;
}

export type PreviewWindow = {rows: PreviewRow[]; above: number; below: number; offset: number};

// The rows shown in `height` rows, starting at `offset` (clamped), with how many are out of view.
export function previewWindow(lines: readonly DiffLine[], height: number, offset: number): PreviewWindow {
	const all: PreviewRow[] = lines.length <= height ? [...lines] : foldUnchanged(lines);
	if (all.length <= height) return {rows: all, above: 0, below: 0, offset: 0};
	// One row each way says that more is out of view.
	const visible = Math.max(height - 2, 1);
	const start = Math.min(Math.max(offset, 0), all.length - visible);
	return {rows: all.slice(start, start + visible), above: start, below: all.length - start - visible, offset: start};
}
