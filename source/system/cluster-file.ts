// Reads a cluster file: a regular file of at most 1 MB (input-file.ts), checked whole by
// model/cluster-file.ts before anything runs. Bad input is an InputError: exit 2, nothing written.
import {randomBytes} from 'node:crypto';
import {realpath, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Cluster} from '../model/cluster.js';
import {parseClusterFile} from '../model/cluster-file.js';
import {insideRoot} from '../model/cluster-file-place.js';
import {InputError} from '../model/errors.js';
import {readInputFile} from './input-file.js';

export async function readClusterFile(file: string): Promise<Cluster> {
	return parseClusterFile(await readInputFile(file, {name: 'cluster file', holds: 'it lists machines and a few settings'}), file);
}

// The machine list saved as a cluster file: written beside the target under a temp name, then
// renamed over it, so a reader never sees half a file and a failed write leaves the old one whole.
// `inside` (--root DIR): the folder it lands in, links followed, must be in DIR, or nothing is written.
export async function writeClusterFile(file: string, text: string, inside?: string): Promise<string> {
	const target = path.resolve(file);
	if (inside !== undefined && !insideRoot(path.join(await realpath(path.dirname(target)), path.basename(target)), await realpath(inside))) {
		throw new InputError([`${path.dirname(target)} leads outside ${inside} (a link): a rehearsal writes nothing outside ${inside}.`]);
	}
	const temp = path.join(path.dirname(target), `.${path.basename(target)}.mesos-setup-${randomBytes(4).toString('hex')}`);
	try {
		await writeFile(temp, text, {mode: 0o644, flag: 'wx'});
		await rename(temp, target);
	} catch (error) {
		await rm(temp, {force: true});
		throw error;
	}
	return target;
}
