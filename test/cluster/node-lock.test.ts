// A cluster run's locks: each node's run.lock taken by a shell on the node (node-lock-script.ts,
// run here through bash as ssh would run it there) and this machine's; they keep a
// cluster run and a setup on the same machine apart, both ways. The lab proves a node's lock over SSH
// (test/lab/nodes/cluster-setup.e2e.test.ts).
import {type ChildProcess, spawn} from 'node:child_process';
import {lstat, readlink, symlink, mkdir} from 'node:fs/promises';
import {execa} from 'execa';
import {afterEach, describe, expect, it} from 'vitest';
import {StepError} from '../../source/model/errors.js';
import {LockHeldError, lockFile, takeRunLock} from '../../source/system/run-lock.js';
import {takeNodeRunLock} from '../../source/system/ssh/node-lock.js';
import type {SshSession} from '../../source/system/ssh/ssh-session.js';
import {createTargetFs} from '../../source/system/target-fs.js';
import {lockCluster} from '../../source/use-cases/cluster-lock.js';
import {tempRoot} from '../helpers/temp-root.js';

// A node whose "ssh" is bash on this machine: the command line goes to a shell as sshd hands it over.
const localNode = (name: string) =>
	({
		endpoint: {name, address: '127.0.0.1'},
		remoteIsRoot: true,
		exec: (commandLine: string) => execa('bash', ['-c', commandLine], {reject: false, stdin: 'pipe'}),
	}) as unknown as SshSession;

// A node whose files are under `root`: the lock script is given the lock's path there.
const nodeAt = (name: string, root: string) => {
	const session = localNode(name);
	const exec = session.exec.bind(session);
	return {...session, endpoint: session.endpoint, remoteIsRoot: true, exec: (line: string, options: never) => exec(line.replaceAll(lockFile, `${root}${lockFile}`), options)} as unknown as SshSession;
};

const children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
});

// A live process of its own holding the lock as a setup run on that machine would.
async function heldBySetup(root: string): Promise<number> {
	const child = spawn('sleep', ['60'], {stdio: 'ignore'});
	children.push(child);
	await mkdir(`${root}/var/lib/mesos-setup`, {recursive: true});
	await symlink(`${child.pid} ${new Date().toISOString()} setup`, `${root}${lockFile}`);
	return child.pid as number;
}

const exists = async (file: string) => lstat(file).then(() => true, () => false);

describe('a node’s run lock, taken for a cluster run', () => {
	it('keeps a setup on the node out while the cluster run holds it, and goes with the folder it made when released', async () => {
		const root = await tempRoot();
		const lock = await takeNodeRunLock(localNode('m1'), 'cluster-setup', `${root}${lockFile}`);
		expect(await readlink(`${root}${lockFile}`)).toMatch(/^\d+ \d{4}-\d\d-\d\dT\S+Z cluster-setup$/);
		let refused: unknown;
		try {
			takeRunLock(createTargetFs(root), 'setup');
		} catch (error) {
			refused = error;
		}
		expect(refused).toBeInstanceOf(LockHeldError);
		expect((refused as Error).message).toMatch(/another mesos-setup \(cluster-setup, PID \d+\) has been running here since/);
		await lock.release();
		expect(await exists(`${root}${lockFile}`)).toBe(false);
		expect(await exists(`${root}/var/lib/mesos-setup`)).toBe(false);
		takeRunLock(createTargetFs(root), 'setup').release();
	});

	it('is refused while a setup runs on the node, naming the node, its holder and how to stop it', async () => {
		const root = await tempRoot();
		const pid = await heldBySetup(root);
		const error = await takeNodeRunLock(localNode('m2'), 'cluster-setup', `${root}${lockFile}`).then(() => undefined, (error_: unknown) => error_ as LockHeldError);
		expect(error).toBeInstanceOf(LockHeldError);
		expect(error!.message).toMatch(new RegExp(`another mesos-setup \\(setup, PID ${pid}\\) has been running on m2 since`));
		expect(error!.detail.join('\n')).toContain(`on m2: kill ${pid}`);
		expect(await readlink(`${root}${lockFile}`)).toMatch(new RegExp(`^${pid} `));
	});

	it('takes over a lock whose holder is gone, and says whose it was', async () => {
		const root = await tempRoot();
		await mkdir(`${root}/var/lib/mesos-setup`, {recursive: true});
		await symlink('999999 2020-01-01T00:00:00.000Z setup', `${root}${lockFile}`);
		const lock = await takeNodeRunLock(localNode('m3'), 'cluster-setup', `${root}${lockFile}`);
		expect(lock.takenOverFrom).toEqual({pid: 999_999, since: '2020-01-01T00:00:00.000Z', command: 'setup'});
		expect(await readlink(`${root}${lockFile}`)).toMatch(/ cluster-setup$/);
		await lock.release();
		expect(await exists(`${root}${lockFile}`)).toBe(false);
		// The folder was there before: it stays.
		expect(await exists(`${root}/var/lib/mesos-setup`)).toBe(true);
	});

	it('a holder killed outright leaves a stale lock the next run takes over', async () => {
		const root = await tempRoot();
		await takeNodeRunLock(localNode('m1'), 'cluster-setup', `${root}${lockFile}`);
		const holder = Number((await readlink(`${root}${lockFile}`)).split(' ')[0]);
		process.kill(holder, 'SIGKILL');
		const next = await takeNodeRunLock(localNode('m1'), 'cluster-undo', `${root}${lockFile}`);
		expect(next.takenOverFrom?.pid).toBe(holder);
		await next.release();
	});
});

describe('a cluster run’s locks together', () => {
	it('one busy node refuses the run before anything changes, naming it; every lock taken meanwhile is given back', async () => {
		const here = await tempRoot();
		const busy = await tempRoot();
		await heldBySetup(busy);
		// Both nodes' locks live under `busy`'s and a free root: the script takes the file it is given.
		const free = await tempRoot();
		const error = await lockCluster({fs: createTargetFs(here), now: () => new Date()}, [nodeAt('m1', free), nodeAt('m2', busy)], 'cluster-setup', () => undefined).then(() => undefined, (error_: unknown) => error_ as StepError);
		expect(error).toBeInstanceOf(StepError);
		expect(error!.message).toBe('Another mesos-setup run holds m2; nothing was changed on any node.');
		expect(error!.detail[0]).toMatch(/^m2: another mesos-setup \(setup, PID \d+\) has been running on m2 since/);
		expect(await exists(`${free}${lockFile}`)).toBe(false);
		expect(await exists(`${here}${lockFile}`)).toBe(false);
	});

	it('this machine’s lock: a cluster run is refused while a setup runs here, and a setup while a cluster run does', async () => {
		const here = await tempRoot();
		await heldBySetup(here);
		const machine = {fs: createTargetFs(here), now: () => new Date()};
		await expect(lockCluster(machine, [], 'cluster-setup', () => undefined)).rejects.toThrow(/another mesos-setup \(setup, PID \d+\) has been running here/);
		children.splice(0).forEach(child => child.kill('SIGKILL'));
		const other = await tempRoot();
		const lock = await lockCluster({fs: createTargetFs(other), now: () => new Date()}, [], 'cluster-setup', () => undefined);
		// This process holds it: a setup from another process would be refused (the lock names this PID).
		expect(await readlink(`${other}${lockFile}`)).toMatch(new RegExp(`^${process.pid} .* cluster-setup$`));
		await lock.release();
		expect(await exists(`${other}${lockFile}`)).toBe(false);
	});

	it('a run started on one of its nodes (as root, from a master) finds its own lock there and goes on; another run’s lock is still refused', async () => {
		// m1 is this machine: its lock is the very file this machine's lock is (review 4, #2).
		const here = await tempRoot();
		const other = await tempRoot();
		const machine = {fs: createTargetFs(here), now: () => new Date()};
		const lock = await lockCluster(machine, [nodeAt('m1', here), nodeAt('m2', other)], 'cluster-setup', () => undefined);
		const mine = await readlink(`${here}${lockFile}`);
		expect(mine).toMatch(new RegExp(`^${process.pid} .* cluster-setup$`));
		expect(await readlink(`${other}${lockFile}`)).toMatch(/ cluster-setup$/);
		// Another run, whose holder's text differs (here by a millisecond only), is refused on m1.
		const since = new Date(Date.parse(mine.split(' ')[1] ?? '') + 1).toISOString();
		const second = await takeNodeRunLock(localNode('m1'), 'cluster-setup', `${here}${lockFile}`, {pid: process.pid, since, command: 'cluster-setup'}).then(
			() => undefined,
			(error_: unknown) => error_ as Error,
		);
		expect(second).toBeInstanceOf(LockHeldError);
		expect(second!.message).toMatch(new RegExp(`\\(cluster-setup, PID ${process.pid}\\) has been running on m1`));
		// The nodes' locks go first (before the postflight): this machine's, m1's too, stays with the run.
		await lock.releaseNodes();
		expect([await readlink(`${here}${lockFile}`), await exists(`${other}${lockFile}`)]).toEqual([mine, false]);
		await lock.release();
		expect(await exists(`${here}${lockFile}`)).toBe(false);
	});

	it('a node holding a setup’s lock is refused though the run names its own holder', async () => {
		const root = await tempRoot();
		const pid = await heldBySetup(root);
		const error = await takeNodeRunLock(localNode('m1'), 'cluster-setup', `${root}${lockFile}`, {pid: process.pid, since: new Date().toISOString(), command: 'cluster-setup'}).then(
			() => undefined,
			(error_: unknown) => error_ as Error,
		);
		expect(error!.message).toMatch(new RegExp(`\\(setup, PID ${pid}\\) has been running on m1`));
	});
});
