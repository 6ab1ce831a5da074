import {spawn} from 'node:child_process';
import {mkdir, rm} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {isAlive, stopPid} from './lab-processes.js';
import {waitFor} from '../helpers/wait-for.js';

/** The default socket, so `docker version` (any client on PATH) answers without DOCKER_HOST. */
export const dockerSocket = '/run/docker.sock';

export type LabDockerd = {pid: number; stop(): Promise<void>};

/**
 * Starts Debian's dockerd (docker.io must be installed) the one way it runs here: by hand, with its
 * state under workDir and every network change turned off (no docker0 bridge, no iptables rules, no
 * ip_forward), since `service docker start` fails on this machine (README "Docker"). Resolves once
 * `docker version` shows the server.
 */
export async function startLabDockerd(workDir: string): Promise<LabDockerd> {
	const dir = path.join(workDir, 'dockerd');
	await mkdir(dir, {recursive: true});
	const child = spawn('dockerd', [
		'--data-root', path.join(dir, 'data'), '--exec-root', path.join(dir, 'exec'), '--pidfile', path.join(dir, 'dockerd.pid'),
		'-H', `unix://${dockerSocket}`, '--bridge=none', '--iptables=false', '--ip6tables=false', '--ip-forward=false', '--ip-masq=false',
	], {stdio: ['ignore', 'ignore', 'pipe']});
	let log = '';
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (chunk: string) => {
		log = `${log}${chunk}`.slice(-4000);
	});
	const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
	const pid = child.pid ?? 0;
	const stop = async () => {
		if (isAlive(pid)) await stopPid(pid, 20_000);
		await exited;
		await rm(dir, {recursive: true, force: true});
	};
	try {
		await waitFor('dockerd to answer docker version', async () => {
			if (child.exitCode !== null) throw new Error(`dockerd exited with ${child.exitCode}`);
			const {exitCode} = await execa('docker', ['version', '--format', '{{.Server.Version}}'], {reject: false, timeout: 10_000});
			return exitCode === 0 ? true : undefined;
		}, 60_000);
	} catch (error) {
		await stop();
		throw new Error(`${String(error)}\ndockerd said:\n${log}`);
	}
	return {pid, stop};
}
