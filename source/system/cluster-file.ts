// Reads a cluster file: a regular file of at most 1 MB (input-file.ts), checked whole by
// model/cluster-file.ts before anything runs. Bad input is an InputError: exit 2, nothing written.
import {randomBytes} from 'node:crypto';
import {rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Cluster} from '../model/cluster.js';
import {parseClusterFile} from '../model/cluster-file.js';
import {readInputFile} from './input-file.js';

export async function readClusterFile(file: string): Promise<Cluster> {
	return parseClusterFile(await readInputFile(file, {name: 'cluster file', holds: 'it lists machines and a few settings'}), file);
}

// The machine list saved as a cluster file: written beside the target under a temp name, then
// renamed over it, so a reader never sees half a file and a failed write leaves the old one whole.
export async function writeClusterFile(file: string, text: string): Promise<string> {
	const target = path.resolve(file);
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
