// The live cluster status screen against the status tests' fixture servers (ZooKeeper's srvr, a
// Mesos master's /master/state, Marathon's /v2/leader, on loopback): per node its services, the
// cluster's leaders, quorum and agents; r looks again at once (a ZooKeeper stopped meanwhile is
// named), q leaves with 0 only while the cluster is healthy. Docker, on a node whose agent runs it, is
// a row of its own and counts toward the cluster's health; under --root it is not asked.
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import type {Cluster} from '../../source/model/cluster.js';
import {createProbes, type Probes} from '../../source/system/probes.js';
import {createSystem} from '../../source/system/system.js';
import {ClusterStatusScreen} from '../../source/ui/cluster/ClusterStatusScreen.js';
import type {DockerReading} from '../../source/model/cluster-health.js';
import type {DockerAsker} from '../../source/use-cases/cluster-docker.js';
import {lookAtCluster, watchCluster} from '../../source/use-cases/cluster-review.js';
import {type FixtureCluster, startCluster} from '../fixtures/cluster.js';
import {press, pressExpectingNoChange, waitForFrame} from '../helpers/ink-app.js';
import {tempRoot} from '../helpers/temp-root.js';
import {renderScreen} from './render-screen.js';

let fixture: FixtureCluster | undefined;
let unmount: (() => void) | undefined;
afterEach(async () => {
	unmount?.();
	await fixture?.stop();
});

// The cluster's well-known ports (2181, 5050, 8080) led to the fixture servers' own.
function fixtureProbes(servers: FixtureCluster): Probes {
	const real = createProbes();
	return {
		...real,
		fourLetterWord: (host, _port, word, signal) => real.fourLetterWord(host, servers.zookeeper.port, word, signal),
		fetchJson: (url, timeoutMs, signal) => real.fetchJson(url.replace(':5050/', `:${servers.master.port}/`).replace(':8080/', `:${servers.marathon.port}/`), timeoutMs, signal),
	};
}

describe('the live cluster status screen', () => {
	it('shows every node’s services and the cluster, looks again on r, and quits on q', async () => {
		fixture = await startCluster();
		const servers = fixture;
		const cluster: Cluster = {nodes: [{name: 'm1', address: '127.0.0.1', role: 'master+agent'}], ssh: {}, settings: {}};
		let code: number | undefined;
		const system = await createSystem({root: await tempRoot()});
		const app = renderScreen(system, <ClusterStatusScreen cluster={cluster} open={() => watchCluster(cluster, {probes: fixtureProbes(servers), sandbox: false})} intervalMs={60_000} onExit={exit => (code = exit)} />);
		unmount = app.unmount;
		const healthy = await waitForFrame(app, 'The cluster is healthy.');
		expect(healthy).toContain('m1 · master+agent · 127.0.0.1');
		expect(healthy).toMatch(/● zookeeper +standalone/);
		expect(healthy).toMatch(/● mesos-master +leading/);
		expect(healthy).toMatch(/● marathon +leading/);
		expect(healthy).toMatch(/● mesos-slave +active on the leading master/);
		expect(healthy).toContain('ZooKeeper: 1 of 1 serving, leader m1, quorum 1: holds');
		expect(healthy).toContain('agents 1 of 1 active; frameworks: marathon');
		// ZooKeeper stops; r looks at once (the next look was a minute away).
		await servers.stopService('zookeeper');
		await press(app, 'r');
		const lost = await waitForFrame(app, 'problem: ZooKeeper on m1');
		expect(lost).toMatch(/✖ zookeeper +connection refused/);
		expect(lost).toContain('ZooKeeper: 0 of 1 serving, leader none, quorum 1: lost');
		await pressExpectingNoChange(app, 'q');
		await waitForFrame(app, () => code === 1);
	});
});

describe('Docker on the live cluster status screen', () => {
	const cluster: Cluster = {nodes: [{name: 'm1', address: '127.0.0.1', role: 'master+agent'}], ssh: {}, settings: {'slave.containerizers': 'docker,mesos'}};

	it('shows a docker row on the node that uses it; a daemon that does not answer makes the cluster unhealthy until it does', async () => {
		fixture = await startCluster();
		const servers = fixture;
		const down = 'the docker client 20.10.24+dfsg1 answers but the Docker daemon does not (Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?): start it';
		// docker version on the node, as the SSH asker reports it: first without its daemon, then with it.
		const answers: DockerReading[][] = [[{node: 'm1', address: '127.0.0.1', healthy: false, detail: down}], [{node: 'm1', address: '127.0.0.1', healthy: true, detail: 'client 20.10.24+dfsg1, server 20.10.24+dfsg1'}]];
		let closed = false;
		const docker: DockerAsker = {ask: async () => answers.shift() ?? [], close: async () => void (closed = true)};
		let code: number | undefined;
		const system = await createSystem({root: await tempRoot()});
		const app = renderScreen(system, <ClusterStatusScreen cluster={cluster} open={() => ({take: async () => lookAtCluster(cluster, fixtureProbes(servers), docker), close: async () => docker.close()})} intervalMs={60_000} onExit={exit => (code = exit)} />);
		unmount = app.unmount;
		const unhealthy = await waitForFrame(app, 'problem: Docker on m1 (127.0.0.1)');
		expect(unhealthy).toMatch(/✖ docker +the docker client 20\.10\.24\+dfsg1 answers but the Docker daemon does not/);
		expect(unhealthy).toContain('Docker: unhealthy on m1');
		expect(unhealthy).not.toContain('The cluster is healthy.');
		await press(app, 'r');
		const healthy = await waitForFrame(app, 'The cluster is healthy.');
		expect(healthy).toMatch(/● docker +client 20\.10\.24\+dfsg1, server 20\.10\.24\+dfsg1/);
		expect(healthy).toContain('Docker: healthy on m1');
		await pressExpectingNoChange(app, 'q');
		await waitForFrame(app, () => code === 0);
		expect(closed).toBe(false);
		app.unmount();
		unmount = undefined;
		// The screen gone, its sessions go with it.
		await waitForFrame(app, () => closed);
	});

	it('under --root says Docker was not asked, as one machine’s status does', async () => {
		fixture = await startCluster();
		const servers = fixture;
		const system = await createSystem({root: await tempRoot()});
		const app = renderScreen(system, <ClusterStatusScreen cluster={cluster} open={() => watchCluster(cluster, {probes: fixtureProbes(servers), sandbox: true})} intervalMs={60_000} onExit={() => undefined} />);
		unmount = app.unmount;
		const frame = await waitForFrame(app, 'Docker: unhealthy on m1');
		expect(frame).toMatch(/✖ docker +not asked \(--root: system commands are not run\)/);
		expect(frame).toContain('problem: Docker on m1 (127.0.0.1): not asked (--root: system commands are not run)');
	});
});
