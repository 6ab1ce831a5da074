// The wizard's lists that scroll stop at their ends, as the other scrolled lists do (they went
// round): ↑ on the first row of the settings at a glance, or on the summary's
// first file, does nothing, where it went round to the last row out of view.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {press, pressExpectingNoChange, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {type RenderedApp, renderWizard, resizeTo} from './render-wizard.js';

afterEach(() => cleanup());

async function atList(app: RenderedApp): Promise<string> {
	await waitForFrame(app, 'Press Enter to begin');
	await press(app, keys.enter);
	await waitForFrame(app, 'Press Enter to go on to the settings');
	await press(app, keys.enter);
	return waitForFrame(app, '❯ Continue with these values');
}

// The summary's file under the cursor: its row starts ❯ and its verb (✎ write).
const chosen = (frame: string): string | undefined => /❯ \S+ (\S+)/.exec(frame)?.[1];

describe('lists that stop at their ends', () => {
	it('the settings at a glance: ↑ on the first row stays there, ↓ goes to the second', async () => {
		const app = await renderWizard();
		await atList(app);
		await pressExpectingNoChange(app, keys.up);
		expect(await press(app, keys.down)).toContain('❯ Walk through every page');
	});

	it('the settings at a glance in 80×24 say how many rows are below, and above once scrolled, as edit’s list does', async () => {
		const app = await renderWizard();
		await atList(app);
		resizeTo(app, {columns: 80, rows: 24});
		let frame = await waitForFrame(app, /↓ \d+ more rows/);
		expect(frame).not.toMatch(/↑ \d+ more rows/);
		expect(frame.split('\n').length).toBeLessThan(24);
		for (let downs = 0; downs < 14; downs++) frame = await press(app, keys.down);
		frame = await waitForFrame(app, /↑ \d+ more rows/);
		expect(frame).toMatch(/↓ \d+ more rows/);
		expect(frame).toMatch(/^❯ /m);
		expect(frame.split('\n').length).toBeLessThan(24);
	});

	it('the summary: ↑ on the first file stays there', async () => {
		const app = await renderWizard();
		await atList(app);
		await press(app, keys.enter);
		let frame = await waitForFrame(app, 'Press Enter to start the run');
		const first = chosen(frame);
		expect(first).toBeDefined();
		await pressExpectingNoChange(app, keys.up);
		frame = await press(app, keys.down);
		const second = chosen(frame);
		expect(second).not.toBe(first);
		// And back up to the first, where ↑ again does nothing.
		frame = await press(app, keys.up);
		expect(chosen(frame)).toBe(first);
		await pressExpectingNoChange(app, keys.up);
		expect(chosen(await press(app, keys.down))).toBe(second);
	});
});
