import {existsSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import {cliPath, repoRoot, requireBuiltCli, type CliRun} from '../mesos-setup-cli.js';
import type {LabNodes} from './lab-nodes.js';

/** Host paths the control machine must see at the same place: the repository, and a CLI built elsewhere (MESOS_SETUP_CLI). */
export const controlSharedPaths = () => path.relative(repoRoot, cliPath).startsWith('..') ? [repoRoot, path.dirname(cliPath)] : [repoRoot];

/**
 * The built CLI run on the control machine, "this machine" of a cluster, without a terminal (CI=false,
 * NO_COLOR): its ssh reads the control machine's ~/.ssh (the lab's key and the nodes' host keys), its
 * state goes to the control machine's own /var/lib. Builds dist/ first when a fresh clone has none.
 */
export async function mesosSetupOnControl(lab: LabNodes, args: string[], timeoutMs = 10 * 60_000): Promise<CliRun> {
	if (!process.env.MESOS_SETUP_CLI && !existsSync(cliPath)) await execa('npm', ['run', 'build', '--silent'], {cwd: repoRoot, timeout: 5 * 60_000});
	requireBuiltCli();
	// From root's home: nsenter's working folder is not one the CLI (or execa inside it) can read.
	const result = await lab.control.run(['env', '--chdir=/root', process.execPath, cliPath, ...args], {reject: false, timeout: timeoutMs, env: {CI: 'false', NO_COLOR: '1'}});
	return {exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr, all: result.all ?? ''};
}
