// A plain command reads the package source before its first line (the index, or a folder's .debs,
// tells where the packages will keep their files): up to 20 s where the network or its name
// service is slow, and setup --yes and plan said nothing meanwhile. After a second they say what
// they wait for, once, on standard error (so `plan --script > file` stays a script).
import type {Values} from '../model/answers.js';
import {sourceOf} from '../model/repository-settings.js';

export const slowAfterMs = 1_000;

export const readingSourceLine = (values: Values): string =>
	sourceOf(values) === 'folder'
		? `Reading the packages in ${values['repo.folder']} to learn where they will keep their files…`
		: `Reading the package index at ${values['repo.url']} to learn where its packages will keep their files (a slow network may take up to 20 s)…`;

// `say` runs once if `work` is still under way after `afterMs`, never after it settled.
export async function sayIfSlow<T>(work: Promise<T>, say: () => void, afterMs = slowAfterMs): Promise<T> {
	const timer = setTimeout(say, afterMs);
	try {
		return await work;
	} finally {
		clearTimeout(timer);
	}
}
