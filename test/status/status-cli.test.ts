import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {type FixtureCluster, startCluster} from '../fixtures/cluster.js';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';

let cluster: FixtureCluster | undefined;
afterEach(async () => {
	await cluster?.stop();
	cluster = undefined;
});

// The built CLI cannot be given endpoints: the master is found where /etc/default/mesos-master
// says. The other services are looked for at their fixed ports, which may or may not answer here.
async function sandboxPointingAtMaster(): Promise<{root: string; port: number}> {
	cluster = await startCluster();
	const root = await tempRoot();
	await mkdir(path.join(root, 'etc/default'), {recursive: true});
	await writeFile(path.join(root, 'etc/default/mesos-master'), `PORT=${cluster.master.port}\n`);
	return {root, port: cluster.master.port};
}

describe('mesos-setup status --once / --json (the built CLI)', () => {
	it('prints every service and the cluster, and its exit code says whether all are healthy', async () => {
		const {root, port} = await sandboxPointingAtMaster();
		const result = await runCli(['status', '--once', '--root', root]);
		expect(result.stdout).toMatch(new RegExp(`^mesos-master +unknown +healthy: http://127\\.0\\.0\\.1:${port}/master/health answered 200$`, 'm'));
		expect(result.stdout).toContain(`Leader:     127.0.0.1:${port}`);
		const unhealthy = /unhealthy:/.test(result.stdout);
		expect(result.exitCode).toBe(unhealthy ? 1 : 0);
	});

	// As the live screen does: the answers given (--set, --answers) stand where no file says otherwise.
	it('takes the answers it is given: --set master.port finds the master there in a fresh sandbox', async () => {
		cluster = await startCluster();
		const root = await tempRoot();
		const {port} = cluster.master;
		const given = await runCli(['status', '--once', '--root', root, '--set', `master.port=${port}`]);
		expect(given.stdout).toMatch(new RegExp(`^mesos-master +unknown +healthy: http://127\\.0\\.0\\.1:${port}/master/health answered 200$`, 'm'));
		// Without it the default port is asked, where the fixture's master is not.
		const saved = await runCli(['status', '--once', '--root', root]);
		expect(saved.stdout).toMatch(/^mesos-master .*127\.0\.0\.1:5050\/master\/health/m);
	});

	it('prints one JSON document with services and the cluster summary', async () => {
		const {root, port} = await sandboxPointingAtMaster();
		const result = await runCli(['status', '--json', '--root', root]);
		const document = JSON.parse(result.stdout) as {healthy: boolean; services: {name: string; state: string; healthy: boolean; detail: string}[]; cluster: {leader: string | null; agents: unknown}};
		expect(document.services.map(s => s.name)).toEqual(['zookeeper', 'mesos-master', 'mesos-slave', 'marathon']);
		expect(document.services[1]).toMatchObject({name: 'mesos-master', state: 'unknown', healthy: true});
		expect(document.cluster.leader).toBe(`127.0.0.1:${port}`);
		expect(document.cluster.agents).toEqual({active: 1, inactive: 0});
		expect(result.exitCode).toBe(document.healthy ? 0 : 1);
	});
});
