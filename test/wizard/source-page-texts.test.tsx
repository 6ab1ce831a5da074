// The package source page (the guided walk's first question page) as a person reads it at 80×24 and
// 120×40: the footer says what Enter does on each field (the next field, then the next page) and that
// Esc keeps what was typed, and the focused field's help wraps with every row under the first.
// (What the page's answers will run
// is said once, in the summary: test/wizard/screens.test.tsx.)
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderWizard, resizeTo, terminalSizes} from '../ui/render-wizard.js';
import {toSettingsList} from './walk.js';

afterEach(() => cleanup());

const footer = (frame: string): string => frame.split('\n').at(-1) ?? '';

describe.each(terminalSizes)('the package source page at $columns×$rows', ({columns, rows}) => {
	it('names what Enter does, and aligns the help’s wrapped rows', async () => {
		const app = await renderWizard();
		resizeTo(app, {columns, rows});
		await toSettingsList(app);
		await press(app, keys.down, keys.enter);
		const source = await waitForFrame(app, '▸ Package source');
		expect(footer(source)).toBe('Enter next field · ↑↓ choose · Esc back, keeping what you typed · Ctrl+C quit');
		const second = await press(app, keys.enter);
		expect(second).toContain('▸ Key server');
		expect(footer(second)).toBe('Enter next field · Esc back, keeping what you typed · Ctrl+C quit');
		expect(second).toContain('Tab and Shift+Tab move between fields');
		await press(app, keys.enter, keys.enter);
		const method = await waitForFrame(app, '▸ How the key is trusted');
		expect(footer(method)).toBe('Enter next field · ↑↓ choose · Esc back, keeping what you typed · Ctrl+C quit');

		// The help's rows all start in one column.
		const lines = method.split('\n');
		const help = lines.findIndex(line => line.includes('apt-key adds the key'));
		const column = lines[help]?.indexOf('apt-key adds') ?? -1;
		const helpRows = lines.slice(help + 1, help + 3).filter(line => /(keyring|signed-by|deprecated)/.test(line.slice(column)));
		expect(helpRows.length).toBeGreaterThan(0);
		for (const row of helpRows) expect(row.slice(column - 1, column + 1), row).toMatch(/^ \S/);

		await press(app, keys.enter, keys.enter);
		const role = await waitForFrame(app, '▸ This machine’s role');
		expect(footer(role)).toBe('Enter next page · ↑↓ choose · Esc back, keeping what you typed · Ctrl+C quit');
		const next = await press(app, keys.enter);
		expect(next).toMatch(/Settings page 2 of \d+:/);
	});
});
