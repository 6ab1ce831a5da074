// The summary's window over its rows: the chosen file in view, and every other row either in view
// or counted in the row above or below (no row left out unsaid). The first file shows what comes
// before it as far as it fits, the last what comes after it: the key's commands, the services.
import {describe, expect, it} from 'vitest';
import {type SummaryRow, summaryWindow} from '../../source/ui/wizard/summary-rows.js';

// `before` rows of commands, then `files` files, then `after` rows of commands.
function rowsOf(before: number, files: number, after: number): SummaryRow[] {
	const command = (text: string): SummaryRow => ({text, tone: 'command'});
	return [
		...Array.from({length: before}, (_, at) => command(`before ${at}`)),
		...Array.from({length: files}, (_, file): SummaryRow => ({text: `file ${file}`, tone: 'new', file})),
		...Array.from({length: after}, (_, at) => command(`after ${at}`)),
	];
}

describe('summaryWindow', () => {
	const height = 10;

	it('counts every row: the ones shown, above and below, never more than the height with the marks', () => {
		const rows = rowsOf(12, 8, 12);
		for (let chosen = 0; chosen < 8; chosen++) {
			const window = summaryWindow(rows, chosen, height);
			expect(window.above + window.visible + window.below).toBe(rows.length);
			expect(window.visible + (window.above > 0 ? 1 : 0) + (window.below > 0 ? 1 : 0)).toBeLessThanOrEqual(height);
			const at = rows.findIndex(row => row.file === chosen);
			expect(at).toBeGreaterThanOrEqual(window.start);
			expect(at).toBeLessThan(window.start + window.visible);
		}
	});

	it('on the first file, shows as much as fits of what comes before it', () => {
		expect(summaryWindow(rowsOf(5, 8, 12), 0, height)).toMatchObject({start: 0, above: 0});
		// Too many to fit: the first file at the bottom of the window, the rest counted above.
		const window = summaryWindow(rowsOf(12, 8, 12), 0, height);
		expect(window.start + window.visible - 1).toBe(12);
		expect(window.above).toBe(12 - (height - 3));
	});

	it('on the last file, shows as much as fits of what comes after it', () => {
		expect(summaryWindow(rowsOf(12, 8, 5), 7, height)).toMatchObject({below: 0});
		const window = summaryWindow(rowsOf(12, 8, 12), 7, height);
		expect(window.start).toBe(12 + 7);
		expect(window.below).toBe(12 - (height - 3));
	});

	it('shows everything, unmarked, where it fits', () => {
		expect(summaryWindow(rowsOf(2, 3, 2), 1, height)).toEqual({start: 0, visible: 7, above: 0, below: 0, max: 0});
	});
});
