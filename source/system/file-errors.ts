// What goes wrong with a file on the target, said so a person can act: not a regular file, or a
// full disk (with how much is free where).
import {lstatSync, statfsSync} from 'node:fs';
import path from 'node:path';
import {StepError} from '../model/errors.js';
import {codeOf} from './root-path.js';
import type {FileKind} from './target-fs.js';

// Not there: the path or one of its folders is missing.
export const isMissing = (error: unknown): boolean => codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR';

export class NotRegularFileError extends StepError {
	constructor(target: string, hostPath: string, kind: FileKind) {
		super(`${target} is a ${kind}, not a regular file (${hostPath})`, ['mesos-setup reads and writes only regular files there: move it aside, then run again.']);
		this.name = 'NotRegularFileError';
	}
}

export const formatBytes = (bytes: number): string =>
	bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;

export class DiskFullError extends StepError {
	constructor(
		readonly target: string,
		readonly free: number,
		where: string,
		what = `${target} could not be written`,
	) {
		super(`the disk is full: ${what}; ${formatBytes(free)} free on the file system that holds ${where}`, [
			'Free some space there, then run the same command again. Every file is either as it was or fully written, and the journal is intact, so mesos-setup undo can still put back what was changed.',
		]);
		this.name = 'DiskFullError';
	}
}

// Free bytes on the file system holding a host folder (or its nearest existing parent); 0 when it
// cannot be told, which only a message about a full disk shows.
export function freeBytesAt(hostDir: string): number {
	let dir = hostDir;
	for (;;) {
		try {
			if (lstatSync(dir).isDirectory()) {
				const info = statfsSync(dir);
				return info.bavail * info.bsize;
			}
		} catch (error) {
			if (!isMissing(error)) return 0;
		}
		if (dir === '/') return 0;
		dir = path.dirname(dir);
	}
}
