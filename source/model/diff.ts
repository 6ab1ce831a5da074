// A line diff for previews: what a file holds now against what it will hold, by jsdiff (Myers'
// algorithm, so a file of thousands of lines with a few changes diffs at once), as hunks of
// numbered lines with a few unchanged lines around each change.
import {structuredPatch} from 'diff';

// `after`: the line's number in the file as it will be written; `before`: in the file as it is now.
export type DiffLine = {kind: 'same'; text: string; before: number; after: number} | {kind: 'removed'; text: string; before: number} | {kind: 'added'; text: string; after: number};

export type FileDiff = {
	hunks: DiffLine[][];
	added: number;
	removed: number;
	// Lines of the file now; the ones between hunks are unchanged, so this also says what they are.
	beforeLines: readonly string[];
};

// Unchanged lines kept around a change, as `diff -u` does.
export const contextLines = 3;
// Beyond this many lines added and removed Myers' algorithm gives up (after about 0.2 s on this
// project's machines for two 5,000-line files with nothing in common): such a file shows as all
// removed, then all added, which is how a person reads a file rewritten whole anyway.
const maxEditLength = 1000;

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
// Compared as lines: a missing newline at the end is no change of its own.
const withNewline = (text: string): string => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

function numbered(patchLines: readonly string[], beforeStart: number, afterStart: number): DiffLine[] {
	let before = beforeStart;
	let after = afterStart;
	const out: DiffLine[] = [];
	for (const line of patchLines) {
		const text = line.slice(1);
		if (line.startsWith('+')) out.push({kind: 'added', text, after: after++});
		else if (line.startsWith('-')) out.push({kind: 'removed', text, before: before++});
		else if (line.startsWith(' ')) out.push({kind: 'same', text, before: before++, after: after++});
	}
	return out;
}

// The changes, each with `context` unchanged lines around it, as hunks.
export function diffFile(before: string, after: string, context = contextLines): FileDiff {
	const beforeLines = lines(before);
	const patch = structuredPatch('now', 'written', withNewline(before), withNewline(after), undefined, undefined, {context, maxEditLength});
	const hunks = patch
		? patch.hunks.map(hunk => numbered(hunk.lines, hunk.oldStart, hunk.newStart))
		: [[...beforeLines.map((text, i): DiffLine => ({kind: 'removed', text, before: i + 1})), ...lines(after).map((text, i): DiffLine => ({kind: 'added', text, after: i + 1}))]];
	const all = hunks.flat();
	return {hunks, added: all.filter(l => l.kind === 'added').length, removed: all.filter(l => l.kind === 'removed').length, beforeLines};
}
