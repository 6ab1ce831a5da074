// The rows of some files' previews: per file a header, then its changes as hunks of numbered lines
// (a few unchanged lines around each change, "… N unchanged lines" between), or the whole file;
// then its notes. What does not fit in the rows a preview has scrolls as one list, saying how
// much is above and below.
import {diffFile, type DiffLine, type FileDiff} from '../../../model/diff.js';
import {wrapRows} from '../wrapped-text/text-rows.js';
import {scrollWindow} from '../scroll/scroll-window.js';

// `changes`: hunks with context; `whole`: every line of the file as it will be written.
export type PreviewView = 'changes' | 'whole';

// `gutter`: the width of the file's line-number column, so its rows line up.
export type LineRow = DiffLine & {gutter: number};

export type PreviewRow =
	| LineRow
	| {kind: 'fold'; text: string; count: number; gutter?: number}
	| {kind: 'header'; path: string; change: string; hint?: string}
	| {kind: 'note'; text: string};

export type PreviewFile = {
	path: string;
	// What the file holds now; undefined when it does not exist.
	before: string | undefined;
	// What it will hold; undefined when it is removed.
	after: string | undefined;
	notes?: readonly string[];
};

export const wholeFileKey = 'f';

const unchanged = (count: number): PreviewRow => ({kind: 'fold', count, text: `… ${count} unchanged line${count === 1 ? '' : 's'}`});

function changeText(file: PreviewFile, diff: FileDiff): string {
	if (file.after === undefined) return file.before === undefined ? 'not there: nothing to remove' : 'removed';
	if (file.before === undefined) return 'new file';
	if (file.before === file.after) return 'unchanged: nothing to write';
	return `${diff.added} line${diff.added === 1 ? '' : 's'} added, ${diff.removed} removed`;
}

export const fileChange = (before: string | undefined, after: string | undefined): string => changeText({path: '', before, after}, diffFile(before ?? '', after ?? ''));

// The unchanged lines from `from` to `to` (numbers in the file now), shifted by `shift` in the
// file as written: a count when they fold; shown when not, or when there is one (its fold row
// would take a row too).
function gap(diff: FileDiff, from: number, to: number, shift: number, fold: boolean): DiffLine[] | number {
	const count = to - from + 1;
	if (count <= 0) return [];
	if (fold && count > 1) return count;
	return diff.beforeLines.slice(from - 1, to).map((text, i) => ({kind: 'same', text, before: from + i, after: from + i + shift}));
}

// The hunks with what lies between them folded, or (`fold` false) shown: the whole file.
function bodyRows(diff: FileDiff, fold: boolean): (DiffLine | PreviewRow)[] {
	const rows: (DiffLine | PreviewRow)[] = [];
	const put = (lines: DiffLine[] | number) => (typeof lines === 'number' ? rows.push(unchanged(lines)) : rows.push(...lines));
	// `next`: the first line (numbered as now) no hunk has shown; `shift`: lines added less removed so far.
	let next = 1;
	let shift = 0;
	for (const hunk of diff.hunks) {
		const first = hunk.find(line => line.kind !== 'added');
		if (first) put(gap(diff, next, first.before - 1, shift, fold));
		rows.push(...hunk);
		for (const line of hunk) {
			if (line.kind !== 'added') next = line.before + 1;
			shift += line.kind === 'added' ? 1 : line.kind === 'removed' ? -1 : 0;
		}
	}
	put(gap(diff, next, diff.beforeLines.length, shift, fold));
	return rows;
}

const lastNumber = (lines: readonly (DiffLine | PreviewRow)[]): number =>
	lines.reduce((most, line) => Math.max(most, 'after' in line ? line.after : 0, 'before' in line ? line.before : 0), 0);

// One file as rows, its notes wrapped at `width`.
export function fileRows(file: PreviewFile, width: number, view: PreviewView): PreviewRow[] {
	const diff = diffFile(file.before ?? '', file.after ?? '');
	const changes = bodyRows(diff, true);
	const hides = changes.some(row => row.kind === 'fold');
	const body = view === 'whole' ? bodyRows(diff, false) : changes;
	const gutter = String(lastNumber(body)).length;
	const hint = hides ? (view === 'whole' ? `${wholeFileKey}: changes only` : `${wholeFileKey}: whole file`) : undefined;
	const notes = (file.notes ?? []).flatMap(note => wrapRows(`note: ${note}`, width, '      ').map((text): PreviewRow => ({kind: 'note', text})));
	return [
		{kind: 'header', path: file.path, change: changeText(file, diff), ...(hint ? {hint} : {})},
		...body.map((row): PreviewRow => (row.kind === 'same' || row.kind === 'added' || row.kind === 'removed' || row.kind === 'fold' ? {...row, gutter} : row)),
		...notes,
	];
}

export type PreviewWindow = {
	rows: PreviewRow[];
	// Rows out of view above and below, and the files whose header is below.
	above: number;
	below: number;
	filesBelow: number;
	offset: number;
	// The largest offset that moves the window (scrollWindow).
	max: number;
};

// The rows shown in `height` rows from `offset` (clamped), as scrollWindow places them.
export function previewWindow(all: readonly PreviewRow[], height: number, offset: number): PreviewWindow {
	const {start, visible, above, below, max} = scrollWindow(all.length, height, offset);
	const rest = all.slice(start + visible);
	return {rows: all.slice(start, start + visible), above, below, filesBelow: rest.filter(row => row.kind === 'header').length, offset: start, max};
}
