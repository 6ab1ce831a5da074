// The last lines of a service's log, read from the end of the file: logs grow large, and the
// status screen reads them every two seconds.
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {cleanLine} from '../model/terminal-text.js';
import type {TargetFs} from './target-fs.js';

export type LogTail = {file: string | null; lines: string[]};

const isMissing = (error: unknown): boolean => {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ELOOP';
};

async function readEnd(hostFile: string, maxBytes: number): Promise<string | undefined> {
	let handle;
	try {
		// Non-blocking and no link at the end (the path was resolved inside the root): a FIFO is not waited on.
		handle = await open(hostFile, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
	} catch (error) {
		if (isMissing(error)) return undefined;
		throw error;
	}
	try {
		const info = await handle.stat();
		if (!info.isFile()) return undefined;
		const {size} = info;
		const length = Math.min(size, maxBytes);
		const buffer = Buffer.alloc(length);
		await handle.read(buffer, 0, length, size - length);
		const text = buffer.toString('utf8');
		// A read that starts mid-file starts mid-line: that first piece is dropped.
		return length < size ? text.slice(text.indexOf('\n') + 1) : text;
	} finally {
		await handle.close();
	}
}

// The first of `files` that exists (the catalogue lists them most specific first).
export async function readLogTail(fs: TargetFs, files: readonly string[], lines: number, maxBytes = 16_384): Promise<LogTail> {
	for (const file of files) {
		const text = await readEnd(fs.resolve(file).host, maxBytes);
		if (text === undefined) continue;
		const kept = text
			.split('\n')
			.map(cleanLine)
			.filter(line => line.trim().length > 0);
		return {file, lines: lines > 0 ? kept.slice(-lines) : []};
	}
	return {file: null, lines: []};
}
