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
