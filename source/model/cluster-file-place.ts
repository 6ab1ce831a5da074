// Where the machine list's cluster file is saved, from the name typed. On the machine itself a name
// is the shell's: relative to the working directory. Under --root DIR nothing is written outside DIR
// (README, Safety): a relative name is taken under DIR, and an absolute one must already be inside
// it. Pure and lexical: the write itself refuses a folder that a link leads out of DIR
// (system/cluster-file.ts).
import path from 'node:path';

export type ClusterFilePlace = {file: string} | {problem: string};

export const insideRoot = (file: string, root: string): boolean => {
	const relative = path.relative(path.resolve(root), path.resolve(file));
	return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
};

export function clusterFilePlace(typed: string, where: {cwd: string; root?: string}): ClusterFilePlace {
	const {root} = where;
	if (root === undefined) return {file: path.resolve(where.cwd, typed)};
	const file = path.resolve(root, typed);
	if (insideRoot(file, root)) return {file};
	return {problem: `A rehearsal (--root ${root}) writes nothing outside ${root}: type a name such as cluster.yaml (saved in ${root}) or a path inside ${root}.`};
}

// Where the settings chosen on the cluster pages are saved before the deploy: the cluster file
// itself, or, in a rehearsal whose cluster file is outside DIR, a copy of it in DIR under its own
// name (`copy`), as the machine list saves inside DIR: nothing of a rehearsal is written outside it.
export function settingsFilePlace(file: string, where: {cwd: string; root?: string}): {file: string; copy: boolean} {
	const full = path.resolve(where.cwd, file);
	const {root} = where;
	if (root === undefined || insideRoot(full, root)) return {file: full, copy: false};
	return {file: path.join(path.resolve(root), path.basename(full)), copy: true};
}
