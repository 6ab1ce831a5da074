// The edit list's lines in the rows it has: a heading for each file, then its settings, scrolled
// by scrollWindow (as the summary, the checks and the diffs scroll) to keep the highlighted one in
// view, with how many settings are out of view above and below it for the rows that say so.
import {scrollWindow} from '../components/scroll/scroll-window.js';
import type {SettingRow} from './setting-rows.js';

export type SettingLine = {kind: 'heading'; group: string} | {kind: 'setting'; row: SettingRow; index: number};

export type SettingLines = {lines: SettingLine[]; above: number; below: number};

export function settingLines(rows: readonly SettingRow[], selected: number, height: number): SettingLines {
	// A heading wherever the file changes among the rows listed (a filter may leave out a group's first).
	const all: SettingLine[] = rows.flatMap((row, index): SettingLine[] => [
		...(index === 0 || rows[index - 1]?.group !== row.group ? [{kind: 'heading' as const, group: row.group}] : []),
		{kind: 'setting', row, index},
	]);
	const at = Math.max(0, all.findIndex(line => line.kind === 'setting' && line.index === selected));
	const centred = (rowsFor: number) => scrollWindow(all.length, rowsFor, at - Math.floor((rowsFor - 2) / 2));
	const room = Math.max(3, height);
	let window = centred(room);
	let shown = all.slice(window.start, window.start + window.visible);
	// A window that starts inside a file still says which file: its heading takes a row of its own.
	if (shown[0]?.kind === 'setting') {
		window = centred(room - 1);
		shown = all.slice(window.start, window.start + window.visible);
		const first = shown[0];
		if (first?.kind === 'setting') shown = [{kind: 'heading', group: first.row.group}, ...shown];
	}
	const settingsIn = (lines: readonly SettingLine[]): number => lines.filter(line => line.kind === 'setting').length;
	// Only the first file's heading above: from the top, rather than a row saying 0 more.
	if (window.start > 0 && settingsIn(all.slice(0, window.start)) === 0) {
		window = scrollWindow(all.length, room, 0);
		shown = all.slice(0, window.visible);
	}
	// A heading on the last row would name a file whose settings are all below: the row is left empty.
	if (shown.at(-1)?.kind === 'heading') shown = shown.slice(0, -1);
	return {lines: shown, above: settingsIn(all.slice(0, window.start)), below: settingsIn(all.slice(window.start + window.visible))};
}
