// The welcome at 80×24 and 120×40: every sentence wraps at a word, its rows starting where it
// starts (no row one space too far in), nothing cut.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {waitForFrame} from '../helpers/ink-app.js';
import {renderWizard, resizeTo, terminalSizes} from '../ui/render-wizard.js';

afterEach(() => cleanup());

describe.each(terminalSizes)('the welcome at $columns×$rows', ({columns, rows}) => {
	it('wraps its sentences aligned', async () => {
		const app = await renderWizard();
		await waitForFrame(app, 'Press Enter to begin');
		// The frame drawn for the new size, not the one already on screen (at the library's 100 columns).
		const drawn = app.frames.length;
		resizeTo(app, {columns, rows});
		const frame = await waitForFrame(app, shown => app.frames.length > drawn && shown.includes('Press Enter to begin'));
		const lines = frame.split('\n');
		expect(lines.filter(line => /^ \S|│ \S/.test(line.replace(/^.{26}(?=\S)/, '')))).toEqual([]);
		expect(lines.every(line => line.length <= columns)).toBe(true);
		expect(frame).not.toContain('…');
		expect(frame.replaceAll(/\s+/g, ' ')).toContain('system commands are shown, not run.');
	});
});
