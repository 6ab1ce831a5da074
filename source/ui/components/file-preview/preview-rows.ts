// Which rows of some files' diffs fit in the rows a preview has: every file whole when they fit;
// otherwise long runs of unchanged lines fold to "… N unchanged lines" around the changes, and
// what still does not fit scrolls as one list, saying how much is above and below.
import {diffCounts, diffLines, type DiffLine} from '../../../model/diff.js';
import {wrapRows} from '../wrapped-text/text-rows.js';

export type DiffRow = DiffLine | {kind: 'fold'; text: string; count: number};

export type PreviewRow = DiffRow | {kind: 'header'; path: string; change: string} | {kind: 'note'; text: string};

export type PreviewFile = {
	path: string;
	// What the file holds now; undefined when it does not exist.
	before: string | undefined;
	after: string;
	notes?: readonly string[];
};

const context = 2;

export function foldUnchanged(lines: readonly DiffLine[]): DiffRow[] {
	const rows: DiffRow[] = [];
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

export function fileChange(before: string | undefined, after: string): string {
	if (before === undefined) return 'new file';
	if (before === after) return 'unchanged: nothing to write';
	const {added, removed} = diffCounts(diffLines(before, after));
	return `${added} line${added === 1 ? '' : 's'} added, ${removed} removed`;
}

// One file as rows: its header, its diff (folded or not), its notes wrapped at `width`.
function fileRows(file: PreviewFile, width: number, fold: boolean): PreviewRow[] {
	const lines = diffLines(file.before ?? '', file.after);
	const notes = (file.notes ?? []).flatMap(note => wrapRows(`note: ${note}`, width, '      ').map(text => ({kind: 'note', text}) as const));
	return [{kind: 'header', path: file.path, change: fileChange(file.before, file.after)}, ...(fold ? foldUnchanged(lines) : lines), ...notes];
}

export type PreviewWindow = {
	rows: PreviewRow[];
	// Rows out of view above and below, and the files whose header is below.
	above: number;
	below: number;
	filesBelow: number;
	offset: number;
};

// The rows shown in `height` rows from `offset` (clamped). When not everything fits, a row above
// and a row below say what is out of view; the whole, those rows included, never passes `height`.
export function previewWindow(files: readonly PreviewFile[], height: number, width: number, offset: number): PreviewWindow {
	const whole = files.flatMap(file => fileRows(file, width, false));
	if (whole.length <= height) return {rows: whole, above: 0, below: 0, filesBelow: 0, offset: 0};
	const all = files.flatMap(file => fileRows(file, width, true));
	if (all.length <= height) return {rows: all, above: 0, below: 0, filesBelow: 0, offset: 0};
	const total = all.length;
	const from = (visible: number): number => Math.min(Math.max(offset, 0), total - visible);
	// At the top only the row below says more; scrolled, the row above does too, unless the end is in view.
	let visible = Math.max(height - 1, 1);
	let start = from(visible);
	if (start > 0 && start + visible < total) {
		visible = Math.max(height - 2, 1);
		start = from(visible);
	}
	const rest = all.slice(start + visible);
	return {
		rows: all.slice(start, start + visible),
		above: start,
		below: rest.length,
		filesBelow: rest.filter(row => row.kind === 'header').length,
		offset: start,
	};
}
