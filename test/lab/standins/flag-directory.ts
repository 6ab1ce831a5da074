import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';

/** One file of a flag directory such as /etc/mesos-master: its name is the option, its content the value. */
export type FlagFile = {name: string; content: string; source: string};

export type DirectoryReading = {
	/**
	 * Which names the start script skips: the article-era scripts glob `*` (no dot files); the
	 * newer mesos-init-wrapper lists with find, which keeps dot files but skips *.dpkg-dist and *.rpmnew.
	 */
	skip: (name: string) => boolean;
	/** Glob order (sorted) or find's order (the directory's own). */
	sorted: boolean;
};

export const globReading: DirectoryReading = {skip: name => name.startsWith('.'), sorted: true};
export const findReading: DirectoryReading = {skip: name => name.endsWith('.dpkg-dist') || name.endsWith('.rpmnew'), sorted: false};

/**
 * Reads a flag directory the way the Mesos init wrapper and Marathon's start script do: every
 * regular file (symlinks followed), its content with trailing newlines dropped, as `$(cat f)` does.
 */
export function readFlagDirectory(directory: string, reading: DirectoryReading = globReading): FlagFile[] {
	// A missing directory is no flags, as an unmatched glob is for the wrapper.
	if (!existsSync(directory)) return [];
	const listed = readdirSync(directory);
	const names = reading.sorted ? listed.sort() : listed;
	const files: FlagFile[] = [];
	for (const name of names) {
		const source = path.join(directory, name);
		if (reading.skip(name) || !statSync(source, {throwIfNoEntry: false})?.isFile()) continue;
		files.push({name, content: readFileSync(source, 'utf8').replace(/\n+$/, ''), source});
	}
	return files;
}

/** The one command-line token the Mesos wrapper makes of a file: `--name=content`, or `--name` for a file named `?name`. */
export const mesosToken = (file: FlagFile): string =>
	file.name.startsWith('?') ? `--${file.name.slice(1)}` : `--${file.name}=${file.content}`;

/** The tokens Marathon's start script makes of a file: `--name content`, or `--name` for a file named `?name`. */
export const marathonTokens = (file: FlagFile): string[] =>
	file.name.startsWith('?') ? [`--${file.name.slice(1)}`] : [`--${file.name}`, file.content];
