// A settings page in a 60×15 terminal (review 3, #10): the page scrolls to keep the focused field
// and its highlighted choice in view, saying how many rows are above and below, and the key help
// is shortened at a word instead of cut.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {fitHints} from '../../source/ui/components/key-help/fit-hints.js';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {type RenderedApp, renderWizard, resizeTo} from './render-wizard.js';

afterEach(() => cleanup());

// The walk of every page, from the list of settings, on the role: the last field of page 1.
async function onRole(app: RenderedApp): Promise<string> {
	await waitForFrame(app, 'Press Enter to begin');
	await press(app, keys.enter);
	await waitForFrame(app, 'Press Enter to go on to the settings');
	await press(app, keys.enter);
	await waitForFrame(app, '❯ Continue with these values');
	await press(app, keys.down, keys.enter);
	let frame = await waitForFrame(app, '▸ Package source');
	for (let enters = 0; enters < 8 && !frame.includes('▸ This machine’s role'); enters++) frame = await press(app, keys.enter);
	return frame;
}

const rowsOf = (frame: string): string[] => frame.split('\n');

describe('a settings page in 60×15', () => {
	it('keeps the role and its highlighted choice in view as the cursor moves, and says what is out of view', async () => {
		const app = await renderWizard();
		await onRole(app);
		resizeTo(app, {columns: 60, rows: 15});
		let frame = await waitForFrame(app, /↑ \d+ more rows/);
		expect(frame).toMatch(/▸ This machine’s role +❯ master\+agent/);
		expect(rowsOf(frame).length).toBeLessThan(15);
		for (const choice of ['master', 'agent']) {
			frame = await press(app, keys.down);
			frame = await waitForFrame(app, new RegExp(`^ +❯ ${choice.replace('+', '\\+')} *$`, 'm'));
			expect(frame).toContain('▸ This machine’s role');
			expect(rowsOf(frame).length).toBeLessThan(15);
		}
		// The key help fits the 60 columns whole, each hint said short, no word cut.
		expect(rowsOf(frame).at(-1)?.trimEnd()).toBe('Enter next page · ↑↓ choose · Esc back · Ctrl+C quit');
		// Back up a field: the page follows the focus up.
		frame = await press(app, keys.shiftTab);
		expect(frame).not.toContain('▸ This machine’s role');
		expect(frame).toMatch(/▸ \S/);
		expect(rowsOf(frame).length).toBeLessThan(15);
	});
});

describe('the key help in a narrow row', () => {
	const hints = [
		{key: 'Enter', does: 'next page'},
		{key: '↑↓', does: 'choose'},
		{key: 'Esc', does: 'back, keeping what you typed'},
		{key: 'q', does: 'quit (stops what is running)'},
	];
	it('is said whole where it fits, short where that fits, and else as many whole hints as fit, then …', () => {
		expect(fitHints(hints, 100)).toEqual({hints, cut: false});
		expect(fitHints(hints, 50).hints.map(hint => hint.does)).toEqual(['next page', 'choose', 'back', 'quit']);
		expect(fitHints(hints, 31)).toEqual({hints: [hints[0], hints[1]], cut: true});
	});
});
