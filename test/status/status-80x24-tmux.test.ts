// `mesos-setup status` (the built CLI) in an 80×24 terminal on a sandbox where nothing runs: every
// probe error is shown whole, the screen says whose addresses it probes and why no init state was
// asked, and it stays within the terminal. Needs dist/cli.js (npm test builds it first).
import path from 'node:path';
import {expect, it} from 'vitest';
import {tempRoot} from '../helpers/temp-root.js';
import {startBuiltCli} from '../helpers/built-cli.js';


it('shows why each service is unhealthy, whole, at 80×24', async () => {
	const root = await tempRoot();
	// The probes go to this machine's own ports: whatever answers there (usually nothing) is shown.
	const session = await startBuiltCli({
		name: `status-80x24-${path.basename(root)}`,
		args: ['status', '--root', root],
		width: 80,
		height: 24,
	});
	const screen = await session.waitFor('Cluster');
	const rows = screen.split('\n');
	expect(rows[0]).toMatch(/^mesos-setup status {2}sandbox /);
	expect(rows.length).toBeLessThanOrEqual(24);
	expect(screen).toContain("Probing this machine's real addresses: a sandbox has no services of its own.");
	expect(screen).toContain('Init states: not asked (--root: system commands are not run)');
	const text = screen.replaceAll(/\s+/g, ' ');
	// Whatever answers on this machine, each service line ends in its whole probe answer, not "…".
	expect(rows.slice(1, rows.indexOf('Cluster')).join('\n')).not.toContain('…');
	expect(text).toMatch(/mesos-master unknown (un)?healthy: http:\/\/127\.0\.0\.1:5050\/master\/health(:| answered)/);
	expect(rows.at(-1)).toBe('↑↓ select · r restart · l full log · e edit a setting · q/Esc quit');
	// Each service keeps a log row (here: that it has no log yet), the cluster gives up its last lines.
	const panes = rows.slice(rows.findIndex(row => /^. zookeeper/.test(row)), rows.indexOf('Cluster'));
	for (const service of ['zookeeper', 'mesos-master', 'mesos-slave', 'marathon']) {
		const start = panes.findIndex(row => row.slice(2).startsWith(service));
		const next = panes.findIndex((row, index) => index > start && /^. \S/.test(row));
		const pane = panes.slice(start, next < 0 ? undefined : next);
		expect(pane.some(row => /^ {4}(no log file found yet|\S)/.test(row) && !/unhealthy|healthy|connection|answered/.test(row)), pane.join('\n')).toBe(true);
	}
	// The summary's labels in one column: its values start where "Leader:" starts its own.
	const values = rows.slice(rows.indexOf('Cluster') + 1, -1).filter(row => /^ {2}\S[^:]*: /.test(row));
	expect(new Set(values.map(row => /^ {2}\S[^:]*: +/.exec(row)?.[0].length))).toEqual(new Set([14]));
});
