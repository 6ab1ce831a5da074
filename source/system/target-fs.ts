// The target machine's files, seen through a root prefix: '/' for the real machine, a folder for a
// sandbox. Every path is resolved part by part inside the root (root-path.ts), so nothing read,
// written, renamed, made or removed is ever outside it. Writes are atomic: temp file in the same
// folder, fsync, rename, fsync the folder and the parents of the folders made for it (a row the
// journal recorded ahead: each file's fsync starts as it is written, and every one, folders too, ends
// before the journal names it); the old file's owner is kept. Only regular files are read or replaced:
// a FIFO or a device where a file should be is named, never waited on. The calls are Node's
// synchronous ones behind the async interface: a setup makes hundreds of small reads, stats and
// writes, and each promise call is a round trip through libuv's thread pool that costs more than the
// system call itself (issue 12: most of what `setup --yes` spent beyond start-up). Each is a single
// quick call on a local file, so the event loop hardly notices.
import {randomBytes} from 'node:crypto';
import {chmodSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {StepError} from '../model/errors.js';
import {canonicalRoot, codeOf, hostOf, normalTarget, type Resolved, resolveInRoot} from './root-path.js';

export type FileKind = 'file' | 'folder' | 'link' | 'FIFO' | 'socket' | 'device';

export type FileInfo = {kind: FileKind; mode: number; uid: number; gid: number; size: number};

export type Owner = {uid: number; gid: number};

export type Sync = 'now' | 'later' | 'last';

export type TargetFs = {
	root: string;
	// Where a target path (/etc/mesos/zk) is shown on this host, for messages: root + path.
	hostPath(target: string): string;
	// The path with every link followed inside the root, and where that is on this host.
	resolve(target: string): Resolved;
	read(target: string): Promise<string | undefined>;
	readBytes(target: string): Promise<Buffer | undefined>;
	info(target: string): Promise<FileInfo | undefined>;
	mode(target: string): Promise<number | undefined>;
	exists(target: string): Promise<boolean>;
	list(target: string): Promise<string[]>;
	// The folders a write to `target` would create, outermost first.
	missingDirs(target: string): Promise<string[]>;
	// Atomic replace; creates missing folders and returns the ones it created (outermost first).
	// `later`: the file's data (its sync started now) and its folder (which makes the rename durable)
	// are waited for by syncLater.
	// `last`: the file lands once every write left for later is synced, its own bytes with them.
	write(target: string, data: string | Buffer, mode: number, owner?: Owner, sync?: Sync): Promise<{createdDirs: string[]}>;
	// Ends the syncs of the files and folders of the writes made with sync 'later' since the last
	// call: the files' started as each was written, the folders' all at once now.
	syncLater(): Promise<void>;
	remove(target: string): Promise<void>;
	removeEmptyDir(target: string): Promise<boolean>;
	// Free bytes on the file system that holds `target` (or would, once its folders are made).
	freeBytes(target: string): Promise<number>;
	// The last `maxBytes` of a regular file (a log), from its first whole line; undefined when there
	// is no such file.
	readEnd(target: string, maxBytes: number): Promise<string | undefined>;
};

// What a target's files offer wherever they are: this machine's under a root, or a node's over SSH
// (system/ssh/node-fs.ts). The journal and undo need no more; `resolve` gives a path on this host.
export type TargetFiles = Omit<TargetFs, 'resolve'>;

// Temp files are named for the file they replace, so the next run can find what a kill left.
export const tempFilePattern = /^\..*\.mesos-setup-[0-9a-f]{8}$/;
// Random once a process, then counted (made with O_EXCL; a draw a write was 1 ms of a setup's).
let tempSerial: number | undefined;
const tempName = (name: string): string => {
	tempSerial = ((tempSerial ?? randomBytes(4).readUInt32BE(0)) + 1) >>> 0;
	return `.${name.slice(0, 200)}.mesos-setup-${tempSerial.toString(16).padStart(8, '0')}`;
};

const isDiskFull = (error: unknown): boolean => codeOf(error) === 'ENOSPC' || codeOf(error) === 'EDQUOT';

export function kindOf(info: {isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean}): FileKind {
	if (info.isFile()) return 'file';
	if (info.isDirectory()) return 'folder';
	if (info.isSymbolicLink()) return 'link';
	if (info.isFIFO()) return 'FIFO';
	if (info.isSocket()) return 'socket';
	return 'device';
}

import {DiskFullError, freeBytesAt, isMissing, NotRegularFileError} from './file-errors.js';
import {inLaterTurns} from './in-later-turns.js';
import {laterSyncs, syncFolderNow} from './later-syncs.js';
import {readEndAt} from './read-end.js';

export {DiskFullError, formatBytes, freeBytesAt, NotRegularFileError} from './file-errors.js';

export function createTargetFs(root: string): TargetFs {
	const base = canonicalRoot(root);
	const hostPath = (target: string): string => hostOf(base, normalTarget(target));
	const resolve = (target: string): Resolved => resolveInRoot(base, normalTarget(target));

	// Missing is an answer, not an exception (a fresh root's setup asks hundreds of times).
	async function infoAt(host: string): Promise<FileInfo | undefined> {
		try {
			const info = lstatSync(host, {throwIfNoEntry: false});
			return info && {kind: kindOf(info), mode: info.mode & 0o7777, uid: info.uid, gid: info.gid, size: info.size};
		} catch (error) {
			if (isMissing(error)) return undefined;
			throw error;
		}
	}

	async function readBytes(target: string): Promise<Buffer | undefined> {
		const {host, missing} = resolve(target);
		// Not there a moment ago, when its path was resolved: no open to fail.
		if (missing) return undefined;
		let fd;
		try {
			// Non-blocking, so a FIFO is refused instead of waited on; the last part is no link any more.
			fd = openSync(host, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
		} catch (error) {
			if (isMissing(error)) return undefined;
			throw error;
		}
		try {
			const info = fstatSync(fd);
			if (!info.isFile()) throw new NotRegularFileError(target, host, kindOf(info));
			return readFileSync(fd);
		} finally {
			closeSync(fd);
		}
	}

	const infoOf = async (resolved: Resolved): Promise<FileInfo | undefined> => (resolved.missing ? undefined : infoAt(resolved.host));

	const freeBytes = async (target: string): Promise<number> => freeBytesAt(resolve(target).host);

	// missingUnder takes `dir` resolved already (every link in it followed inside the root).
	const missingDirs = async (dir: string): Promise<string[]> => missingUnder(resolve(dir).target);
	async function missingUnder(dir: string): Promise<string[]> {
		const missing: string[] = [];
		for (let current = dir; current !== '/'; current = path.dirname(current)) {
			const info = await infoAt(hostPath(current));
			if (info?.kind === 'folder') break;
			if (info) throw new StepError(`${current} is a ${info.kind}, not a folder (${hostPath(current)}), so nothing can be written under it`, ['Move it aside, then run again.']);
			missing.unshift(current);
		}
		return missing;
	}

	async function ensureDir(dir: string): Promise<string[]> {
		const missing = await missingUnder(dir);
		// The root itself is the person's folder (--root ./mesos-rehearsal): made if missing, not
		// journaled, and its own parent not synced (outside the root, which nothing here touches).
		if (missing[0] !== undefined && path.dirname(missing[0]) === '/' && (await infoAt(base)) === undefined) mkdirSync(base, {recursive: true, mode: 0o755});
		for (const folder of missing) {
			mkdirSync(hostPath(folder), {mode: 0o755});
			chmodSync(hostPath(folder), 0o755); // mkdir's mode is cut by the umask; /etc folders are 0755
		}
		return missing;
	}

	// Files and folders that wait for syncLater (writes with sync 'later'): each file's sync starts
	// as it is written (later-syncs.ts).
	const unsynced = laterSyncs();

	async function write(target: string, data: string | Buffer, mode: number, owner?: Owner, sync: Sync = 'now'): Promise<{createdDirs: string[]}> {
		const real = resolve(target);
		// Resolved up to the first missing part: one missing, no file either; none, the folder is there.
		const existing = real.missing ? undefined : await infoAt(real.host);
		if (existing && existing.kind !== 'file') throw new NotRegularFileError(target, real.host, existing.kind);
		const dir = path.dirname(real.host);
		const temp = path.join(dir, tempName(path.basename(real.host)));
		let createdDirs: string[] = [];
		let made = false;
		// Open until the file is in place; a write 'later' hands it to its sync, which closes it.
		let fd: number | undefined;
		try {
			if (real.missing) createdDirs = await ensureDir(path.dirname(real.target)); // as resolved: not again part by part
			fd = openSync(temp, 'wx', mode);
			made = true;
			writeFileSync(fd, data);
			if (owner && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) fchownSync(fd, owner.uid, owner.gid);
			fchmodSync(fd, mode); // after the owner, whose change clears setuid; open() is subject to the umask
			// After the mode and owner, so the file's own sync holds them too.
			if (sync === 'now') fsyncSync(fd);
			if (sync === 'last') await unsynced.all([fd]);
			renameSync(temp, real.host);
			made = false;
			// A folder made for the file is an entry in its parent: synced too, or a crash could
			// take the folder, and the file with it, after the file's own sync.
			const folders = [dir, ...createdDirs.map(folder => path.dirname(hostPath(folder)))];
			if (sync === 'later') {
				unsynced.file(real.host, fd);
				fd = undefined;
				for (const folder of folders) unsynced.folder(folder);
			} else for (const folder of new Set(folders)) syncFolderNow(folder);
		} catch (error) {
			if (made) {
				try {
					unlinkSync(temp);
				} catch {
					// the temp file may never have been made
				}
			}
			if (isDiskFull(error)) throw new DiskFullError(target, freeBytesAt(dir), path.dirname(hostPath(real.target)));
			throw error;
		} finally {
			if (fd !== undefined) closeSync(fd);
		}
		return {createdDirs};
	}

	return inLaterTurns({
		root: base,
		hostPath,
		resolve,
		readBytes,
		async read(target) {
			return (await readBytes(target))?.toString('utf8');
		},
		info: async target => infoOf(resolve(target)),
		mode: async target => (await infoOf(resolve(target)))?.mode,
		exists: async target => (await infoOf(resolve(target))) !== undefined,
		async list(target) {
			try {
				return readdirSync(resolve(target).host);
			} catch (error) {
				if (isMissing(error)) return [];
				throw error;
			}
		},
		missingDirs,
		write,
		syncLater: async () => unsynced.all(),
		async remove(target) {
			try {
				unlinkSync(resolve(target).host);
			} catch (error) {
				if (!isMissing(error)) throw error;
			}
		},
		async removeEmptyDir(target) {
			try {
				rmdirSync(resolve(target).host);
				return true;
			} catch (error) {
				const code = codeOf(error);
				if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT' || code === 'ENOTDIR') return false;
				throw error;
			}
		},
		freeBytes,
		readEnd: async (target, maxBytes) => readEndAt(resolve(target).host, maxBytes),
	});
}
