import {readFile, writeFile} from 'node:fs/promises';
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

	// state.json edited by hand to an answer the setting does not allow: edit of that setting is
	// the way to repair it; one of another setting still refuses, saying how.
	it('replaces a saved answer not allowed for the setting it is given, and refuses one of another setting', async () => {
		const root = await tempRoot();
		expect((await runCli(['setup', '--yes', '--root', root])).exitCode).toBe(0);
		const state = path.join(root, 'var/lib/mesos-setup/state.json');
		const saved = async () => (JSON.parse(await readFile(state, 'utf8')) as {answers: Record<string, string>}).answers;
		await writeFile(state, JSON.stringify({...JSON.parse(await readFile(state, 'utf8')), answers: {'master.quorum': '0'}}));
		const before = await readTree(root);
		const other = await runCli(['edit', 'slave.hostname', 'node1', '--yes', '--root', root]);
		expect(other.exitCode).toBe(2);
		expect(other.stderr).toContain(`(a saved answer, in ${state}: fix it there, or replace it first with mesos-setup edit master.quorum VALUE --root ${root}, or give this edit --set master.quorum=VALUE).`);
		const bad = await runCli(['edit', 'master.quorum', '0', '--yes', '--root', root]);
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toMatch(/^master\.quorum: "0" is not allowed; use a whole number from 1 to 255\.$/m);
		expect(await readTree(root)).toEqual(before);
		const result = await runCli(['edit', 'master.quorum', '1', '--yes', '--root', root]);
		expect(result.stderr).toBe('');
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toContain('The saved answer for master.quorum is not allowed (master.quorum: "0" is not allowed; use a whole number from 1 to 255): it is replaced by 1.');
		expect(result.stdout).toContain('The saved answer for master.quorum is now 1.');
		expect(await saved()).toEqual({'master.quorum': '1'});
		expect((await runCli(['edit', 'slave.hostname', 'node1', '--yes', '--root', root])).exitCode).toBe(0);
	});
});
