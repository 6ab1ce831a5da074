// The rehearsal the wizard offers where a real setup cannot run: a sandbox folder that describes
// this machine (its os-release is copied in), so the plan rehearsed is the one this machine would
// get. Where this machine has no os-release (not Linux), the article's machine is assumed.
import {readFile} from 'node:fs/promises';
import {sandboxRoot} from './root-path.js';
import {createSystem, type System} from './system.js';
import {createTargetFs} from './target-fs.js';

export async function createRehearsal(folder: string, options: {dryRun: boolean; hostOsRelease?: string}): Promise<System> {
	// Written through the sandbox's own view, so a link in the folder cannot send it elsewhere.
	const fs = createTargetFs(sandboxRoot(folder));
	if (!(await fs.exists('/etc/os-release'))) {
		let text: Buffer | undefined;
		try {
			text = await readFile(options.hostOsRelease ?? '/etc/os-release');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
		if (text !== undefined) await fs.write('/etc/os-release', text, 0o644);
	}
	// The sandbox is one machine like any other: its setup takes the run lock there (use-cases/setup.ts).
	return createSystem({root: folder, dryRun: options.dryRun});
}
