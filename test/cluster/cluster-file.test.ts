import {describe, expect, it} from 'vitest';
import {clusterFileText, parseClusterFile} from '../../source/model/cluster-file.js';
import {InputError} from '../../source/model/errors.js';
import {issueClusterFile} from '../fixtures/issue-cluster-file.js';

const problems = (text: string): string[] => {
	try {
		parseClusterFile(text, 'c.yaml');
	} catch (error) {
		if (error instanceof InputError) return error.problems;
		throw error;
	}
	throw new Error('the file was accepted');
};

const masters = (n: number) => Array.from({length: n}, (_, i) => `  - {name: m${i + 1}, address: 10.0.0.${11 + i}}`).join('\n');
const agents = '\nagents:\n  - {name: a1, address: 10.0.0.21}\n';

describe('the cluster file', () => {
	it('reads the issue’s example: masters first in their order, then the agents, ssh and settings', () => {
		const cluster = parseClusterFile(
			issueClusterFile('ssh: {user: admin, port: 22, identity: ~/.ssh/id_ed25519}   # optional; ~/.ssh/config applies', 'settings: {slave.containerizers: mesos}                      # answers for every node'),
			'c.yaml',
		);
		expect(cluster.nodes).toEqual([
			{name: 'm1', address: '10.77.0.11', role: 'master'},
			{name: 'm2', address: '10.77.0.12', role: 'master'},
			{name: 'm3', address: '10.77.0.13', role: 'master'},
			{name: 'a1', address: '10.77.0.21', role: 'agent'},
			{name: 'a2', address: '10.77.0.22', role: 'agent'},
		]);
		expect(cluster.ssh).toEqual({user: 'admin', port: 22, identity: '~/.ssh/id_ed25519'});
		expect({...cluster.settings}).toEqual({'slave.containerizers': 'mesos'});
	});

	it('reads the same as JSON, and a master that is also an agent (then no agents are needed)', () => {
		const cluster = parseClusterFile('{"masters": [{"name": "laptop", "address": "192.168.1.5", "role": "master+agent"}], "settings": {"slave": {"containerizers": "docker,mesos"}}}', 'c.json');
		expect(cluster.nodes).toEqual([{name: 'laptop', address: '192.168.1.5', role: 'master+agent'}]);
		expect({...cluster.settings}).toEqual({'slave.containerizers': 'docker,mesos'});
		expect(cluster.ssh).toEqual({});
	});

	it.each([
		[2, /masters: 2 are listed; use an odd number \(1, 3, 5, 7\): an even ensemble survives no more failures than one node fewer \(2 masters need 2 to agree and so survive 0 failures, as 1 does\)/],
		[4, /masters: 4 are listed; use an odd number .*4 masters need 3 to agree and so survive 1 failure, as 3 do/],
		[9, /masters: 9 are listed; use at most 7: every ZooKeeper write waits for a majority of them/],
		[0, /masters: none are listed; list 1, 3, 5 or 7 machines/],
	])('refuses %i masters, saying why', (count, message) => {
		expect(problems(`masters:\n${masters(count)}${agents}`).join('\n')).toMatch(message);
	});

	it('refuses a cluster without an agent', () => {
		expect(problems(`masters:\n${masters(3)}\n`)).toEqual([
			'c.yaml: agents: none are listed, so no machine would run tasks; list at least one under agents, or give a master role: master+agent.',
		]);
	});

	it('refuses a name or an address given twice, and points a master that is also an agent to its role', () => {
		const found = problems(`masters:\n  - {name: m1, address: 10.0.0.11}\nagents:\n  - {name: m1, address: 10.0.0.21}\n  - {name: a2, address: 10.0.0.11}\n`);
		expect(found).toEqual([
			'c.yaml: the name "m1" is given to 2 machines; every machine needs its own name.',
			'c.yaml: the address "10.0.0.11" is given to 2 machines; every machine needs its own address (a machine that is master and agent is listed once, under masters, with role: master+agent).',
		]);
	});

	it('names settings that do not hold together once, as the file’s settings.ID, not on one of the nodes', () => {
		expect(problems(`masters:\n${masters(3)}${agents}settings: {repo.source: folder}\n`)).toEqual([
			'c.yaml: settings.repo.folder: a folder source needs the folder of .deb files (an absolute path, such as /srv/mesos-debs); set it, or choose another settings.repo.source.',
		]);
	});

	it('refuses two names that differ only in case, naming both entries (one folder under --root, one log)', () => {
		const found = problems(`masters:\n  - {name: m1, address: 10.0.0.11}\nagents:\n  - {name: a1, address: 10.0.0.21}\n  - {name: M1, address: 10.0.0.22}\n`);
		expect(found).toEqual([
			'c.yaml: the names "m1" (masters[0]) and "M1" (agents[1]) differ only in case, and name one machine: a name is its folder under --root DIR and the name of its log, where case may not count; give every machine its own name.',
		]);
	});

	it.each([
		['zookeeper.myid', '2', /settings\.zookeeper\.myid: "2" is not allowed; it must differ from node to node, and is derived from the machine list \(each master’s position/],
		['slave.ip', '10.0.0.5', /settings\.slave\.ip: "10.0.0.5" is not allowed; it must differ from node to node, and is derived/],
		['slave.hostname', 'a1', /settings\.slave\.hostname: "a1" is not allowed; it must differ/],
		['marathon.hostname', 'm1', /settings\.marathon\.hostname: "m1" is not allowed; it must differ/],
		['master.quorum', '2', /settings\.master\.quorum: "2" is not allowed; it is derived from the machine list \(a majority of the masters/],
		['zookeeper.servers', '1=10.0.0.11:2888:3888', /settings\.zookeeper\.servers: .* is derived from the machine list/],
		['mesos.zk', 'zk://10.0.0.11:2181/mesos', /settings\.mesos\.zk: .* is derived from the machine list/],
	])('refuses %s under settings: the machine list decides it', (id, value, message) => {
		expect(problems(`masters:\n${masters(1)}${agents}settings: {${id}: "${value}"}\n`).join('\n')).toMatch(message);
	});

	it('checks every setting under settings as the catalogue does, naming it, the value and what is allowed', () => {
		expect(problems(`masters:\n${masters(1)}${agents}settings:\n  slave.containerizers: lxc\n  nope.nothing: 1\n  slave.ip: 10.0.0.1\n  slave:\n    containerizers: mesos\n`)).toEqual([
			expect.stringMatching(/^c\.yaml: settings: unknown setting "nope\.nothing": known settings are /),
			'c.yaml: settings: "slave.containerizers" is given more than once; give each setting once.',
			'c.yaml: settings.slave.ip: "10.0.0.1" is not allowed; it must differ from node to node, and is derived from the machine list (each agent’s address): leave it out.',
			'c.yaml: settings: slave.containerizers: "lxc" is not allowed; use mesos, docker,mesos or docker (a comma-separated list of mesos and docker).',
		]);
	});

	it.each([
		['an address that is not IPv4', 'masters:\n  - {name: m1, address: db.example.com}\n', /masters\[0\]\.address: "db\.example\.com" is not allowed; use the machine’s IPv4 address/],
		['a loopback address', 'masters:\n  - {name: m1, address: 127.0.0.1}\n', /masters\[0\]\.address: "127\.0\.0\.1" is not allowed; use an address the other machines reach/],
		['a name with a slash', 'masters:\n  - {name: ../m1, address: 10.0.0.11}\n', /masters\[0\]\.name: "\.\.\/m1" is not allowed; use letters, digits and hyphens/],
		['a missing address', 'masters:\n  - {name: m1}\n', /masters\[0\]\.address is missing; give its IPv4 address/],
		['an unknown key in a machine', 'masters:\n  - {name: m1, address: 10.0.0.11, ip: 10.0.0.11}\n', /masters\[0\]\.ip is not a key the cluster file knows; masters\[0\] may have name, address, role/],
		['an unknown key at the top', 'master:\n  - {name: m1, address: 10.0.0.11}\n', /master is not a key the cluster file knows; the file may have masters, agents, ssh, settings/],
		['an agent that says master+agent', `masters:\n${masters(1)}\nagents:\n  - {name: a1, address: 10.0.0.21, role: master+agent}\n`, /agents\[0\]\.role: "master\+agent" is not allowed; under agents use agent \(a machine that is both is listed under masters with role: master\+agent\)/],
		['a role that does not exist', 'masters:\n  - {name: m1, address: 10.0.0.11, role: boss}\n', /masters\[0\]\.role: "boss" is not allowed; under masters use master or master\+agent/],
		['masters as a mapping', 'masters: {m1: 10.0.0.11}\n', /masters: a mapping is not allowed; give a list of machines/],
		['an ssh port out of range', `masters:\n${masters(1)}${agents}ssh: {port: 70000}\n`, /ssh\.port: "70000" is not allowed; use a port number from 1 to 65535/],
		['an ssh user with a space', `masters:\n${masters(1)}${agents}ssh: {user: "ad min"}\n`, /ssh\.user: "ad min" is not allowed/],
		['an identity that reads as an option', `masters:\n${masters(1)}${agents}ssh: {identity: -oProxyCommand=x}\n`, /ssh\.identity: "-oProxyCommand=x" is not allowed; give the path of a private key/],
		['a list', '- m1\n', /c\.yaml must hold a mapping with masters, agents, ssh and settings, such as:\nmasters:/],
		['empty', '', /c\.yaml must hold a mapping with masters/],
		['a key twice', 'masters: []\nmasters: []\n', /c\.yaml: masters is given more than once; give it once\./],
	])('refuses %s, naming the place in the file', (_name, text, message) => {
		expect(problems(text).join('\n')).toMatch(message);
	});

	it('names every problem at once, so one edit fixes the file', () => {
		expect(problems('masters:\n  - {name: m1, address: 10.0.0.300}\n  - {name: m 2, address: 10.0.0.12}\nssh: {port: x}\n')).toHaveLength(3);
	});
});

describe('the cluster file written back', () => {
	it('reads back as the same cluster, roles, ssh and settings included, values YAML would misread quoted', () => {
		const cluster = parseClusterFile(
			'masters:\n  - {name: m1, address: 10.0.0.11, role: master+agent}\n  - {name: m2, address: 10.0.0.12}\n  - {name: "007", address: 10.0.0.13}\nagents:\n  - {name: a1, address: 10.0.0.21}\nssh: {user: admin, port: 2222, identity: "~/.ssh/id ed25519"}\nsettings:\n  slave.containerizers: "docker,mesos"\n  repo.key: "0123456789012345678901234567890123456789"\n  mesos.ulimit: "-n 8192"\n',
			'c.yaml',
		);
		const text = clusterFileText(cluster);
		expect(text).toContain('  - {name: m1, address: 10.0.0.11, role: master+agent}\n  - {name: m2, address: 10.0.0.12}\n');
		const again = parseClusterFile(text, 'again.yaml');
		expect(again).toEqual(cluster);
		expect({...again.settings}).toEqual({'slave.containerizers': 'docker,mesos', 'repo.key': '0123456789012345678901234567890123456789', 'mesos.ulimit': '-n 8192'});
	});
});
