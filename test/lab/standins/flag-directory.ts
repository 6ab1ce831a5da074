import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';

/** One command-line flag read from a file in a flag directory such as /etc/mesos-master. */
export type FileFlag = {name: string; value: string; source: string};

/**
 * Reads a flag directory the way the Mesos init wrapper and Marathon's start script do: every
 * regular file becomes `--<name>=<content>` (trailing newlines dropped, as `$(cat f)` does), and a
 * file named `?name` becomes the bare flag `--name`.
 */
export function readFlagDirectory(directory: string): FileFlag[] {
	// A missing directory is no flags, as an unmatched glob is for the wrapper.
	if (!existsSync(directory)) return [];
	const names = readdirSync(directory).sort();
	const flags: FileFlag[] = [];
	for (const name of names) {
		const source = path.join(directory, name);
		if (!statSync(source).isFile()) continue;
		const content = readFileSync(source, 'utf8').replace(/\n+$/, '');
		flags.push(name.startsWith('?')
			? {name: name.slice(1), value: 'true', source}
			: {name, value: content, source});
	}
	return flags;
}
