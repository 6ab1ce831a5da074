// What every node of a cluster gets that a person never types: its ZooKeeper id, the server lines,
// the quorum, the zk:// URLs listing every master, and the address it advertises. Typed by hand,
// these are the mistakes that make a master restart in a loop (a quorum above a majority) or an
// ensemble never form (a myid not among the server lines). Pure.
import type {Answers} from './answers.js';
import {type Cluster, type ClusterNode, mastersOf, quorumOf, roleServices, runsAgent, runsMaster} from './cluster.js';
import type {ServiceName} from './services.js';
import type {SettingId} from './settings.js';
import {formatServers, type ZkServer} from './validate.js';

// ZooKeeper's ports, as Debian's sample zoo.cfg and the article use them.
export const zookeeperPorts = {client: 2181, peer: 2888, election: 3888} as const;

export type NodeDerivation = {
	node: ClusterNode;
	// Its position among the masters (1-based), for a master; ZooKeeper finds its own line by it.
	myid?: number;
	servers: ZkServer[];
	quorum: number;
	mesosZk: string;
	marathonZk: string;
	// What the node tells the others to reach it by: its address, for its ip and its host name.
	advertised: {ip: string; hostname: string};
	services: ServiceName[];
};

export const zkUrlOf = (masters: readonly ClusterNode[], path: string): string =>
	`zk://${masters.map(master => `${master.address}:${zookeeperPorts.client}`).join(',')}${path}`;

export function deriveNode(cluster: Cluster, node: ClusterNode): NodeDerivation {
	const masters = mastersOf(cluster);
	const position = masters.findIndex(master => master.name === node.name);
	return {
		node,
		...(position >= 0 ? {myid: position + 1} : {}),
		servers: masters.map((master, index) => ({id: index + 1, host: master.address, peerPort: zookeeperPorts.peer, electionPort: zookeeperPorts.election})),
		quorum: quorumOf(masters.length),
		mesosZk: zkUrlOf(masters, '/mesos'),
		marathonZk: zkUrlOf(masters, '/marathon'),
		advertised: {ip: node.address, hostname: node.address},
		services: roleServices(node.role),
	};
}

// Every setting the machine list decides, how, and whether it differs from node to node. The one
// table: the answers a node gets and the settings a cluster file may not give are both read from it.
export type DerivedSetting = {
	id: SettingId;
	perNode: boolean;
	how: string;
	value(derived: NodeDerivation): string | undefined;
};

export const derivedSettings: readonly DerivedSetting[] = [
	{id: 'node.role', perNode: true, how: 'each node’s role in the machine list (masters, agents, or role: master+agent)', value: d => d.node.role},
	{id: 'zookeeper.myid', perNode: true, how: 'each master’s position in the list of masters (1 for the first)', value: d => (d.myid === undefined ? undefined : String(d.myid))},
	{id: 'zookeeper.servers', perNode: false, how: 'one N=address:2888:3888 per master, N being its position', value: d => formatServers(d.servers)},
	{id: 'master.quorum', perNode: false, how: 'a majority of the masters (floor(masters/2)+1)', value: d => String(d.quorum)},
	{id: 'mesos.zk', perNode: false, how: 'zk:// with every master’s address:2181, then /mesos', value: d => d.mesosZk},
	{id: 'master.zk', perNode: false, how: 'the same zk:// URL as mesos.zk', value: d => d.mesosZk},
	{id: 'slave.master', perNode: false, how: 'the same zk:// URL as mesos.zk', value: d => d.mesosZk},
	{id: 'marathon.master', perNode: false, how: 'the same zk:// URL as mesos.zk', value: d => d.mesosZk},
	{id: 'marathon.zk', perNode: false, how: 'zk:// with every master’s address:2181, then /marathon', value: d => d.marathonZk},
	{id: 'slave.ip', perNode: true, how: 'each agent’s address', value: d => (runsAgent(d.node.role) ? d.advertised.ip : undefined)},
	{id: 'slave.hostname', perNode: true, how: 'each agent’s address', value: d => (runsAgent(d.node.role) ? d.advertised.hostname : undefined)},
	{id: 'master.ip', perNode: true, how: 'each master’s address', value: d => (runsMaster(d.node.role) ? d.advertised.ip : undefined)},
	{id: 'master.hostname', perNode: true, how: 'each master’s address', value: d => (runsMaster(d.node.role) ? d.advertised.hostname : undefined)},
	{id: 'marathon.hostname', perNode: true, how: 'each master’s address', value: d => (runsMaster(d.node.role) ? d.advertised.hostname : undefined)},
];

export const findDerivedSetting = (id: SettingId): DerivedSetting | undefined => derivedSettings.find(setting => setting.id === id);

// The answers a node starts from: the cluster's shared settings, then what its place in the
// cluster decides (those always win; the cluster file cannot give them).
export function nodeAnswers(cluster: Cluster, node: ClusterNode): Answers {
	const derived = deriveNode(cluster, node);
	const answers: Answers = {...cluster.settings};
	for (const setting of derivedSettings) {
		const value = setting.value(derived);
		if (value !== undefined) answers[setting.id] = value;
	}
	return answers;
}
