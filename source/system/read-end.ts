// The end of a file on this host (a service's log) for TargetFs.readEnd: the last bytes, from
// their first whole line; undefined when there is no regular file there.
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {codeOf} from './root-path.js';

const isMissingForReading = (error: unknown): boolean => ['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP'].includes(codeOf(error) ?? '');

export async function readEndAt(host: string, maxBytes: number): Promise<string | undefined> {
	let handle;
	try {
		// Non-blocking and no link at the end (the path was resolved inside the root): a FIFO is not waited on.
		handle = await open(host, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
	} catch (error) {
		if (isMissingForReading(error)) return undefined;
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
