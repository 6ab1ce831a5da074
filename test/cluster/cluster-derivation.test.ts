import {describe, expect, it} from 'vitest';
import {consistencyProblems, resolveValues} from '../../source/model/answers.js';
import {deriveNode, nodeAnswers} from '../../source/model/cluster-derivation.js';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import type {Cluster} from '../../source/model/cluster.js';

const cluster = (masters: number, agents: number, extra = ''): Cluster =>
	parseClusterFile(
		`masters:\n${Array.from({length: masters}, (_, i) => `  - {name: m${i + 1}, address: 10.77.0.${11 + i}}`).join('\n')}\n` +
			(agents > 0 ? `agents:\n${Array.from({length: agents}, (_, i) => `  - {name: a${i + 1}, address: 10.77.0.${21 + i}}`).join('\n')}\n` : '') +
			extra,
		'c.yaml',
	);
const node = (c: Cluster, name: string) => c.nodes.find(n => n.name === name) ?? (() => {
	throw new Error(name);
})();

describe('what every node gets from the machine list', () => {
	it('3 masters and 2 agents: myid by position, a server line per master, quorum 2, zk:// URLs of every master', () => {
		const c = cluster(3, 2, 'settings: {slave.containerizers: "docker,mesos"}\n');
		expect(nodeAnswers(c, node(c, 'm2'))).toEqual({
			'slave.containerizers': 'docker,mesos',
			'node.role': 'master',
			'zookeeper.myid': '2',
			'zookeeper.servers': '1=10.77.0.11:2888:3888,2=10.77.0.12:2888:3888,3=10.77.0.13:2888:3888',
			'master.quorum': '2',
			'mesos.zk': 'zk://10.77.0.11:2181,10.77.0.12:2181,10.77.0.13:2181/mesos',
			'master.zk': 'zk://10.77.0.11:2181,10.77.0.12:2181,10.77.0.13:2181/mesos',
			'slave.master': 'zk://10.77.0.11:2181,10.77.0.12:2181,10.77.0.13:2181/mesos',
			'marathon.master': 'zk://10.77.0.11:2181,10.77.0.12:2181,10.77.0.13:2181/mesos',
			'marathon.zk': 'zk://10.77.0.11:2181,10.77.0.12:2181,10.77.0.13:2181/marathon',
			'master.ip': '10.77.0.12',
			'master.hostname': '10.77.0.12',
			'marathon.hostname': '10.77.0.12',
		});
		const agent = nodeAnswers(c, node(c, 'a2'));
		expect(agent['node.role']).toBe('agent');
		expect(agent['slave.ip']).toBe('10.77.0.22');
		expect(agent['slave.hostname']).toBe('10.77.0.22');
		expect(agent['zookeeper.myid']).toBeUndefined();
		expect(agent['marathon.hostname']).toBeUndefined();
		expect(agent['master.ip']).toBeUndefined();
		expect(agent['slave.master']).toBe('zk://10.77.0.11:2181,10.77.0.12:2181,10.77.0.13:2181/mesos');
	});

	it('masters run ZooKeeper, the Mesos master and Marathon; agents the agent; master+agent all four', () => {
		const c = parseClusterFile('masters:\n  - {name: m1, address: 10.0.0.11, role: master+agent}\n  - {name: m2, address: 10.0.0.12}\n  - {name: m3, address: 10.0.0.13}\nagents:\n  - {name: a1, address: 10.0.0.21}\n', 'c');
		expect(deriveNode(c, node(c, 'm1')).services).toEqual(['zookeeper', 'mesos-master', 'mesos-slave', 'marathon']);
		expect(deriveNode(c, node(c, 'm2')).services).toEqual(['zookeeper', 'mesos-master', 'marathon']);
		expect(deriveNode(c, node(c, 'a1')).services).toEqual(['mesos-slave']);
		const both = nodeAnswers(c, node(c, 'm1'));
		expect([both['zookeeper.myid'], both['slave.ip'], both['marathon.hostname']]).toEqual(['1', '10.0.0.11', '10.0.0.11']);
	});

	it.each([
		[1, 1],
		[3, 2],
		[5, 3],
		[7, 4],
	])('%i masters: quorum %i, and every node’s values pass the one-machine consistency rules', (masters, quorum) => {
		const c = cluster(masters, 2);
		for (const each of c.nodes) {
			const derived = deriveNode(c, each);
			expect(derived.quorum).toBe(quorum);
			expect(derived.servers.map(s => s.id)).toEqual(Array.from({length: masters}, (_, i) => i + 1));
			expect(consistencyProblems(resolveValues(nodeAnswers(c, each)))).toEqual([]);
		}
		expect(c.nodes.filter(n => n.role === 'master').map(n => deriveNode(c, n).myid)).toEqual(Array.from({length: masters}, (_, i) => i + 1));
	});
});
