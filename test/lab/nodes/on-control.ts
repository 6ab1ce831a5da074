import path from 'node:path';
import {repoRoot} from '../mesos-setup-cli.js';
import type {LabNodes} from './lab-nodes.js';

/**
 * Runs a TypeScript program of the repository on the control machine ("this machine" of a cluster, with its
 * ~/.ssh and its place in the lab network), through tsx, and gives back the JSON of its last output line.
 * For proofs of source/ modules that speak to the nodes before the CLI does.
 */
export async function onControl<T>(lab: LabNodes, program: string, args: unknown, timeoutMs = 5 * 60_000): Promise<T> {
	const result = await lab.control.run(['bash', '-c', 'cd "$1" && shift && exec "$@"', 'on-control', repoRoot,
		process.execPath, '--import', 'tsx', path.join(repoRoot, program), JSON.stringify(args)], {reject: false, timeout: timeoutMs});
	const last = result.stdout.trim().split('\n').at(-1) ?? '';
	if (result.exitCode !== 0 || !last.startsWith('{')) throw new Error(`${program} on the control machine exited ${result.exitCode}:\n${result.all}`);
	return JSON.parse(last) as T;
}
