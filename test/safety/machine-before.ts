// A sandbox that looks like a machine before setup: some of the files setup edits are there with
// their own bytes, modes and owners (not root's, where the test runs as root), and /var's folders
// exist as on any machine, so the only folders left after a run are mesos-setup's own.
import {chmod, chown, mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa, type ResultPromise} from 'execa';
import {cliPath} from '../helpers/cli.js';
import {readTree, type Tree} from '../helpers/tree.js';

export const asRoot = process.getuid?.() === 0;

const files: {path: string; text: string; mode: number; uid: number; gid: number}[] = [
	{path: 'etc/default/mesos', text: '# set by hand\nLOGS=/srv/logs\nEXTRA="keep me"\n', mode: 0o640, uid: 1234, gid: 1234},
	{path: 'etc/zookeeper/conf/zoo.cfg', text: 'tickTime=2000\r\ndataDir=/tmp/zookeeper\n# end \u00e9\n', mode: 0o600, uid: 1234, gid: 5678},
	{path: 'etc/mesos/zk', text: 'zk://10.1.1.1:2181/old\n', mode: 0o444, uid: 42, gid: 42},
	{path: 'etc/hosts', text: '127.0.0.1 localhost\n', mode: 0o644, uid: 0, gid: 0},
];

export async function machineBefore(root: string): Promise<void> {
	for (const dir of ['var/lib', 'var/log', 'var/backups', 'etc/mesos-slave']) await mkdir(path.join(root, dir), {recursive: true});
	for (const file of files) {
		const full = path.join(root, file.path);
		await mkdir(path.dirname(full), {recursive: true});
		await writeFile(full, file.text);
		await chmod(full, file.mode);
		if (asRoot) await chown(full, file.uid, file.gid);
	}
}

// mesos-setup's own folders, the one part of the tree a run may leave behind.
export const ownFolders = (relative: string): boolean => /^var\/(lib|backups|log)\/mesos-setup(\/|$)/.test(relative);

// Bytes, modes, owners and folders, outside mesos-setup's own folders.
export const exactTree = (root: string): Promise<Tree> => readTree(root, ownFolders, {folders: true, owners: true});

// The built CLI as a child process that a test may kill.
export function startCli(args: string[]): ResultPromise<{reject: false; stdin: 'ignore'; env: Record<string, string>; timeout: number}> {
	return execa(process.execPath, [cliPath, ...args], {reject: false, stdin: 'ignore', env: {NO_COLOR: '1'}, timeout: 60_000});
}

// Runs `work` over `items`, at most `limit` at a time.
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index] as T, index);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}
