// The rehearsal's preflight, as a person reads it at 80×24 and 120×40: every check that only reads
// this machine runs (ports, the repository and key server, the disk, the host name), the two only
// a real run needs are said as such, and each line says its title once, with a finding only where
// it adds one. Ports and the network are this machine's: a check may pass or warn, never be skipped.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderWizard, resizeTo, terminalSizes} from '../ui/render-wizard.js';

afterEach(() => cleanup());

const readingChecks = [
	'This host name does not resolve to 127.0.1.1',
	'Port 2181 is free for ZooKeeper clients',
	'Port 5050 is free for the Mesos master',
	'Port 8080 is free for Marathon',
	'At least 1 GB free under /var/lib/mesos',
	'The package repository answers',
	'The key server answers',
];

describe.each(terminalSizes)('the rehearsal preflight at $columns×$rows', ({columns, rows}) => {
	it('runs every check that only reads and names the ones a real run adds', async () => {
		const app = await renderWizard();
		resizeTo(app, {columns, rows});
		await waitForFrame(app, 'Press Enter to begin');
		await press(app, keys.enter);
		const frame = await waitForFrame(app, 'Press Enter to go on to the settings');
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThan(rows);
		expect(lines.every(line => line.length <= columns)).toBe(true);
		expect(frame).toContain('– Running as root (a real run checks this)');
		expect(frame).toContain('– A Debian-family system with apt (a real run checks this)');
		// Every reading check is named: on a line of its own, or (where the rows are short) in the
		// wrapped paragraph that folds the passed ones, read here with its wrapping undone.
		const unwrapped = frame.replaceAll('\n  ', ' ');
		for (const title of readingChecks) {
			expect(unwrapped).toMatch(new RegExp(`([✔⚠] |\\d+ passed: .*)${title.replaceAll(/[./]/g, '\\$&')}`));
		}
		expect(frame).not.toMatch(/not needed|does not need it|– Port|– The package/);
		// A passed port says nothing after its title; nothing is said twice.
		expect(frame).not.toMatch(/: port \d+ is free|answers: the |: running as root/);
		// Warnings (a port in use, no network) are whole, wrapped under their line, never cut.
		expect(frame).not.toMatch(/⚠ [^\n]*…/);
		expect(frame).toMatch(/\d+ passed, \d+ warnings?(?: \(they do not stop the setup\))?, 2 for a real run only\./);
	});
});
