// The repository key page as a person reads it at 80×24 and 120×40: the footer says what Enter does
// on each field (the next field, then the review), "Will run" follows the choice under the cursor
// before Enter, a wrapped command's next row stays under its text (not under the $), and the
// focused field's help wraps with every row under the first.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderWizard, resizeTo, terminalSizes} from '../ui/render-wizard.js';

afterEach(() => cleanup());

const footer = (frame: string): string => frame.split('\n').at(-1) ?? '';

describe.each(terminalSizes)('the key page at $columns×$rows', ({columns, rows}) => {
	it('names what Enter does, follows the choice under the cursor, and aligns wrapped rows', async () => {
		const app = await renderWizard();
		resizeTo(app, {columns, rows});
		await waitForFrame(app, 'Press Enter to begin');
		await press(app, keys.enter);
		await waitForFrame(app, 'Press Enter to go on to the repository key.');
		await press(app, keys.enter);
		// The package source is asked first: its choice decides which key fields follow.
		const source = await waitForFrame(app, '▸ Package source');
		expect(footer(source)).toBe('Enter next field · ↑↓ choose · Esc back · Ctrl+C quit');
		const first = await press(app, keys.enter);
		expect(first).toContain('▸ Key server');
		expect(footer(first)).toBe('Enter next field · Shift+Tab previous field · Esc back · Ctrl+C quit');
		const second = await press(app, keys.enter);
		expect(second).toContain('▸ Signing key fingerprint');
		expect(footer(second)).toBe('Enter next field · Shift+Tab previous field · Esc back · Ctrl+C quit');
		const last = await press(app, keys.enter);
		expect(last).toContain('▸ How the key is trusted');
		expect(footer(last)).toBe('Enter review · ↑↓ choose · Shift+Tab previous field · Esc back · Ctrl+C quit');
		expect(last).toContain('$ apt-key add -');

		// A wrapped command: its next row starts under the command's text, two columns past the $.
		const lines = last.split('\n');
		const at = lines.findIndex(line => line.includes('$ gpg --batch --keyserver'));
		const dollar = lines[at]?.indexOf('$') ?? -1;
		if (!lines[at]?.includes('81026D')) expect(lines[at + 1]?.indexOf('81026D')).toBe(dollar + 2);
		// The help's rows all start in one column.
		const help = lines.findIndex(line => line.includes('apt-key adds the key'));
		const column = lines[help]?.indexOf('apt-key adds') ?? -1;
		const helpRows = lines.slice(help + 1, help + 3).filter(line => /(keyring|signed-by|deprecated)/.test(line.slice(column)));
		expect(helpRows.length).toBeGreaterThan(0);
		for (const row of helpRows) expect(row.slice(column - 1, column + 1), row).toMatch(/^ \S/);

		await press(app, keys.down);
		await press(app, keys.down);
		const keyring = await waitForFrame(app, /❯ keyring/);
		// Before Enter: the list and the step's own summary follow the choice.
		expect(keyring).not.toContain('$ apt-key add');
		expect(keyring).toMatch(/then saves it\s+to/);
		// At 80×24 the form and the lists fill the screen before the file's row (the review shows it).
		if (rows === 40) expect(keyring).toContain('✎ /usr/share/keyrings/mesosphere-archive-keyring.gpg');
	});
});
