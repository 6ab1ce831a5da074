// The last lines of a service's log, read from the end of the file (TargetFiles.readEnd, on this
// machine or on a node): logs grow large, and the status screen reads them every two seconds.
import {cleanLine} from '../model/terminal-text.js';
import type {TargetFiles} from './target-fs.js';

export type LogTail = {file: string | null; lines: string[]};

// The first of `files` that exists (the catalogue lists them most specific first).
export async function readLogTail(fs: TargetFiles, files: readonly string[], lines: number, maxBytes = 16_384): Promise<LogTail> {
	for (const file of files) {
		const text = await fs.readEnd(file, maxBytes);
		if (text === undefined) continue;
		const kept = text
			.split('\n')
			.map(cleanLine)
			.filter(line => line.trim().length > 0);
		return {file, lines: lines > 0 ? kept.slice(-lines) : []};
	}
	return {file: null, lines: []};
}
