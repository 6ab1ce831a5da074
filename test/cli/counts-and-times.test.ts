// Counts count files, not writes, and times are local: what setup --yes and undo --yes print, as a
// person reads it from the built CLI on a --root sandbox.
import {describe, expect, it} from 'vitest';
import {localTime} from '../../source/model/local-time.js';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';

describe('counts and times', () => {
	it('setup counts each file once; undo lists each once, counts restored and removed files, and says when the run started in local time', async () => {
		const root = await tempRoot();
		const setup = await runCli(['setup', '--yes', '--root', root]);
		expect(setup.exitCode).toBe(0);
		const written = [...setup.stdout.matchAll(/^wrote +(\S+)/gm)].map(match => match[1]);
		const files = new Set(written);
		expect(setup.stdout).toContain(`Changed ${files.size} files;`);

		const before = localTime(new Date());
		const undo = await runCli(['undo', '--yes', '--root', root]);
		expect(undo.exitCode).toBe(0);
		const head = /^Undoing the run started (\d{4}-\d\d-\d\d \d\d:\d\d):$/m.exec(undo.stdout);
		expect(head?.[1], undo.stdout).toBeDefined();
		// The run started within the last minute or two, on this machine's clock.
		expect([before, localTime(new Date(Date.now() - 60_000)), localTime(new Date(Date.now() - 120_000))]).toContain(head?.[1]);
		expect(undo.stdout).not.toMatch(/\d{4}-\d\d-\d\dT\d\d/);
		const paths = [...undo.stdout.matchAll(/^(?:restored|removed)\S* +(\S+)$/gm)].map(match => match[1]);
		expect(paths.length).toBe(new Set(paths).size);
		expect(new Set(paths)).toEqual(files);
		expect(undo.stdout).toContain(`Put back the run: removed ${files.size} files it had created;`);
	});

	it('local time is the minute on this machine’s clock', () => {
		const moment = new Date(2026, 10, 29, 19, 22, 58);
		expect(localTime(moment)).toBe('2026-11-29 19:22');
		expect(localTime(moment.toISOString())).toBe('2026-11-29 19:22');
		expect(localTime('not a time')).toBe('not a time');
	});
});
