// The Done screen as a person reads it at 80×24 and 120×40 after Enter on every screen: it counts
// files, not writes (each file listed once, the count the number of files), and what each later
// command does starts in one column.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {waitForFrame} from '../helpers/ink-app.js';
import {renderWizard, resizeTo, terminalSizes} from '../ui/render-wizard.js';
import {acceptPage, inkScreen, pagesFor} from './walk.js';

afterEach(() => cleanup());

describe.each(terminalSizes)('the Done screen at $columns×$rows', ({columns, rows}) => {
	it('counts and lists each file once, and aligns the later commands', async () => {
		const app = await renderWizard();
		resizeTo(app, {columns, rows});
		const pages = pagesFor(app.system.facts);
		for (const page of pages.slice(0, -1)) {
			// The services page's sentence wraps with its rows aligned (none one space further in).
			if (page.kind === 'services') expect((await waitForFrame(app, 'Press Enter to finish')).split('\n').filter(line => /^ \S/.test(line.replace(/^.{26}(?=\S)/, '')))).toEqual([]);
			await acceptPage(inkScreen(app), page);
		}
		// Its first frame has no rows measured for the list yet (useRowsLeft), so it says the files are
		// in the log; at 40 rows the next one lists them: that one is read (a busy machine showed the first).
		const frame = await waitForFrame(app, shown => shown.includes('Press Enter to exit.') && (rows < 40 || /^\s.*\/etc\/\S+$/m.test(shown)));
		const lines = frame.split('\n');
		const count = Number(/What changed: (\d+) files written/.exec(frame)?.[1]);
		// Only what happened: a rehearsal runs no command, so no "0 commands run".
		expect(frame).not.toMatch(/What changed:.*\b0 /);
		expect(frame.replaceAll(/\s+/g, ' ')).toMatch(/What changed: \d+ files written, \d+ commands shown, not run \(a rehearsal\)/);
		const listed = lines.map(line => /^\s*(?:\S.*? {2,})?(\/etc\/\S+)$/.exec(line.replace(/^.{0,26}(?= {2}\/)/, ''))?.[1]).filter((file): file is string => Boolean(file));
		const more = Number(/… and (\d+) more|\(the (\d+) files are listed in the log\)/.exec(frame)?.slice(1).find(Boolean) ?? 0);
		if (rows === 40) expect(listed.length).toBeGreaterThan(0);
		expect(new Set(listed).size).toBe(listed.length);
		expect(listed.length + more).toBe(count);
		expect(app.system.facts.distro).toBe('ubuntu');
		expect(lines.at(-1)).toBe('Enter exit');
		expect(frame).toContain('Press Enter to exit.');
		expect(lines.length).toBeLessThan(rows);
		// What each later command does starts in one column (at 80 columns, the commands alone).
		const later = lines.filter(line => /mesos-setup (status|edit|undo) --root \S+( {2}|$)/.test(line));
		expect(later).toHaveLength(3);
		if (rows === 24) return;
		const starts = later.map(line => /mesos-setup (?:status|edit|undo) --root \S+ +/.exec(line)?.[0].length ?? 0).map((length, index) => (later[index]?.indexOf('mesos-setup') ?? 0) + length);
		expect(new Set(starts).size).toBe(1);
	});
});
