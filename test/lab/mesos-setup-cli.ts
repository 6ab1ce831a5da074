import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {execa} from 'execa';
import type {Lab} from './lab.js';
import {labAgentAddress} from './agent-address.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The built CLI: dist/cli.js (npm run test:lab builds it first), or another build named by MESOS_SETUP_CLI. */
export const cliPath = process.env.MESOS_SETUP_CLI ?? path.join(repoRoot, 'dist/cli.js');

export function requireBuiltCli(): void {
	if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build (npm run test:lab does it first), or set MESOS_SETUP_CLI`);
}

/** Settings as the command line takes them: `--set id=value` for each. */
export const settingArgs = (values: Record<string, string>): string[] => Object.entries(values).flatMap(([id, value]) => ['--set', `${id}=${value}`]);

/** The settings that point the installer at the lab: the same code path as the Mesosphere servers. */
export function labSettings(lab: Pick<Lab, 'repoUrl' | 'keyserver' | 'fingerprint'>, extra: Record<string, string> = {}): string[] {
	return settingArgs({'repo.url': lab.repoUrl, 'repo.keyserver': lab.keyserver, 'repo.key': lab.fingerprint, ...extra});
}

/**
 * An agent-only machine in the single-machine lab. Loopback is refused for an agent (it runs no
 * ZooKeeper, and its masters reach it at its address: model/loopback-problems.ts), so it names the
 * lab's agent address (agent-address.ts: on the loopback interface, not 127/8) as its ZooKeeper, ip
 * and host name: the agent listens there, and finds no ZooKeeper on its 2181, as it found none on
 * 127.0.0.1.
 */
export function labAgentSettings() {
	return {'node.role': 'agent', 'mesos.zk': `zk://${labAgentAddress}:2181/mesos`, 'slave.ip': labAgentAddress, 'slave.hostname': labAgentAddress};
}

export type CliRun = {exitCode: number; stdout: string; stderr: string; all: string};

/** The CLI with no terminal, as CI and scripts run it (CI=false so it is not told it runs under CI). */
export async function mesosSetup(args: string[], timeoutMs = 10 * 60_000, env: Record<string, string> = {}): Promise<CliRun> {
	const result = await execa(process.execPath, [cliPath, ...args], {
		reject: false, all: true, timeout: timeoutMs, stdin: 'ignore', cwd: repoRoot, env: {CI: 'false', NO_COLOR: '1', ...env},
	});
	return {exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr, all: result.all ?? ''};
}
