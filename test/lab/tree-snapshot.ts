import {chmod, chown, lstat, mkdir, readdir, readlink, rm} from 'node:fs/promises';
import type {Stats} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';

/** Copies of some paths, taken with `cp -a` so owners, modes and times come back as they were. */
export type TreeSnapshot = {dir: string; paths: Array<{path: string; existed: boolean}>};

const lstatOrUndefined = (file: string) => lstat(file).catch((error: NodeJS.ErrnoException) => {
	if (error.code === 'ENOENT') return undefined;
	throw error;
});

export async function snapshotTrees(paths: string[], dir: string): Promise<TreeSnapshot> {
	await mkdir(dir, {recursive: true});
	const recorded: TreeSnapshot['paths'] = [];
	for (const file of paths) {
		const existed = (await lstatOrUndefined(file)) !== undefined;
		if (existed) {
			const copy = path.join(dir, file);
			await mkdir(path.dirname(copy), {recursive: true});
			await execa('cp', ['-a', file, copy]);
		}
		recorded.push({path: file, existed});
	}
	return {dir, paths: recorded};
}

/**
 * Puts every snapshotted path back entry by entry: what was added goes, what changed is copied
 * back, what is unchanged is left alone (so /usr/share/keyrings is never missing for a moment).
 * Returns the paths it changed.
 */
export async function restoreTrees(snapshot: TreeSnapshot): Promise<string[]> {
	const changed: string[] = [];
	for (const {path: file} of snapshot.paths) await restoreEntry(path.join(snapshot.dir, file), file, changed);
	return changed;
}

async function restoreEntry(copy: string, target: string, changed: string[]): Promise<void> {
	const saved = await lstatOrUndefined(copy);
	const now = await lstatOrUndefined(target);
	if (!saved) {
		if (now) {
			await rm(target, {recursive: true, force: true});
			changed.push(target);
		}
		return;
	}
	if (now && saved.isDirectory() && now.isDirectory()) {
		if (!sameMetadata(saved, now)) {
			await chmod(target, saved.mode & 0o7777);
			await chown(target, saved.uid, saved.gid);
			changed.push(target);
		}
		const names = new Set([...await readdir(copy), ...await readdir(target)]);
		for (const name of names) await restoreEntry(path.join(copy, name), path.join(target, name), changed);
		return;
	}
	if (now && await sameEntry(copy, saved, target, now)) return;
	await rm(target, {recursive: true, force: true});
	await execa('cp', ['-a', copy, target]);
	changed.push(target);
}

const kind = (stats: Stats) => stats.isDirectory() ? 'dir' : stats.isSymbolicLink() ? 'link' : 'file';
const sameMetadata = (a: Stats, b: Stats) => a.mode === b.mode && a.uid === b.uid && a.gid === b.gid;

async function sameEntry(copy: string, saved: Stats, target: string, now: Stats): Promise<boolean> {
	if (kind(saved) !== kind(now)) return false;
	if (saved.isSymbolicLink()) return await readlink(copy) === await readlink(target);
	return sameMetadata(saved, now) && saved.size === now.size && saved.mtimeMs === now.mtimeMs;
}
