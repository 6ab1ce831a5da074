// Every file under a folder with its bytes and mode, to compare what a run left on disk.
import {lstat, readdir, readFile, readlink} from 'node:fs/promises';
import path from 'node:path';

export type Tree = Record<string, {mode: number; bytes: string}>;

export async function readTree(root: string, skip: (relative: string) => boolean = () => false): Promise<Tree> {
	const tree: Tree = {};
	async function walk(dir: string): Promise<void> {
		for (const name of (await readdir(dir)).sort()) {
			const full = path.join(dir, name);
			const relative = path.relative(root, full);
			if (skip(relative)) continue;
			const info = await lstat(full);
			if (info.isDirectory()) await walk(full);
			else if (info.isSymbolicLink()) tree[relative] = {mode: 0o777, bytes: `-> ${await readlink(full)}`};
			else tree[relative] = {mode: info.mode & 0o7777, bytes: (await readFile(full)).toString('base64')};
		}
	}
	await walk(root);
	return tree;
}

// What mesos-setup keeps for itself: state, backups and logs.
export const ownBookkeeping = (relative: string): boolean => /^var\/(lib\/mesos-setup|backups\/mesos-setup|log\/mesos-setup)/.test(relative);
