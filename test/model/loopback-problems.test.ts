// Review 3, #12: an agent-only machine kept the loopback defaults for its master and its address,
// with no word. They are refused as a rule across settings, as the quorum is; master+agent keeps them.
import {describe, expect, it} from 'vitest';
import {consistencyProblems, resolveValues} from '../../source/model/answers.js';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import {nodeValues} from '../../source/model/cluster-values.js';
import {isLoopbackHost, loopbackProblems} from '../../source/model/loopback-problems.js';
import {labelOf} from '../../source/model/wizard-problems.js';
import {agentAnswers} from '../helpers/agent-answers.js';

const problemsOf = (answers: Record<string, string>) => loopbackProblems(resolveValues(answers));
const textsOf = (answers: Record<string, string>) => problemsOf(answers).map(problem => problem.text);

describe('loopback where other machines must reach this one', () => {
	it('leaves the one-machine master+agent, the article’s laptop, as it is', () => {
		expect(consistencyProblems(resolveValues({}))).toEqual([]);
		expect(problemsOf({'node.role': 'master+agent', 'master.ip': '127.0.0.1', 'slave.hostname': 'localhost'})).toEqual([]);
	});

	it('refuses an agent’s defaults: the ZooKeeper URL its master follows, its address and its name, each saying how to mend it', () => {
		expect(problemsOf({'node.role': 'agent'})).toEqual([
			{
				settings: ['mesos.zk', 'slave.master', 'node.role'],
				text: 'mesos.zk: "zk://127.0.0.1:2181/mesos" names only this machine, but this machine’s role is agent: it runs no ZooKeeper and no master, they are on other machines; set mesos.zk to the masters’ ZooKeeper, such as zk://MASTER:2181/mesos, MASTER being a master’s address (zk://M1:2181,M2:2181,M3:2181/mesos for three); slave.master follows it.',
			},
			{
				settings: ['slave.ip', 'node.role'],
				text: 'slave.ip: "127.0.0.1" is this machine only to itself, but this machine’s role is agent: its masters are on other machines and reach the agent at this address; set slave.ip to this machine’s address on the cluster’s network, such as 10.0.0.21.',
			},
			{
				settings: ['slave.hostname', 'node.role'],
				text: 'slave.hostname: "127.0.0.1" is this machine only to itself, but this machine’s role is agent: the masters and frameworks on other machines reach the agent by this name (its tasks’ addresses, the links to its sandboxes); set slave.hostname to this machine’s address on the cluster’s network, such as 10.0.0.21.',
			},
		]);
		// The same rule is among the ones every path checks (setup --yes, plan, edit, the wizard).
		expect(consistencyProblems(resolveValues({'node.role': 'agent'}))).toEqual(problemsOf({'node.role': 'agent'}));
	});

	it('accepts an agent that names its masters and its own address', () => {
		expect(problemsOf(agentAnswers)).toEqual([]);
		// One master on loopback among others is still an ensemble the agent can reach.
		expect(problemsOf({...agentAnswers, 'mesos.zk': 'zk://127.0.0.1:2181,10.0.0.12:2181/mesos'})).toEqual([]);
		expect(problemsOf({...agentAnswers, 'slave.hostname': 'agent1.example.org'})).toEqual([]);
	});

	it('names the agent’s master alone where it was set apart from the Mesos ZooKeeper URL, and the URL alone where the master was', () => {
		expect(problemsOf({...agentAnswers, 'slave.master': 'zk://localhost:2181/mesos'})).toEqual([
			{settings: ['slave.master', 'node.role'], text: expect.stringMatching(/^slave\.master: "zk:\/\/localhost:2181\/mesos" names only this machine, .*; set slave\.master to the masters’ ZooKeeper, such as zk:\/\/MASTER:2181\/mesos, .*\.$/)},
		]);
		expect(problemsOf({...agentAnswers, 'mesos.zk': 'zk://127.0.0.1:2181/mesos', 'slave.master': 'zk://10.0.0.11:2181/mesos'}).map(problem => problem.settings)).toEqual([['mesos.zk', 'node.role']]);
	});

	it('takes every name loopback has for loopback', () => {
		for (const host of ['127.0.0.1', '127.0.1.1', '127.255.0.9', 'localhost', 'LOCALHOST', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback', 'agent.localhost']) expect(isLoopbackHost(host), host).toBe(true);
		for (const host of ['10.0.0.21', '128.0.0.1', 'node1', 'localhost1', 'mylocalhost', '0.0.0.0']) expect(isLoopbackHost(host), host).toBe(false);
		expect(textsOf({...agentAnswers, 'slave.ip': '127.0.1.1'})).toEqual([expect.stringMatching(/^slave\.ip: "127\.0\.1\.1" is this machine only to itself/)]);
	});

	it('refuses a master alone on a loopback address or name it advertises, and takes its ZooKeeper on loopback: it runs one', () => {
		expect(problemsOf({'node.role': 'master'})).toEqual([]);
		expect(problemsOf({'node.role': 'master', 'master.ip': '127.0.0.1', 'master.hostname': 'localhost'})).toEqual([
			{
				settings: ['master.ip', 'node.role'],
				text: 'master.ip: "127.0.0.1" is this machine only to itself, but this machine’s role is master: its agents are on other machines and reach the master at this address; set master.ip to this machine’s address on the cluster’s network, such as 10.0.0.11, or leave it empty (the master picks its own).',
			},
			{settings: ['master.hostname', 'node.role'], text: expect.stringMatching(/^master\.hostname: "localhost" is this machine only to itself, .* or leave it empty \(the master picks its own\)\.$/)},
		]);
	});

	it('names the settings by their labels in the wizard', () => {
		const [first] = consistencyProblems(resolveValues({'node.role': 'agent'}), labelOf);
		expect(first?.text).toMatch(/^Mesos ZooKeeper URL: "zk:\/\/127\.0\.0\.1:2181\/mesos" names only this machine, .*; set Mesos ZooKeeper URL to the masters’ ZooKeeper, .*; Agent’s master follows it\.$/);
	});

	it('does not refuse a cluster’s agents: the machine list gives them the masters’ addresses and their own', () => {
		const cluster = parseClusterFile('masters:\n  - {name: m1, address: 10.77.0.11}\nagents:\n  - {name: a1, address: 10.77.0.21}\n  - {name: a2, address: 10.77.0.22}\n', 'c.yaml');
		for (const node of cluster.nodes) expect(() => nodeValues(cluster, node), node.name).not.toThrow();
		const master = parseClusterFile('masters:\n  - {name: m1, address: 10.77.0.11, role: master}\nagents:\n  - {name: a1, address: 10.77.0.21}\n', 'c.yaml');
		for (const node of master.nodes) expect(() => nodeValues(master, node), node.name).not.toThrow();
	});
});
