// Before a setup writes anything: every file the plan writes must be a regular file or not there
// yet, under folders (not files). A FIFO, a folder or a device where a file goes, or a file where
// a folder goes (zookeeper.dataDir naming a file), is bad input: named, and nothing is written.
import path from 'node:path';
import {InputError} from '../model/errors.js';
import type {Plan} from '../model/plan.js';
import type {TargetFs} from './target-fs.js';

export async function refuseUnwritableTargets(fs: TargetFs, plan: Pick<Plan, 'steps'>): Promise<void> {
	const problems: string[] = [];
	for (const action of plan.steps.flatMap(step => step.actions)) {
		const target = action.kind === 'file' ? action.path : action.kind === 'import-key' && action.method === 'keyring' ? action.keyring : undefined;
		if (!target) continue;
		const from = action.kind === 'file' && action.settings.length > 0 ? ` (from ${action.settings.join(', ')})` : '';
		try {
			const info = await fs.info(target);
			if (info && info.kind !== 'file') {
				problems.push(`${target}${from} is a ${info.kind}, not a regular file (${fs.hostPath(target)}): mesos-setup writes a file there; move it aside.`);
				continue;
			}
			await fs.missingDirs(path.dirname(target));
		} catch (error) {
			problems.push(`${target}${from} cannot be written: ${(error as Error).message}.`);
		}
	}
	if (problems.length > 0) throw new InputError(problems);
}
