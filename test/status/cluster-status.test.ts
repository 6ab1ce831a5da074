import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {endpointsFor, statusProbe} from '../../source/model/endpoints.js';
import {takeStatusSnapshot} from '../../source/system/cluster-status.js';
import {createSystem} from '../../source/system/system.js';
import {type FixtureCluster, startCluster} from '../fixtures/cluster.js';
import {tempRoot} from '../helpers/temp-root.js';

let cluster: FixtureCluster | undefined;
afterEach(async () => {
	await cluster?.stop();
	cluster = undefined;
});

describe('the endpoints status looks at', () => {
	it('come from the settings through the plan’s probes', () => {
		const values = resolveValues({'master.port': '5151', 'slave.ip': '10.0.0.7'});
		expect(endpointsFor(values)).toEqual({
			zookeeper: {host: '127.0.0.1', port: 2181},
			master: 'http://127.0.0.1:5151',
			agent: 'http://10.0.0.7:5051',
			marathon: 'http://127.0.0.1:8080',
		});
	});

	it('can be moved, keeping each probe’s path and expectation', () => {
		const values = resolveValues({});
		const endpoints = endpointsFor(values, {agent: 'http://127.0.0.1:40001', zookeeper: {host: '127.0.0.1', port: 40002}});
		expect(statusProbe('mesos-slave', values, endpoints)).toEqual({kind: 'http', url: 'http://127.0.0.1:40001/health', expect: 'ok'});
		expect(statusProbe('marathon', values, endpoints)).toEqual({kind: 'http', url: 'http://127.0.0.1:8080/ping', expect: 'pong'});
		expect(statusProbe('zookeeper', values, endpoints)).toEqual({kind: 'zookeeper', host: '127.0.0.1', port: 40002});
	});
});

describe('a status snapshot', () => {
	it('shows every service healthy and the cluster summary when all answer', async () => {
		cluster = await startCluster();
		const root = await tempRoot();
		const system = await createSystem({root});
		await mkdir(path.join(root, 'var/log/zookeeper'), {recursive: true});
		await writeFile(path.join(root, 'var/log/zookeeper/zookeeper.log'), 'line one\nline two\n\u001B[31mline three\u001B[0m\n');
		const snapshot = await takeStatusSnapshot(system, resolveValues({}), {endpoints: cluster.endpoints, logLines: 2});
		expect(snapshot.services.map(s => [s.name, s.healthy, s.detail])).toEqual([
			['zookeeper', true, 'Mode: standalone, 24 znodes'],
			['mesos-master', true, `${cluster.master.url}/master/health answered 200`],
			['mesos-slave', true, `${cluster.agent.url}/health answered 200`],
			['marathon', true, `${cluster.marathon.url}/ping answered 200 pong`],
		]);
		expect(snapshot.services[0]?.log).toEqual({file: '/var/log/zookeeper/zookeeper.log', lines: ['line two', 'line three']});
		expect(snapshot.services[1]?.log).toEqual({file: null, lines: []});
		expect(snapshot.services[0]?.init.detail).toBe('not asked (--root: system commands are not run)');
		expect(snapshot.cluster.leader).toBe(`127.0.0.1:${cluster.master.port}`);
		expect(snapshot.cluster.marathon.registered).toBe(true);
		expect(cluster.zookeeper.words).toEqual(['srvr', 'mntr']);
	});

	it('shows a stopped master as unreachable, with the error, and the rest as they are', async () => {
		cluster = await startCluster();
		await cluster.stopService('master');
		const system = await createSystem({root: await tempRoot()});
		const snapshot = await takeStatusSnapshot(system, resolveValues({}), {endpoints: cluster.endpoints});
		const master = snapshot.services.find(s => s.name === 'mesos-master');
		expect(master).toMatchObject({healthy: false, detail: `${cluster.master.url}/master/health: connection refused (nothing listening)`});
		expect(snapshot.services.filter(s => s.healthy).map(s => s.name)).toEqual(['zookeeper', 'mesos-slave', 'marathon']);
		expect(snapshot.cluster.unreachable).toEqual([
			{what: 'master state', error: `${cluster.master.url}/master/state: connection refused (nothing listening)`},
			{what: 'master metrics', error: `${cluster.master.url}/metrics/snapshot: connection refused (nothing listening)`},
		]);
	});

	it('says ZooKeeper is not serving when it has no quorum, though it answers', async () => {
		cluster = await startCluster();
		cluster.model.zookeeperMode = 'not serving';
		const system = await createSystem({root: await tempRoot()});
		const snapshot = await takeStatusSnapshot(system, resolveValues({}), {endpoints: cluster.endpoints});
		expect(snapshot.services[0]).toMatchObject({name: 'zookeeper', healthy: false, detail: 'running but not serving requests (no quorum yet)'});
	});

	it('shows a master without a leader: healthy process, state answering 503', async () => {
		cluster = await startCluster();
		cluster.model.elected = false;
		const system = await createSystem({root: await tempRoot()});
		const snapshot = await takeStatusSnapshot(system, resolveValues({}), {endpoints: cluster.endpoints});
		expect(snapshot.cluster.leader).toBeNull();
		expect(snapshot.cluster.unreachable).toEqual([{what: 'master state', error: `${cluster.master.url}/master/state answered 503 Service Unavailable`}]);
	});
});
