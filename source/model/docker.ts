// Docker, when the agent's containerizers include it: the package the install step adds, the
// command every check asks (`docker version`, client and server) and how its answer is judged, on
// this machine, on a node over SSH and in status. Pure.
import type {Values} from './answers.js';
import {roleOf, runsAgent} from './roles.js';

// Debian's and Ubuntu's own Docker, from the machine's sources (never the Mesos source).
export const dockerPackage = 'docker.io';

export const dockerChosen = (containerizers: string): boolean => containerizers.split(',').includes('docker');

// Only a machine that runs an agent runs containers.
export const usesDocker = (values: Values): boolean => runsAgent(roleOf(values['node.role'])) && dockerChosen(values['slave.containerizers']);

// One JSON document with Client and Server (Server null, and exit 1, when the daemon does not answer).
export const dockerVersionArgv: readonly string[] = ['docker', 'version', '--format', '{{json .}}'];

export type DockerVerdict = {status: 'passed' | 'warned'; message: string};

// Status under --root (one machine's and a cluster's): a sandbox runs no command, so nothing is asked.
export const dockerNotAsked = 'not asked (--root: system commands are not run)';

// What the agent needs, said where the daemon does not answer.
const startIt = 'start it (service docker start, or systemctl start docker) before the Mesos agent: with the docker containerizer the agent refuses to start without it';

function versionOf(part: unknown): string | undefined {
	const version = (part as {Version?: unknown} | null | undefined)?.Version;
	return typeof version === 'string' && version !== '' ? version : undefined;
}

// The last line docker wrote on stderr is its reason ("Cannot connect to the Docker daemon at …").
const reasonOf = (stderr: string): string | undefined =>
	stderr
		.split('\n')
		.map(line => line.trim())
		.filter(line => line !== '')
		.at(-1);

/**
 * `docker version`'s answer judged: no docker command (undefined: not on PATH) is a warning unless
 * the install step adds it; a client whose daemon does not answer is a warning naming what to do;
 * both answering pass with their versions.
 */
export function judgeDockerVersion(answer: {exitCode: number | undefined; stdout: string; stderr: string} | undefined, installsIt: boolean): DockerVerdict {
	if (answer === undefined) {
		return installsIt
			? {status: 'passed', message: `docker is not installed yet: the install step adds ${dockerPackage}, whose daemon must answer before the agent starts`}
			: {status: 'warned', message: `docker is not installed, but the agent’s containerizers include docker: install ${dockerPackage}, or choose the mesos containerizer only`};
	}
	let parsed: {Client?: unknown; Server?: unknown} = {};
	try {
		parsed = JSON.parse(answer.stdout.trim().split('\n')[0] ?? '') as typeof parsed;
	} catch {
		// An old client without --format, or another program named docker: judged by its exit code alone.
	}
	const client = versionOf(parsed.Client);
	const server = versionOf(parsed.Server);
	if (answer.exitCode === 0 && server) return {status: 'passed', message: `client ${client ?? 'unknown'}, server ${server}`};
	const reason = reasonOf(answer.stderr) ?? `docker version exited with ${answer.exitCode ?? 'a signal'}`;
	// docker.io's own scripts start the daemon as the package installs, where the machine lets them.
	const after = installsIt ? ` (the install step adds ${dockerPackage}, whose package starts it where this machine lets packages start services)` : '';
	return {status: 'warned', message: `the docker client${client ? ` ${client}` : ''} answers but the Docker daemon does not (${reason}): ${startIt}${after}`};
}
