// Reads a cluster file: a regular file of at most 1 MB (input-file.ts), checked whole by
// model/cluster-file.ts before anything runs. Bad input is an InputError: exit 2, nothing written.
import type {Cluster} from '../model/cluster.js';
import {parseClusterFile} from '../model/cluster-file.js';
import {readInputFile} from './input-file.js';

export async function readClusterFile(file: string): Promise<Cluster> {
	return parseClusterFile(await readInputFile(file, {name: 'cluster file', holds: 'it lists machines and a few settings'}), file);
}
