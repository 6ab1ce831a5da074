// The TargetFs of a node: its files, read and written through its SSH session as root, with the
// same guarantees as target-fs.ts gives on this machine (atomic replace with a temp file in the same
// folder, synced and renamed; the mode and the owner it is given; links followed to the file they
// name; only regular files read or replaced). So the Journal, ApplyRun and undo run unchanged
// against a node, and the backups and journal of a node's run stay on that node.
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import {StepError} from '../../model/errors.js';
import type {TargetState, TargetStates} from '../target-check.js';
import {DiskFullError, type FileInfo, type FileKind, NotRegularFileError, type Owner, type Sync, type TargetFiles} from '../target-fs.js';
import {freeBytesScript, infoScript, listScript, missingDirsScript, readEndScript, readScript, removeEmptyDirScript, removeScript, scriptExit, syncScript, targetsScript, writeScript} from './node-scripts.js';
import {rewriteScript} from './node-rewrite-script.js';
import {type SshSession, sshErrorFor} from './ssh-session.js';

// A node's files: everything TargetFs offers but `resolve`, which names a path on this host; and
// what stands at every file a plan writes, in one round trip.
export type NodeFs = TargetFiles & Required<TargetStates>;

const timeoutMs = 120_000;

// The S_IFMT bits of a mode, as stat's %f gives them.
function kindOfMode(mode: number): FileKind {
	switch (mode & 0o170000) {
		case 0o100000:
			return 'file';
		case 0o040000:
			return 'folder';
		case 0o120000:
			return 'link';
		case 0o010000:
			return 'FIFO';
		case 0o140000:
			return 'socket';
		default:
			return 'device';
	}
}

// stat's %F words, as target-fs.ts names the kinds.
function kindOfStat(described: string): FileKind {
	const word = described.trim();
	if (word === 'directory') return 'folder';
	if (word === 'fifo') return 'FIFO';
	if (word === 'symbolic link') return 'link';
	if (word === 'socket') return 'socket';
	return word === 'regular file' || word === 'regular empty file' ? 'file' : 'device';
}

const entries = (output: string): string[] => output.split('\0').filter(Boolean);

export function createNodeFs(session: SshSession): NodeFs {
	const node = session.endpoint.name;
	const where = (target: string): string => `${node}:${target}`;

	// Through the node's one root shell: hundreds of these a setup, each without a session of its own.
	async function call(script: string, args: readonly string[], options: {input?: Buffer} = {}) {
		const result = await session.asRootInShell({script, args, timeoutMs, ...(options.input ? {input: options.input} : {})});
		// 255 is ssh's own: the node was not reached, or the connection was lost.
		if (!result.reachedCommand && result.exitCode === 255) throw sshErrorFor(session.endpoint, result.stderr);
		if (result.timedOut) throw new StepError(`a file operation on ${node} did not finish within ${timeoutMs / 1000} s`);
		return {code: result.exitCode, stdout: result.stdout, stderr: result.stderr.trim()};
	}

	const failed = (what: string, target: string, stderr: string): never => {
		throw new StepError(`${what} ${where(target)} failed${stderr ? `: ${stderr.split('\n').at(-1)}` : ''}`);
	};

	const notRegular = (target: string, stderr: string): never => {
		throw new NotRegularFileError(target, where(target), kindOfStat(stderr));
	};

	async function readBytes(target: string): Promise<Buffer | undefined> {
		const result = await call(readScript, [target]);
		if (result.code === scriptExit.missing) return undefined;
		if (result.code === scriptExit.notRegular) return notRegular(target, result.stderr);
		if (result.code !== 0) return failed('reading', target, result.stderr);
		return Buffer.from(result.stdout);
	}

	async function info(target: string): Promise<FileInfo | undefined> {
		const result = await call(infoScript, [target]);
		if (result.code === scriptExit.missing) return undefined;
		const match = /^([0-9a-f]+) (\d+) (\d+) (\d+)\s*$/.exec(String(result.stdout));
		if (result.code !== 0 || !match) return failed('looking at', target, result.stderr);
		const [, rawMode = '0', uid = '0', gid = '0', size = '0'] = match;
		const mode = Number.parseInt(rawMode, 16);
		return {kind: kindOfMode(mode), mode: mode & 0o7777, uid: Number(uid), gid: Number(gid), size: Number(size)};
	}

	async function missingDirs(target: string): Promise<string[]> {
		const result = await call(missingDirsScript, [target]);
		if (result.code === scriptExit.notFolder) throw new StepError(`${result.stderr} on ${node} is not a folder, so nothing can be written under it`, ['Move it aside, then run again.']);
		if (result.code !== 0) return failed('looking at', target, result.stderr);
		return entries(String(result.stdout));
	}

	// Writes left for later (sync 'later'): their files and folders, synced by the next write 'last'
	// in the same process as its own bytes, before its rename (a sync process per write and two per
	// file were a tenth of a node's processes in a setup, issue 12). A file whose sync failed stays
	// failed until it is written again: synced again, Linux would not say the error twice, and data
	// lost would pass as durable (as later-syncs.ts does on this machine). The next write 'last' (and
	// syncLater) writes it again first, as it now is: a backup copy or a file already renamed into
	// place is never written again by the run, so without this a disk put right could not let a
	// retried step, or the journal's saves, through.
	const waiting = new Set<string>();
	const waitingDirs = new Set<string>();
	const failedSync = new Set<string>();
	async function rewriteFailed(): Promise<void> {
		if (failedSync.size === 0) return;
		const files = [...failedSync];
		const result = await call(rewriteScript, [randomBytes(4).toString('hex'), ...files]);
		// Another failure than a sync's says nothing of which: all stay failed.
		const still = new Set(result.code === 0 ? [] : result.code === scriptExit.syncFailed ? entries(String(result.stdout)) : files);
		for (const file of files.filter(file => !still.has(file))) {
			failedSync.delete(file);
			waiting.delete(file);
		}
		const why = result.stderr ? `${result.stderr.split('\n').at(-1)}. ` : '';
		if (failedSync.size > 0) throw new StepError(`files written on ${node} could not be made durable (${[...failedSync].join(', ')}), so nothing is recorded as written`, [`${why}Check the node’s disk, then run again.`]);
	}

	// What a sync of `files` (and folders) answered: those files failed; done (0); or nothing known
	// (another failure, which leaves them waiting for the next).
	const synced = (code: number | undefined, files: readonly string[], dirs: readonly string[], stderr: string): void => {
		if (code === scriptExit.syncFailed) {
			for (const file of files) failedSync.add(file);
			throw new StepError(`syncing the files written on ${node} failed${stderr ? `: ${stderr.split('\n').at(-1)}` : ''}`, ['Check the node’s disk, then run again.']);
		}
		if (code !== 0) return;
		for (const file of files) waiting.delete(file);
		for (const dir of dirs) waitingDirs.delete(dir);
	};

	async function write(target: string, data: string | Buffer, mode: number, owner?: Owner, sync: Sync = 'now'): Promise<{createdDirs: string[]}> {
		if (sync === 'last') await rewriteFailed();
		const files = sync === 'last' ? [...waiting] : [];
		const dirs = sync === 'last' ? [...waitingDirs] : [];
		const bytes = typeof data === 'string' ? Buffer.from(data) : data;
		const suffix = randomBytes(4).toString('hex');
		const ownerArg = owner ? `${owner.uid}:${owner.gid}` : '';
		const result = await call(writeScript, [target, mode.toString(8), ownerArg, suffix, sync, ...files, ...dirs], {input: bytes});
		// First: a sync that failed for want of space failed all the same, and stays failed.
		if (sync === 'last') synced(result.code, files, dirs, result.stderr);
		if (result.code === scriptExit.notRegular) return notRegular(target, result.stderr);
		if (result.code === scriptExit.notFolder) throw new StepError(`${result.stderr} on ${node} is not a folder, so ${target} cannot be written`, ['Move it aside, then run again.']);
		if (/No space left on device|Disk quota exceeded/.test(result.stderr)) {
			const folder = path.posix.dirname(target);
			throw new DiskFullError(target, await freeBytes(folder), where(folder));
		}
		if (result.code !== 0) return failed('writing', target, result.stderr);
		const [dir = path.posix.dirname(target), ...createdDirs] = entries(String(result.stdout));
		// Written again: what its sync said before is of bytes no longer there.
		failedSync.delete(target);
		if (sync === 'later') {
			waiting.add(target);
			// The folder the rename changed, and the parent of each folder made for the file.
			for (const folder of [dir, ...createdDirs.map(made => path.posix.dirname(made))]) waitingDirs.add(folder);
		} else waiting.delete(target);
		return {createdDirs};
	}

	async function freeBytes(target: string): Promise<number> {
		const result = await call(freeBytesScript, [target]);
		const free = Number(result.stdout.toString('utf8').trim());
		return result.code === 0 && Number.isFinite(free) ? free : 0;
	}

	return {
		root: '/',
		hostPath: where,
		readBytes,
		async read(target) {
			return (await readBytes(target))?.toString('utf8');
		},
		info,
		async mode(target) {
			return (await info(target))?.mode;
		},
		async exists(target) {
			return (await info(target)) !== undefined;
		},
		async list(target) {
			const result = await call(listScript, [target]);
			if (result.code !== 0) return failed('listing', target, result.stderr);
			return entries(String(result.stdout));
		},
		missingDirs,
		write,
		async syncLater() {
			await rewriteFailed();
			const files = [...waiting];
			const dirs = [...waitingDirs];
			if (files.length + dirs.length === 0) return;
			const result = await call(syncScript, [...files, ...dirs]);
			synced(result.code, files, dirs, result.stderr);
			if (result.code !== 0) failed('syncing', files[0] ?? '/', result.stderr);
		},
		async remove(target) {
			const result = await call(removeScript, [target]);
			if (result.code !== 0) failed('removing', target, result.stderr);
			// Gone: nothing of it is left to make durable.
			waiting.delete(target);
			failedSync.delete(target);
		},
		async removeEmptyDir(target) {
			const result = await call(removeEmptyDirScript, [target]);
			if (result.code === scriptExit.missing || result.code === scriptExit.notEmpty) return false;
			if (result.code !== 0) return failed('removing the folder', target, result.stderr);
			return true;
		},
		freeBytes,
		async targetStates(targets) {
			if (targets.length === 0) return [];
			const result = await call(targetsScript, targets);
			const lines = String(result.stdout).split('\n').slice(0, targets.length);
			if (result.code !== 0 || lines.length < targets.length) return failed('looking at', targets[0] ?? '/', result.stderr);
			return lines.map((line): TargetState => {
				if (line.startsWith('kind ')) return {kind: kindOfStat(line.slice(5))};
				if (line.startsWith('blocked ')) return {cannot: `${line.slice(8)} on ${node} is not a folder, so nothing can be written under it`};
				return {};
			});
		},
		async readEnd(target, maxBytes) {
			const result = await call(readEndScript, [target, String(maxBytes)]);
			if (result.code === scriptExit.missing) return undefined;
			if (result.code !== 0) return failed('reading', target, result.stderr);
			const newline = result.stdout.indexOf(0x0a);
			const size = Number(result.stdout.subarray(0, newline).toString('utf8'));
			const text = result.stdout.subarray(newline + 1).toString('utf8');
			// A read that starts mid-file starts mid-line: that first piece is dropped.
			return size > maxBytes ? text.slice(text.indexOf('\n') + 1) : text;
		},
	};
}
