// Whether files changed since they were last read, without reading them: one stat each (inode, size,
// modification time). The live status screen asks this every 2 s of the setting files and the logs,
// and reads a file again only when its signature moved. The stat is synchronous: a local stat takes
// microseconds, while one through the thread pool and a promise costs the screen ten times more.
import {statSync} from 'node:fs';
import type {TargetFs} from './target-fs.js';

export function filesSignature(fs: Pick<TargetFs, 'resolve'>, paths: readonly string[]): string {
	return paths.map(target => fileSignature(fs, target)).join('|');
}

function fileSignature(fs: Pick<TargetFs, 'resolve'>, target: string): string {
	try {
		const info = statSync(fs.resolve(target).host, {throwIfNoEntry: false});
		return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : '-';
	} catch {
		// A link that leaves the root, or a part that is not a folder: the read says which; here it
		// is only "not a file".
		return '-';
	}
}
