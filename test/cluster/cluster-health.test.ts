import {describe, expect, it} from 'vitest';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import {type ClusterReadings, dockerNodes, judgeCluster} from '../../source/model/cluster-health.js';
import {clusterStatusLines} from '../../source/model/cluster-status-lines.js';
import {nodeStatuses} from '../../source/model/cluster-node-status.js';
import {readCluster} from '../../source/system/cluster-readings.js';
import type {Probes} from '../../source/system/probes.js';

const masters = [
	{node: 'm1', address: '10.77.0.11'},
	{node: 'm2', address: '10.77.0.12'},
	{node: 'm3', address: '10.77.0.13'},
];
const agents = [
	{node: 'a1', address: '10.77.0.21'},
	{node: 'a2', address: '10.77.0.22'},
];
const state = (leader: string, active = ['10.77.0.21', '10.77.0.22']) => ({
	leader: `master@${leader}:5050`,
	slaves: agents.map(agent => ({hostname: agent.address, active: active.includes(agent.address)})),
	frameworks: [{name: 'marathon', active: true}],
});
const healthy = (): ClusterReadings => ({
	zookeeper: masters.map((master, index) => ({...master, mode: index === 1 ? 'leader' : 'follower'})),
	masters: masters.map(master => ({...master, state: state('10.77.0.11')})),
	marathon: masters.map(master => ({...master, leader: '10.77.0.12:8080'})),
	agents,
});

describe('judging a cluster from what its services answer', () => {
	it('proves a healthy cluster: one ZooKeeper leader, every master naming one leader with both agents, one Marathon leader', () => {
		expect(judgeCluster(healthy())).toEqual({
			zookeeper: {leader: 'm2', serving: 3, total: 3, quorum: 2, hasQuorum: true},
			mesos: {leader: '10.77.0.11:5050', agreed: true, agentsActive: 2, agentsTotal: 2, inactiveAgents: [], frameworks: [{name: 'marathon', active: true}]},
			marathon: {leader: '10.77.0.12:8080', agreed: true},
			docker: [],
			problems: [],
		});
	});

	it('one ZooKeeper of three stopped: 2 of 3 serving, the quorum holds, and the stopped one is named', () => {
		const readings = healthy();
		readings.zookeeper[0] = {node: 'm1', address: '10.77.0.11', error: 'connection refused (nothing listening)'};
		const health = judgeCluster(readings);
		expect(health.zookeeper).toEqual({leader: 'm2', serving: 2, total: 3, quorum: 2, hasQuorum: true});
		expect(health.problems).toEqual(['ZooKeeper on m1 (10.77.0.11:2181) does not answer: connection refused (nothing listening)']);
	});

	it('names what is wrong: no quorum, split leaders, an inactive agent, Marathons that disagree, a standalone ZooKeeper', () => {
		const readings = healthy();
		readings.zookeeper = masters.map(master => ({...master, mode: master.node === 'm3' ? 'standalone' : 'not serving'}));
		readings.masters[2] = {...masters[2] as {node: string; address: string}, state: state('10.77.0.13', ['10.77.0.21'])};
		readings.masters[0] = {...masters[0] as {node: string; address: string}, state: state('10.77.0.11', ['10.77.0.21'])};
		readings.marathon[1] = {node: 'm2', address: '10.77.0.12', leader: '10.77.0.13:8080'};
		const health = judgeCluster(readings);
		expect(health.zookeeper.hasQuorum).toBe(false);
		expect(health.mesos).toMatchObject({leader: null, agreed: false});
		expect(health.marathon).toEqual({leader: null, agreed: false});
		expect(health.problems).toEqual([
			'ZooKeeper on m1 answers but does not serve (not serving): it has no quorum',
			'ZooKeeper on m2 answers but does not serve (not serving): it has no quorum',
			'ZooKeeper on m3 runs standalone, outside the ensemble: its zoo.cfg lacks the server lines',
			'ZooKeeper has no leader',
			'the Mesos masters name different leaders: m1 names m1 (10.77.0.11:5050), m2 names m1 (10.77.0.11:5050), m3 names m3 (10.77.0.13:5050)',
			'the Marathons name different leaders: m1 names 10.77.0.12:8080, m2 names 10.77.0.13:8080, m3 names 10.77.0.12:8080',
		]);
		const inactive = healthy();
		inactive.masters = masters.map(master => ({...master, state: state('10.77.0.11', ['10.77.0.21'])}));
		expect(judgeCluster(inactive).problems).toEqual(['the leading master lists an agent not active: a2']);
		expect(judgeCluster(inactive).mesos).toMatchObject({agentsActive: 1, agentsTotal: 2, inactiveAgents: ['a2']});
	});

	it('reads every master’s ZooKeeper, /master/state and /v2/leader at its address, keeping why one does not answer', async () => {
		const cluster = parseClusterFile('masters:\n  - {name: m1, address: 10.77.0.11}\n  - {name: m2, address: 10.77.0.12, role: master+agent}\n  - {name: m3, address: 10.77.0.13}\nagents:\n  - {name: a1, address: 10.77.0.21}\n', 'c');
		const asked: string[] = [];
		const refused = Object.assign(new Error('fetch failed'), {cause: Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'})});
		const probes: Probes = {
			probe: async () => ({healthy: true, detail: ''}),
			async fourLetterWord(host, port, word) {
				asked.push(`${word} ${host}:${port}`);
				if (host === '10.77.0.13') throw refused;
				return host === '10.77.0.11' ? 'Zookeeper version: 3.8\nMode: leader\n' : 'This ZooKeeper instance is not currently serving requests\n';
			},
			async fetchJson(url) {
				asked.push(url);
				if (url.includes('/v2/leader')) return {leader: '10.77.0.11:8080'};
				return state('10.77.0.11');
			},
		};
		const readings = await readCluster(probes, cluster, {master: 5050, marathon: 8080});
		expect(asked.sort()).toEqual([
			'http://10.77.0.11:5050/master/state', 'http://10.77.0.11:8080/v2/leader',
			'http://10.77.0.12:5050/master/state', 'http://10.77.0.12:8080/v2/leader',
			'http://10.77.0.13:5050/master/state', 'http://10.77.0.13:8080/v2/leader',
			'srvr 10.77.0.11:2181', 'srvr 10.77.0.12:2181', 'srvr 10.77.0.13:2181',
		]);
		expect(readings.zookeeper).toEqual([
			{node: 'm1', address: '10.77.0.11', mode: 'leader'},
			{node: 'm2', address: '10.77.0.12', mode: 'not serving'},
			{node: 'm3', address: '10.77.0.13', error: 'connection refused (nothing listening)'},
		]);
		expect(readings.agents).toEqual([{node: 'm2', address: '10.77.0.12'}, {node: 'a1', address: '10.77.0.21'}]);
	});
});

describe('Docker in cluster status', () => {
	const file = (settings: string) => parseClusterFile(`masters:\n  - {name: m1, address: 10.77.0.11}\n  - {name: m2, address: 10.77.0.12, role: master+agent}\n  - {name: m3, address: 10.77.0.13}\nagents:\n  - {name: a1, address: 10.77.0.21}\n  - {name: a2, address: 10.77.0.22}\n${settings}`, 'cluster.yaml');

	it('is asked only on the nodes whose agent has docker among its containerizers', () => {
		expect(dockerNodes(file('')).map(node => node.name)).toEqual([]);
		expect(dockerNodes(file('settings: {slave.containerizers: mesos}\n')).map(node => node.name)).toEqual([]);
		// A master alone runs no agent, so no container either.
		expect(dockerNodes(file('settings: {slave.containerizers: "docker,mesos"}\n')).map(node => node.name)).toEqual(['m2', 'a1', 'a2']);
	});

	it('counts as one machine’s status counts it: a node whose daemon does not answer is a problem, named with docker’s words', () => {
		const cluster = file('settings: {slave.containerizers: "docker,mesos"}\n');
		const reason = 'the docker client 20.10.24+dfsg1 answers but the Docker daemon does not (Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?): start it';
		const readings: ClusterReadings = {
			...healthy(),
			agents: [{node: 'm2', address: '10.77.0.12'}, ...agents],
			masters: masters.map(master => ({...master, state: {...state('10.77.0.11', ['10.77.0.12', '10.77.0.21', '10.77.0.22']), slaves: ['10.77.0.12', '10.77.0.21', '10.77.0.22'].map(hostname => ({hostname, active: true}))}})),
			docker: [
				{node: 'm2', address: '10.77.0.12', healthy: true, detail: 'client 20.10.24+dfsg1, server 20.10.24+dfsg1'},
				{node: 'a1', address: '10.77.0.21', healthy: false, detail: reason},
				{node: 'a2', address: '10.77.0.22', healthy: true, detail: 'client 20.10.24+dfsg1, server 20.10.24+dfsg1'},
			],
		};
		const health = judgeCluster(readings);
		expect(health.problems).toEqual([`Docker on a1 (10.77.0.21): ${reason}`]);
		expect(health.docker.map(reading => [reading.node, reading.healthy])).toEqual([['m2', true], ['a1', false], ['a2', true]]);
		const lines = clusterStatusLines(health);
		expect(lines).toContain('Docker: healthy on m2, a2; unhealthy on a1');
		expect(lines.at(-1)).toBe(`problem: Docker on a1 (10.77.0.21): ${reason}`);
		const rows = nodeStatuses(cluster, readings, health);
		expect(rows.find(row => row.node.name === 'a1')?.rows).toEqual([{service: 'mesos-slave', ok: true, text: 'active on the leading master'}, {service: 'docker', ok: false, text: reason}]);
		expect(rows.find(row => row.node.name === 'm2')?.rows.at(-1)).toEqual({service: 'docker', ok: true, text: 'client 20.10.24+dfsg1, server 20.10.24+dfsg1'});
		expect(rows.find(row => row.node.name === 'm1')?.rows.map(row => row.service)).not.toContain('docker');
		// Every node's Docker healthy: the cluster is, and the line says so.
		const allWell = judgeCluster({...readings, docker: readings.docker?.map(reading => ({...reading, healthy: true, detail: 'client 1, server 1'}))});
		expect(allWell.problems).toEqual([]);
		expect(clusterStatusLines(allWell)).toContain('Docker: healthy on m2, a1, a2');
	});

	it('says nothing of Docker where no node uses it, and the postflight (no readings) judges as before', () => {
		const health = judgeCluster(healthy());
		expect(health.docker).toEqual([]);
		expect(clusterStatusLines(health).some(line => line.startsWith('Docker'))).toBe(false);
	});
});
