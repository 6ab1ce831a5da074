// A plain command reads the package source before its first line (the index, or a folder's .debs,
// tells where the packages will keep their files): a slow mirror or name service kept setup --yes
// and plan silent meanwhile, for up to 20 s a request (the index is up to three). After a second
// they say what they wait for, once, on standard error (so `plan --script > file` stays a script).
import type {Values} from '../model/answers.js';
import type {Facts} from '../model/facts.js';
import {sourceOf} from '../model/repository-settings.js';

export const slowAfterMs = 1_000;

// What is read, or undefined where nothing is: installed packages are read as installed, not
// predicted from their source (system/layout-prediction.ts), so a slow plan then is not waiting on it.
export function readingSourceLine(values: Values, facts: Pick<Facts, 'versions'>): string | undefined {
	if (facts.versions.mesos !== undefined && facts.versions.marathon !== undefined) return undefined;
	return sourceOf(values) === 'folder'
		? `Reading the packages in ${values['repo.folder']} to learn where they will keep their files…`
		: `Reading the package index at ${values['repo.url']} to learn where its packages will keep their files (a slow mirror is given 20 s a request)…`;
}

// `say` runs once if `work` is still under way after `afterMs`, never after it settled.
export async function sayIfSlow<T>(work: Promise<T>, say: () => void, afterMs = slowAfterMs): Promise<T> {
	const timer = setTimeout(say, afterMs);
	try {
		return await work;
	} finally {
		clearTimeout(timer);
	}
}

// The line said on standard error through `err`, if there is one to say.
export const sayReading = (err: (line: string) => void, values: () => Values, facts: Pick<Facts, 'versions'>) => (): void => {
	const line = readingSourceLine(values(), facts);
	if (line) err(line);
};
