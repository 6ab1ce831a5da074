// Issue 9: a full disk. Setup stops naming the file and the free space, every file either as it
// was or fully written, the journal intact; undo works on a full disk (it removes what the run made
// first), and where it cannot, it says how much it needs and changes nothing. On a small tmpfs this
// test mounts and unmounts itself, so it needs root (as CI runs it); elsewhere it says why it skips.
import {readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {parseJournal} from '../../source/model/journal-record.js';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {readTree, tempFilesUnder, type Tree} from '../helpers/tree.js';
import {asRoot, exactTree, machineBefore} from './machine-before.js';

if (!asRoot && process.env.CI === 'true') throw new Error('full-disk tests: CI=true but not root, so no tmpfs can be mounted');
if (!asRoot) console.log('full-disk tests skipped: mounting a tmpfs needs root');

// A tmpfs of `size` at a fresh folder, unmounted when `work` ends, whatever happens.
async function onTmpfs(size: string, work: (mount: string) => Promise<void>): Promise<void> {
	const mount = await tempRoot('mesos-setup-tmpfs-');
	await execa('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', mount]);
	try {
		await work(mount);
	} finally {
		await execa('umount', [mount]);
	}
}

// Fills what is left of the file system, to the last block.
const fill = (file: string) => execa('sh', ['-c', 'cat /dev/zero > "$1" 2>/dev/null; true', 'sh', file]);
const freeKb = async (mount: string) => Number((await execa('df', ['-k', '--output=avail', mount])).stdout.split('\n')[1]);

const journalsOf = async (root: string) => {
	const dir = path.join(root, 'var/backups/mesos-setup');
	return Promise.all((await readdir(dir)).map(async id => parseJournal(await readFile(path.join(dir, id, 'journal.json'), 'utf8'))));
};

describe.skipIf(!asRoot)('a full disk', () => {
	it('setup stops naming the file and the free space, the journal whole; the re-run goes on in it; undo works on a full disk', {timeout: 120_000}, async () => {
		// What a whole setup writes, to tell a whole file from a half-written one.
		const reference = await tempRoot();
		await machineBefore(reference);
		expect((await runCli(['setup', '--yes', '--root', reference])).exitCode).toBe(0);
		const whole = await readTree(reference, relative => relative.startsWith('var/'));

		await onTmpfs('512k', async mount => {
			const root = path.join(mount, 'root');
			await machineBefore(root);
			const before = await exactTree(root);
			// About 40 KB left: room for part of the run.
			await writeFile(path.join(mount, 'filler'), Buffer.alloc(((await freeKb(mount)) - 40) * 1024));
			const setup = await runCli(['setup', '--yes', '--root', root]);
			expect(setup.exitCode).toBe(1);
			expect(setup.stdout).toMatch(/^failed +cannot write \/\S+: the disk is full: \/\S+ could not be written; [\d.]+ (KB|bytes) free on the file system that holds \//m);
			expect(setup.stderr).toMatch(/Failed at \w+: cannot write \/\S+: the disk is full/);
			// Every file as it was or as a whole run writes it; the journal readable and whole.
			const now = await readTree(root, relative => relative.startsWith('var/'));
			for (const [file, entry] of Object.entries(now)) expect([before[file]?.bytes, whole[file]?.bytes], file).toContain(entry.bytes);
			const journals = await journalsOf(root);
			expect(journals).toHaveLength(1);
			expect(journals[0]?.problems).toEqual([]);
			expect(await tempFilesUnder(root)).toEqual([]);

			// With room again, the same command goes on in the same journal and finishes the setup.
			await execa('rm', [path.join(mount, 'filler')]);
			const rerun = await runCli(['setup', '--yes', '--root', root]);
			expect(rerun.exitCode, rerun.stderr).toBe(0);
			expect(await readTree(root, relative => relative.startsWith('var/'))).toEqual(whole);
			expect(await journalsOf(root)).toHaveLength(1);

			// Not one block left: undo removes the files the run made first, then puts the old ones back.
			await fill(path.join(mount, 'filler'));
			expect(await freeKb(mount)).toBe(0);
			const undo = await runCli(['undo', '--yes', '--root', root]);
			expect(undo.exitCode, undo.stderr).toBe(0);
			expect(await exactTree(root)).toEqual(before);
			expect(await tempFilesUnder(root)).toEqual([]);
		});
	});

	it('undo that cannot fit says how much it needs and changes nothing; with room it works', {timeout: 120_000}, async () => {
		await onTmpfs('1m', async mount => {
			const root = path.join(mount, 'root');
			await machineBefore(root);
			// A large zoo.cfg: putting it back needs its size again while the new one is still there.
			const big = `${'# a long comment kept by hand\n'.repeat(10_000)}dataDir=/tmp/zookeeper\n`;
			await writeFile(path.join(root, 'etc/zookeeper/conf/zoo.cfg'), big);
			const before = await exactTree(root);
			expect((await runCli(['setup', '--yes', '--root', root])).exitCode).toBe(0);
			await fill(path.join(mount, 'filler'));
			const full: Tree = await readTree(root, () => false, {folders: true, owners: true});
			const undo = await runCli(['undo', '--yes', '--root', root]);
			expect(undo.exitCode).toBe(1);
			expect(undo.stderr).toMatch(/the disk is too full to undo: putting back run \S+ needs about [\d.]+ KB; the file system that holds \S+ has 0 bytes free, and removing the files the run made frees [\d.]+ KB/);
			expect(undo.stderr).toMatch(/Nothing was changed\. Free at least [\d.]+ KB there, then run undo again\./);
			expect(await readTree(root, () => false, {folders: true, owners: true})).toEqual(full);
			await execa('rm', [path.join(mount, 'filler')]);
			const again = await runCli(['undo', '--yes', '--root', root]);
			expect(again.exitCode, again.stderr).toBe(0);
			expect(await exactTree(root)).toEqual(before);
		});
	});
});
