// Several machines: what a cluster file describes, once read and checked (cluster-file.ts). Pure.
import type {Answers} from './answers.js';
import {type ServiceName, startOrder} from './services.js';

// master+agent is the article's laptop: every service on one machine.
export const nodeRoles = ['master+agent', 'master', 'agent'] as const;
export type NodeRole = (typeof nodeRoles)[number];

export type ClusterNode = {
	// A label for a person: the prefix of its output lines, its folder under --root DIR.
	name: string;
	// Where this machine connects to it over SSH, and where the other nodes and the probes reach it.
	address: string;
	role: NodeRole;
};

// How to reach every node; anything not given comes from ssh's own configuration (~/.ssh/config).
export type SshAccess = {user?: string; port?: number; identity?: string};

export type Cluster = {
	// The masters first, in the order the file lists them (a master's position is its ZooKeeper id),
	// then the agents.
	nodes: ClusterNode[];
	ssh: SshAccess;
	// Answers for every node; never one that is derived from the machine list.
	settings: Answers;
};

export const runsMaster = (role: NodeRole): boolean => role !== 'agent';
export const runsAgent = (role: NodeRole): boolean => role !== 'master';

export const mastersOf = (cluster: Cluster): ClusterNode[] => cluster.nodes.filter(node => runsMaster(node.role));
export const agentsOf = (cluster: Cluster): ClusterNode[] => cluster.nodes.filter(node => runsAgent(node.role));

// The services a role runs, in start order: a master runs the ZooKeeper ensemble, the Mesos master
// and Marathon; an agent the Mesos agent only. Chronos is installed and kept manual, as on one machine.
export function roleServices(role: NodeRole): ServiceName[] {
	const wanted = new Set<ServiceName>([...(runsMaster(role) ? (['zookeeper', 'mesos-master', 'marathon'] as const) : []), ...(runsAgent(role) ? (['mesos-slave'] as const) : [])]);
	return startOrder.filter(service => wanted.has(service));
}

// The sizes an ensemble may have: an even one survives no more failures than one node fewer, and
// every write waits for a majority, so more than 7 only slows the cluster down.
export const maxMasters = 7;
export const allowedMasterCounts = [1, 3, 5, 7] as const;

export const quorumOf = (masters: number): number => Math.floor(masters / 2) + 1;
