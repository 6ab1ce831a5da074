import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {readTree} from '../helpers/tree.js';
import {tempRoot} from '../helpers/temp-root.js';

describe('mesos-setup edit ID VALUE --yes (the built CLI)', () => {
	it('changes one setting in a set-up sandbox and says what it changed', async () => {
		const root = await tempRoot();
		expect((await runCli(['setup', '--yes', '--root', root])).exitCode).toBe(0);
		const result = await runCli(['edit', 'slave.hostname', 'node1.example.com', '--yes', '--root', root]);
		expect(result.stderr).toBe('');
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toContain('Changing slave.hostname: 127.0.0.1 → node1.example.com');
		expect(result.stdout).toContain('Not restarted here (--root): mesos-slave would be restarted.');
		expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('node1.example.com\n');
	});

	it('exits 2 for a bad value and changes nothing', async () => {
		const root = await tempRoot();
		expect((await runCli(['setup', '--yes', '--root', root])).exitCode).toBe(0);
		const before = await readTree(root);
		const result = await runCli(['edit', 'slave.executor_registration_timeout', '5m', '--yes', '--root', root]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('slave.executor_registration_timeout: "5m" is not allowed; use a number and a unit');
		expect(result.stderr).toContain('Nothing was changed.');
		expect(await readTree(root)).toEqual(before);
	});
});
