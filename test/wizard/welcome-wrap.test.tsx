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

// At 60×15 the choices were below the window while ↓ moved their hidden cursor: the lines about the
// machine give way instead, counted, and the question and both choices stay in view.
describe('the welcome at 60×15', () => {
	it('keeps its choices and question in view, the machine’s lines counted where they give way', async () => {
		const app = await renderWizard();
		await waitForFrame(app, 'Press Enter to begin');
		const drawn = app.frames.length;
		resizeTo(app, {columns: 60, rows: 15});
		const frame = await waitForFrame(app, shown => app.frames.length > drawn && shown.includes('step 1 of') && shown.includes('❯ This machine'));
		expect(frame).toContain('Several machines: list them');
		expect(frame.replaceAll(/\s+/g, ' ')).toContain('This machine or several machines?');
		expect(frame).toMatch(/… \d+ more lines? about this machine in a taller window/);
		expect(frame.split('\n').length).toBeLessThanOrEqual(14);
		app.stdin.write('\u001B[B');
		expect(await waitForFrame(app, '❯ Several machines')).toContain('This machine or several machines?');
	});
});
