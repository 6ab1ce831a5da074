// The built CLI in a real terminal (tmux, 120×40) on a sandbox that was set up before: the menu,
// the live status screen, and an edit from the command line. Needs dist/cli.js (npm test builds it).
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {type FixtureCluster, startCluster} from '../fixtures/cluster.js';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {exitShown, startBuiltCli} from '../helpers/built-cli.js';
import type {TmuxSession} from '../helpers/tmux.js';

let session: TmuxSession | undefined;
let cluster: FixtureCluster | undefined;
afterEach(async () => {
	await cluster?.stop();
	cluster = undefined;
});

async function setUpSandbox(): Promise<string> {
	const root = await tempRoot();
	expect((await runCli(['setup', '--yes', '--root', root])).exitCode).toBe(0);
	return root;
}

const start = (root: string, args: string[]) =>
	startBuiltCli({name: `after-setup-${path.basename(root)}`, args: [...args, '--root', root], showExitStatus: true});

it('opens the menu on a machine set up before, shows live status, and quits', async () => {
	const root = await setUpSandbox();
	cluster = await startCluster();
	// The master is looked for where /etc/default/mesos-master says: here, the fixture's port.
	await mkdir(path.join(root, 'etc/default'), {recursive: true});
	const defaults = await readFile(path.join(root, 'etc/default/mesos-master'), 'utf8');
	await writeFile(path.join(root, 'etc/default/mesos-master'), defaults.replace(/^PORT=.*$/m, `PORT=${cluster.master.port}`));
	session = await start(root, []);
	await session.waitFor('❯ Status');
	await session.key('Enter');
	const status = await session.waitFor(`Leader:     127.0.0.1:${cluster.master.port}`);
	expect(status).toMatch(new RegExp(`mesos-master +unknown +healthy: http://127\\.0\\.0\\.1:${cluster.master.port}/master/health answered 200`));
	expect(status.split('\n')[0]).toContain('mesos-setup status');
	// The master stops: the next refresh shows it, without a crash.
	await cluster.stopService('master');
	await session.waitFor(/mesos-master +unknown +unhealthy: .*connection refused/);
	await session.key('q');
	await session.waitFor('❯ Status');
	await session.key('q');
	expect(await exitShown(session)).toBe(0);
});

it('edits the setting named on the command line: preview, write, and back out', async () => {
	const root = await setUpSandbox();
	session = await start(root, ['edit', 'slave.hostname', 'node1.example.com']);
	await session.waitFor('▸ Agent host name');
	await session.key('Enter');
	const preview = await session.waitFor('+ node1.example.com');
	expect(preview).toContain('- 127.0.0.1');
	await session.key('Enter');
	await session.waitFor('Restart mesos-slave now? (y/n)');
	expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('node1.example.com\n');
	await session.key('y');
	await session.waitFor('Restart shown, not run: mesos-slave.');
	await session.key('Enter');
	await session.waitFor('❯ Agent host name                 node1.example.com');
	await session.key('Escape');
	expect(await exitShown(session)).toBe(0);
});

it('undo in a terminal lists what it will do and asks first: n changes nothing, y puts the files back', async () => {
	const root = await setUpSandbox();
	const before = await readFile(path.join(root, 'etc/mesos/zk'), 'utf8');
	session = await start(root, ['undo']);
	const asked = await session.waitFor('(y/n)');
	expect(asked).toContain('remove  /etc/mesos/zk');
	expect(asked).toContain('Undo does not undo:');
	expect(asked.replaceAll(/\s+/g, ' ')).toContain('Installed packages stay installed');
	await session.key('n');
	expect(await exitShown(session)).toBe(0);
	expect(await readFile(path.join(root, 'etc/mesos/zk'), 'utf8')).toBe(before);
	await session.kill();
	session = await start(root, ['undo']);
	await session.waitFor('(y/n)');
	await session.key('y');
	const done = await session.waitFor('Enter back');
	expect(done).toMatch(/Undid the run: (?:restored \d+ files?, )?removed \d+ files? it had created/);
	expect(done.replaceAll(/\s+/g, ' ')).toContain('no setup counts as done here any more');
	await session.key('Enter');
	expect(await exitShown(session)).toBe(0);
	await expect(readFile(path.join(root, 'etc/mesos/zk'), 'utf8')).rejects.toThrow(/ENOENT/);
});
