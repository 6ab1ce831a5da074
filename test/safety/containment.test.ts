// Issue 9: under --root nothing read, written, renamed, made or removed leaves the root, whatever
// links it holds at any depth, and a root that is / is no sandbox. Each attack puts a link where
// setup, edit or undo works, pointing at a folder (or file) outside holding files of the same
// names; everything outside must stay byte for byte as it was, and the runs still succeed (the
// link is followed inside the root, as a chroot would).
import {mkdir, rm, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {readTree} from '../helpers/tree.js';
import {exactTree, inParallel, machineBefore} from './machine-before.js';

// The seven places the issue found escaping, then more depths, the files themselves, and links
// that climb out with ../ instead of naming the outside folder.
const attacks: {at: string; style: 'absolute' | 'relative'; file?: boolean; edit?: boolean}[] = [
	{at: 'etc/mesos-slave', style: 'absolute', edit: true},
	{at: 'etc', style: 'absolute', edit: true},
	{at: 'etc/mesos', style: 'absolute', edit: true},
	{at: 'var/backups/mesos-setup', style: 'absolute', edit: true},
	{at: 'var/lib/mesos-setup', style: 'absolute', edit: true},
	{at: 'var/log/mesos-setup', style: 'absolute', edit: true},
	{at: 'etc/marathon/conf', style: 'absolute', edit: true},
	{at: 'var', style: 'absolute'},
	{at: 'etc/zookeeper/conf', style: 'relative'},
	{at: 'var/lib/mesos-setup', style: 'relative'},
	{at: 'etc/mesos/zk', style: 'absolute', file: true},
	{at: 'var/lib/mesos-setup/state.json', style: 'absolute', file: true},
];

// An outside folder with a file of every name a run writes there, and a few more.
async function outsideFolder(): Promise<string> {
	const outside = await tempRoot('mesos-setup-outside-');
	for (const name of ['ip', 'hostname', 'containerizers', 'zk', 'master', 'quorum', 'work_dir', 'zoo.cfg', 'myid', 'mesos', 'mesos-master', 'state.json', 'keep']) {
		await writeFile(path.join(outside, name), `outside ${name}\n`);
	}
	await mkdir(path.join(outside, 'conf'));
	await writeFile(path.join(outside, 'conf', 'zoo.cfg'), 'outside conf\n');
	return outside;
}

describe('links under the root', () => {
	it(`${attacks.length} links to outside, absolute and climbing: setup, edit and undo change nothing outside`, {timeout: 300_000}, async () => {
		const escaped: string[] = [];
		await inParallel(attacks, 4, async attack => {
			const root = await tempRoot();
			await machineBefore(root);
			const outside = await outsideFolder();
			const target = attack.file ? path.join(outside, path.basename(attack.at)) : outside;
			const link = path.join(root, attack.at);
			await rm(link, {recursive: true, force: true});
			await mkdir(path.dirname(link), {recursive: true});
			await symlink(attack.style === 'absolute' ? target : path.relative(path.dirname(link), target), link);
			const before = await readTree(outside, () => false, {folders: true, owners: true});
			const name = `${attack.style} link at ${attack.at}`;
			const commands = [['setup', '--yes'], ...(attack.edit ? [['edit', 'slave.ip', '10.0.0.9', '--yes']] : []), ['undo', '--yes'], ...(attack.edit ? [['undo', '--yes']] : [])];
			for (const command of commands) {
				const result = await runCli([...command, '--root', root]);
				expect(result.exitCode, `${name}: ${command.join(' ')}: ${result.stderr}`).toBe(0);
				if (JSON.stringify(await readTree(outside, () => false, {folders: true, owners: true})) !== JSON.stringify(before)) escaped.push(`${name}: ${command[0]}`);
			}
		});
		expect(escaped).toEqual([]);
	});

	it('a link written through (Debian’s /var/lib/zookeeper/myid) lands on its target inside the root', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'var/lib/zookeeper'), {recursive: true});
		await symlink('/etc/zookeeper/conf/myid', path.join(root, 'var/lib/zookeeper/myid'));
		expect((await runCli(['setup', '--yes', '--root', root, '--set', 'zookeeper.myid=1'])).exitCode).toBe(0);
		const tree = await readTree(root);
		expect(tree['var/lib/zookeeper/myid']?.bytes).toBe('-> /etc/zookeeper/conf/myid');
		expect(Buffer.from(tree['etc/zookeeper/conf/myid']?.bytes ?? '', 'base64').toString()).toBe('1\n');
	});

	it('a loop of links is named, not followed for ever', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc'), {recursive: true});
		await symlink('/etc/mesos-b', path.join(root, 'etc/mesos-slave'));
		await symlink('/etc/mesos-slave', path.join(root, 'etc/mesos-b'));
		const result = await runCli(['setup', '--yes', '--root', root]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toMatch(/\/etc\/mesos-slave\/\w+ \(from slave\.\w+\) cannot be written: .*more than 40 symbolic links/);
	});
});

describe('a root that is / is no sandbox', () => {
	it('--root /, its aliases and links to it are refused with exit 2, before anything is read or written', async () => {
		const dir = await tempRoot();
		await symlink('/', path.join(dir, 'slash'));
		await symlink(path.join(dir, 'slash'), path.join(dir, 'slash-again'));
		const aliases = ['/', '//', '/.', '/tmp/..', `${dir}/../..`, path.join(dir, 'slash'), path.join(dir, 'slash-again'), `${path.join(dir, 'slash')}/.`];
		const runs = [
			...aliases.map(root => ['setup', '--yes', '--root', root]),
			['undo', '--yes', '--root', '/'],
			['undo', '--yes', '--root', path.join(dir, 'slash')],
			['edit', 'slave.ip', '10.0.0.9', '--yes', '--root', '/'],
			['plan', '--root', '/'],
			['status', '--once', '--root', '/'],
		];
		await inParallel(runs, 4, async argv => {
			const result = await runCli(argv);
			expect(result.exitCode, argv.join(' ')).toBe(2);
			expect(result.stderr).toContain(`--root ${JSON.stringify(argv.at(-1))} is / itself (the real machine), so it is no sandbox`);
		});
	});

	it('--root at a file, or inside one, is refused with exit 2', async () => {
		const dir = await tempRoot();
		await writeFile(path.join(dir, 'file'), 'x');
		for (const [root, says] of [
			[path.join(dir, 'file'), 'is a file, not a folder'],
			[path.join(dir, 'file', 'below'), `is inside ${path.join(dir, 'file')}, which is a file, not a folder`],
		] as const) {
			const result = await runCli(['setup', '--yes', '--root', root]);
			expect(result.exitCode).toBe(2);
			expect(result.stderr).toContain(`--root ${JSON.stringify(root)} ${says}`);
		}
		expect(await readTree(dir)).toEqual({file: {mode: 0o644, bytes: Buffer.from('x').toString('base64')}});
	});

	it('a root reached through links is a sandbox at its real place', async () => {
		const dir = await tempRoot();
		await mkdir(path.join(dir, 'real'));
		await symlink(path.join(dir, 'real'), path.join(dir, 'via'));
		await machineBefore(path.join(dir, 'real'));
		const before = await exactTree(path.join(dir, 'real'));
		expect((await runCli(['setup', '--yes', '--root', path.join(dir, 'via')])).exitCode).toBe(0);
		expect((await runCli(['undo', '--yes', '--root', path.join(dir, 'via')])).exitCode).toBe(0);
		expect(await exactTree(path.join(dir, 'real'))).toEqual(before);
	});
});
