// The rehearsal the wizard offers where a real setup cannot run: a sandbox folder that describes
// this machine (its os-release is copied in), so the plan rehearsed is the one this machine would
// get. Where this machine has no os-release (not Linux), the article's machine is assumed.
import {copyFile, mkdir} from 'node:fs/promises';
import path from 'node:path';
import {beginExclusiveRun} from './exclusive-run.js';
import {createSystem, type System} from './system.js';

export async function createRehearsal(folder: string, options: {dryRun: boolean; hostOsRelease?: string}): Promise<System> {
	const target = path.join(folder, 'etc', 'os-release');
	await mkdir(path.dirname(target), {recursive: true});
	try {
		await copyFile(options.hostOsRelease ?? '/etc/os-release', target, 1); // 1: COPYFILE_EXCL, keep one already there
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'EEXIST' && code !== 'ENOENT') throw error;
	}
	const system = await createSystem({root: folder, dryRun: options.dryRun});
	// The sandbox is one machine like any other: one run at a time in it too.
	if (!options.dryRun) await beginExclusiveRun(system, 'setup');
	return system;
}
