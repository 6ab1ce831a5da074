// Docker in the lab (README "Docker"): `setup --yes` of an agent with docker among its containerizers
// installs docker.io from Debian's packages and writes the agent's files (containerizers,
// executor_registration_timeout=10mins). docker.io's init script cannot start the daemon here, so
// the preflight and status say the daemon does not answer, naming what to do, and the agent refuses
// to start (as the real one does without docker); with the lab's hand-started dockerd (no network
// changes) the next `setup --yes` continues, preflight and status read `docker version` as healthy.
// Restoring takes it all away.
import {existsSync, readFileSync} from 'node:fs';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {installedVersions, run} from './by-hand.js';
import {startLab, type Lab} from './lab.js';
import {dockerSocket, startLabDockerd, type LabDockerd} from './lab-dockerd.js';
import {labAgentSettings, labSettings, mesosSetup, requireBuiltCli} from './mesos-setup-cli.js';
import {describeLab} from './require-lab.js';

const minute = 60_000;
const links = async () => (await run('ip', ['-brief', 'link'])).stdout.split('\n').map(line => line.split(/\s+/)[0] ?? '').sort();
const ipForward = () => readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim();
const noDaemon = /the docker client.* answers but the Docker daemon does not \(Cannot connect to the Docker daemon.*\): start it \(service docker start, or systemctl start docker\) before the Mesos agent/;

type StatusJson = {healthy: boolean; services: {name: string; healthy: boolean}[]; docker?: {healthy: boolean; detail: string}};
const statusJson = async () => JSON.parse((await mesosSetup(['status', '--json'])).stdout) as StatusJson;

describeLab('Docker in the lab: an agent with the docker containerizer', () => {
	let lab: Lab;
	let settings: string[];
	let dockerd: LabDockerd | undefined;
	let before: {links: string[]; ipForward: string; group: string; paths: Record<string, boolean>};
	const dockerPaths = ['/etc/docker', '/var/lib/docker', '/run/docker'];

	beforeAll(async () => {
		requireBuiltCli();
		lab = await startLab();
		settings = labSettings(lab, {...labAgentSettings(), 'slave.containerizers': 'docker,mesos'});
		before = {
			links: await links(), ipForward: ipForward(), group: readFileSync('/etc/group', 'utf8'),
			paths: Object.fromEntries(dockerPaths.map(file => [file, existsSync(file)])),
		};
	}, 15 * minute);

	afterAll(async () => {
		await dockerd?.stop();
		await lab?.stop();
	}, 5 * minute);

	it('setup --yes installs docker.io and writes the agent’s files; without a daemon the agent refuses to start, as the real one', async () => {
		const setup = await mesosSetup(['setup', '--yes', ...settings]);
		expect(setup.exitCode, setup.all).toBe(1);
		expect(setup.stdout).toMatch(/^ran +apt-get install -y --no-install-recommends --no-remove docker\.io$/m);
		expect(Object.keys(await installedVersions(['docker.io', 'containerd', 'runc', 'mesos']))).toEqual(['containerd', 'docker.io', 'mesos', 'runc']);
		expect(readFileSync('/etc/mesos-slave/containerizers', 'utf8')).toBe('docker,mesos\n');
		expect(readFileSync('/etc/mesos-slave/executor_registration_timeout', 'utf8')).toBe('10mins\n');
		// The preflight ran before docker.io was there: no docker yet, or a client (this machine has one on PATH) without a daemon.
		expect(setup.stdout).toMatch(/^(passed +Docker answers docker version: docker is not installed yet: the install step adds docker\.io|warned +Docker answers docker version: the docker client .* answers but the Docker daemon does not)/m);
		// The stand-in agent, as the real one, refuses the docker containerizer without a working docker.
		expect(setup.all).toContain('`docker version` failed');
	}, 10 * minute);

	it('status, without a daemon: Docker unhealthy with docker’s own words and what to do; docker.io’s init script cannot start it here', async () => {
		const status = await statusJson();
		expect(status.healthy).toBe(false);
		expect(status.docker?.healthy).toBe(false);
		expect(status.docker?.detail).toMatch(noDaemon);
		expect((await mesosSetup(['status', '--once'])).stdout).toMatch(/^Docker: unhealthy: the docker client/m);
		const started = await run('service', ['docker', 'start'], {timeout: minute});
		expect(started.exitCode).not.toBe(0);
		expect(started.all).toContain('ulimit: error setting limit (Operation not permitted)');
	}, 2 * minute);

	it('with the lab’s dockerd: preflight passes docker version, the setup continues, the agent and Docker are healthy, no bridge or forwarding', async () => {
		dockerd = await startLabDockerd(lab.workDir);
		const server = (await installedVersions(['docker.io']))['docker.io']?.replace(/\+.*/, '') ?? '?';
		const preflight = await mesosSetup(['setup', '--yes', '--dry-run', ...settings]);
		expect(preflight.stdout).toMatch(new RegExp(`^passed +Docker answers docker version: client \\S+, server ${server.replaceAll('.', '\\.')}`, 'm'));
		const setup = await mesosSetup(['setup', '--yes', ...settings]);
		expect(setup.exitCode, setup.all).toBe(0);
		const status = await statusJson();
		expect(status.services.map(service => [service.name, service.healthy])).toEqual([['mesos-slave', true]]);
		expect(status.docker).toEqual({healthy: true, detail: expect.stringMatching(new RegExp(`^client \\S+, server ${server.replaceAll('.', '\\.')}`))});
		expect(status.healthy).toBe(true);
		expect(await links()).toEqual(before.links);
		expect(ipForward()).toBe(before.ipForward);
		await dockerd.stop();
		dockerd = undefined;
		expect(existsSync(dockerSocket)).toBe(false);
	}, 10 * minute);

	it('restores the machine: docker.io and what it pulled in purged, its group and files as found', async () => {
		const report = await lab.restoreMachine();
		expect(report.purgedPackages).toEqual(expect.arrayContaining(['docker.io', 'containerd', 'runc', 'mesos']));
		expect(await installedVersions(['docker.io', 'containerd', 'runc'])).toEqual({});
		expect(readFileSync('/etc/group', 'utf8')).toBe(before.group);
		expect(Object.fromEntries(dockerPaths.map(file => [file, existsSync(file)]))).toEqual(before.paths);
	}, 5 * minute);
});
