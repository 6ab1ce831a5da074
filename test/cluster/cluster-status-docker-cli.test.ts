// cluster status --json/--once through the built CLI, for a cluster whose agent runs docker: Docker
// is asked on that node over SSH (here one SSH cannot reach: its own error, named, and the cluster
// unhealthy), and not at all under --root ("not asked", as one machine's status says); a cluster
// without Docker has no Docker part. Which nodes are asked is model/cluster-health.ts dockerNodes
// (cluster-health.test.ts). The node is this machine's own address (a cluster file refuses
// loopback), so every refusal comes at once.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {closedPort, ownAddress} from '../helpers/unreachable-node.js';

type Status = {docker: {node: string; address: string; healthy: boolean; detail: string}[]; problems: string[]};

async function clusterFile(settings: string, ssh = ''): Promise<string> {
	const file = path.join(await tempRoot(), 'cluster.yaml');
	await writeFile(file, `masters:\n  - {name: m1, address: ${ownAddress()}, role: master+agent}\n${ssh}${settings}`);
	return file;
}

const dockerSettings = 'settings: {slave.containerizers: "docker,mesos"}\n';

describe('cluster status and Docker on the nodes', () => {
	it('asks Docker on the node whose agent runs it, over SSH; a node SSH cannot reach is unhealthy with why', async () => {
		const port = await closedPort();
		const file = await clusterFile(dockerSettings, `ssh: {port: ${port}}\n`);
		const {exitCode, stdout} = await runCli(['cluster', 'status', file, '--json']);
		expect(exitCode).toBe(1);
		const status = JSON.parse(stdout) as Status;
		const address = ownAddress();
		expect(status.docker.map(reading => [reading.node, reading.address, reading.healthy])).toEqual([['m1', address, false]]);
		const [reading] = status.docker;
		expect(reading?.detail).toBe(`m1 (${address}:${port}) cannot be reached over SSH: ssh: connect to host ${address} port ${port}: Connection refused. Check that the machine is up, that its address in the cluster file is right, and that sshd listens on port ${port} there.`);
		expect(status.problems).toContain(`Docker on m1 (${address}): ${reading?.detail}`);
		const once = await runCli(['cluster', 'status', file, '--once']);
		expect(once.exitCode).toBe(1);
		expect(once.stdout).toContain('Docker: unhealthy on m1');
		expect(once.stdout).toContain(`problem: Docker on m1 (${address}): m1 (${address}:${port}) cannot be reached over SSH`);
	});

	it('under --root asks nothing: Docker is "not asked" on those nodes, as one machine says', async () => {
		const file = await clusterFile(dockerSettings);
		const {exitCode, stdout} = await runCli(['cluster', 'status', file, '--json', '--root', await tempRoot()]);
		expect(exitCode).toBe(1);
		const status = JSON.parse(stdout) as Status;
		expect(status.docker).toEqual([{node: 'm1', address: ownAddress(), healthy: false, detail: 'not asked (--root: system commands are not run)'}]);
	});

	it('says nothing of Docker for a cluster without it', async () => {
		const file = await clusterFile('settings: {slave.containerizers: mesos}\n', `ssh: {port: ${await closedPort()}}\n`);
		const {stdout} = await runCli(['cluster', 'status', file, '--json']);
		const status = JSON.parse(stdout) as Status;
		expect(status.docker).toEqual([]);
		expect(status.problems.some(problem => problem.includes('Docker') || problem.includes('SSH'))).toBe(false);
		expect((await runCli(['cluster', 'status', file, '--once'])).stdout).not.toContain('Docker');
	});
});
