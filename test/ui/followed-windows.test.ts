// The windows that follow a part of what they scroll: a page's focused field (windowShowing) and
// edit's highlighted setting (settingLines). Every row is shown or counted above or below, the
// whole with its marks never passes the height, and the part followed is in view.
import {describe, expect, it} from 'vitest';
import {windowShowing} from '../../source/ui/components/scroll/scroll-window.js';
import {settingLines} from '../../source/ui/edit/setting-lines.js';
import type {SettingRow} from '../../source/ui/edit/setting-rows.js';
import type {SettingId} from '../../source/model/settings.js';

const rowsUsed = (window: {visible: number; above: number; below: number}): number => window.visible + (window.above > 0 ? 1 : 0) + (window.below > 0 ? 1 : 0);

describe('windowShowing', () => {
	it('stays at the top while the part fits there', () => {
		expect(windowShowing(30, 12, 3, [8])).toMatchObject({start: 0, above: 0});
	});

	it('shows the whole part where it fits, as near the top as it can, every row shown or counted', () => {
		for (let from = 0; from < 24; from++) {
			const window = windowShowing(30, 12, from, [from + 6]);
			expect(window.start).toBeLessThanOrEqual(from);
			expect(from + 6).toBeLessThanOrEqual(window.start + window.visible);
			expect(window.above + window.visible + window.below).toBe(30);
			expect(rowsUsed(window)).toBeLessThanOrEqual(12);
		}
	});

	it('takes the first end that fits (a problem under the fields), else the next (the field alone)', () => {
		expect(windowShowing(30, 12, 10, [16, 13])).toMatchObject({start: 6, visible: 10});
		const field = windowShowing(30, 12, 10, [25, 13]);
		expect(field.start).toBeLessThanOrEqual(10);
		expect(field.start + field.visible).toBeGreaterThanOrEqual(13);
	});

	it('shows a part taller than the window from its top, at least to the row it must show', () => {
		const window = windowShowing(40, 8, 10, [30], 14);
		expect(window.start).toBe(10);
		expect(window.start + window.visible).toBeGreaterThanOrEqual(14);
	});
});

// Three files of `sizes[i]` settings each.
function rowsIn(sizes: readonly number[]): SettingRow[] {
	return sizes.flatMap((size, file) =>
		Array.from({length: size}, (_, at): SettingRow => ({id: `s${file}.${at}` as SettingId, label: `setting ${file}.${at}`, value: 'v', group: `/etc/file${file}`, editedByHand: false, saved: 'v', fileMissing: false})),
	);
}

describe('settingLines', () => {
	const rows = rowsIn([4, 6, 5, 10]);

	it('keeps the highlighted setting in view, counts every setting, heads every window with a file, within the height', () => {
		for (let selected = 0; selected < rows.length; selected++) {
			const shown = settingLines(rows, selected, 12);
			const settings = shown.lines.filter(line => line.kind === 'setting');
			expect(settings.some(line => line.kind === 'setting' && line.index === selected)).toBe(true);
			expect(shown.above + settings.length + shown.below).toBe(rows.length);
			expect(shown.lines[0]?.kind).toBe('heading');
			// Never a heading on the last row, its settings all below.
			expect(shown.lines.at(-1)?.kind).toBe('setting');
			expect(shown.lines.length + (shown.above > 0 ? 1 : 0) + (shown.below > 0 ? 1 : 0)).toBeLessThanOrEqual(12);
			// A heading shown names the file of the setting after it.
			shown.lines.forEach((line, at) => {
				const next = shown.lines[at + 1];
				if (line.kind === 'heading' && next?.kind === 'setting') expect(next.row.group).toBe(line.group);
			});
		}
	});

	it('shows a list that fits whole, a heading over each file', () => {
		const few = rowsIn([2, 1]);
		expect(settingLines(few, 0, 12)).toMatchObject({above: 0, below: 0});
		expect(settingLines(few, 0, 12).lines.map(line => (line.kind === 'heading' ? line.group : line.row.label))).toEqual(['/etc/file0', 'setting 0.0', 'setting 0.1', '/etc/file1', 'setting 1.0']);
	});
});
