// Asks `docker version` (client and server) on this machine or on a node, through whichever runner
// reaches it, and judges the answer as the model says (model/docker.ts). Throws only where a node
// cannot be reached (its runner's SSH error): "not installed" would send the person the wrong way.
import {type DockerVerdict, dockerVersionArgv, judgeDockerVersion} from '../model/docker.js';
import type {CommandRunner} from './runner.js';

export async function askDocker(runner: CommandRunner, installsIt: boolean, signal?: AbortSignal): Promise<DockerVerdict> {
	if (!(await runner.has('docker'))) return judgeDockerVersion(undefined, installsIt);
	const answer = await runner.run(dockerVersionArgv, {timeoutMs: 20_000, ...(signal ? {signal} : {})});
	return judgeDockerVersion(answer, installsIt);
}
