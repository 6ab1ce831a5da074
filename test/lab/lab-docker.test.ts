// What the lab can prove of Docker (README "Docker"): docker.io installs from Debian's packages,
// its own init script cannot start the daemon here, a hand-started dockerd answers `docker version`
// without touching the machine's network, and restoring takes it all away.
import {existsSync, readFileSync} from 'node:fs';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {installedVersions, run} from './by-hand.js';
import {startLab, type Lab} from './lab.js';
import {dockerSocket, startLabDockerd} from './lab-dockerd.js';
import {describeLab} from './require-lab.js';

const minute = 60_000;
const links = async () => (await run('ip', ['-brief', 'link'])).stdout.split('\n').map(line => line.split(/\s+/)[0] ?? '').sort();
const ipForward = () => readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim();

describeLab('Docker in the lab, by hand', () => {
	let lab: Lab;
	let before: {links: string[]; ipForward: string; group: string; paths: Record<string, boolean>};
	const dockerPaths = ['/etc/docker', '/var/lib/docker', '/run/docker'];

	beforeAll(async () => {
		lab = await startLab();
		before = {
			links: await links(), ipForward: ipForward(), group: readFileSync('/etc/group', 'utf8'),
			paths: Object.fromEntries(dockerPaths.map(file => [file, existsSync(file)])),
		};
	}, 15 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	it('installs docker.io from Debian\'s packages', async () => {
		const installed = await run('apt-get', ['install', '-y', '--no-install-recommends', 'docker.io'], {timeout: 10 * minute});
		expect(installed.exitCode, installed.all).toBe(0);
		expect(Object.keys(await installedVersions(['docker.io', 'containerd', 'runc']))).toEqual(['containerd', 'docker.io', 'runc']);
	}, 10 * minute);

	it('cannot start the daemon through its init script here: `docker version` then names no server', async () => {
		const started = await run('service', ['docker', 'start'], {timeout: minute});
		expect(started.exitCode).not.toBe(0);
		expect(started.all).toContain('ulimit: error setting limit (Operation not permitted)');
		const version = await run('docker', ['version']);
		expect(version.exitCode).not.toBe(0);
		expect(version.all).toContain('Cannot connect to the Docker daemon');
	}, 2 * minute);

	it('answers `docker version` from a hand-started dockerd, with no bridge, iptables rule or forwarding', async () => {
		const dockerd = await startLabDockerd(lab.workDir);
		try {
			const version = await run('docker', ['version', '--format', '{{.Server.Version}}']);
			expect(version.exitCode, version.all).toBe(0);
			const installed = (await installedVersions(['docker.io']))['docker.io'] ?? '';
			expect(installed.startsWith(version.stdout.trim())).toBe(true);
			expect(await links()).toEqual(before.links);
			expect(ipForward()).toBe(before.ipForward);
		} finally {
			await dockerd.stop();
		}
		expect(existsSync(dockerSocket)).toBe(false);
	}, 3 * minute);

	it('restores the machine: docker.io and what it pulled in purged, its group and files as found', async () => {
		const report = await lab.restoreMachine();
		expect(report.purgedPackages).toEqual(expect.arrayContaining(['docker.io', 'containerd', 'runc']));
		expect(await installedVersions(['docker.io', 'containerd', 'runc'])).toEqual({});
		expect(readFileSync('/etc/group', 'utf8')).toBe(before.group);
		expect(Object.fromEntries(dockerPaths.map(file => [file, existsSync(file)]))).toEqual(before.paths);
	}, 5 * minute);
});
