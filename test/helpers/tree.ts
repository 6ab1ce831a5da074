// Every file under a folder with its bytes and mode, to compare what a run left on disk. With
// `folders` and `owners`, every folder too and each entry's uid and gid: what "the exact tree"
// means when a run must leave no folder it made and keep every owner.
import {lstat, readdir, readFile, readlink} from 'node:fs/promises';
import path from 'node:path';

// The files under a folder, at any depth, whose names match (every file without a pattern), sorted.
export async function filesUnder(dir: string, name: RegExp = /(?:)/): Promise<string[]> {
	const entries = await readdir(dir, {withFileTypes: true, recursive: true});
	return entries
		.filter(entry => entry.isFile() && name.test(entry.name))
		.map(entry => path.join(entry.parentPath, entry.name))
		.sort();
}

export type TreeEntry = {mode: number; bytes: string; uid?: number; gid?: number};
export type Tree = Record<string, TreeEntry>;

export async function readTree(root: string, skip: (relative: string) => boolean = () => false, options: {folders?: boolean; owners?: boolean} = {}): Promise<Tree> {
	const tree: Tree = {};
	async function walk(dir: string): Promise<void> {
		for (const name of (await readdir(dir)).sort()) {
			const full = path.join(dir, name);
			const relative = path.relative(root, full);
			if (skip(relative)) continue;
			const info = await lstat(full);
			const owner = options.owners ? {uid: info.uid, gid: info.gid} : {};
			if (info.isDirectory()) {
				if (options.folders) tree[`${relative}/`] = {mode: info.mode & 0o7777, bytes: '(folder)', ...owner};
				await walk(full);
			} else if (info.isSymbolicLink()) tree[relative] = {mode: 0o777, bytes: `-> ${await readlink(full)}`, ...owner};
			else if (!info.isFile()) tree[relative] = {mode: info.mode & 0o7777, bytes: info.isFIFO() ? '(FIFO)' : '(not a file)', ...owner};
			else tree[relative] = {mode: info.mode & 0o7777, bytes: (await readFile(full)).toString('base64'), ...owner};
		}
	}
	await walk(root);
	return tree;
}

// What mesos-setup keeps for itself: state, backups and logs.
export const ownBookkeeping = (relative: string): boolean => /^var\/(lib\/mesos-setup|backups\/mesos-setup|log\/mesos-setup)/.test(relative);

// Temp files a write leaves only while it runs: mesos-setup's own and conf's (beside state.json).
export const tempFileName = /^\..*\.mesos-setup-[0-9a-f]{8}$|\.tmp-\d{10}[0-9a-f]{6}$/;

export async function tempFilesUnder(root: string): Promise<string[]> {
	const tree = await readTree(root);
	return Object.keys(tree).filter(relative => tempFileName.test(path.basename(relative)));
}
