// Several machines: what a cluster file describes, once read and checked (cluster-file.ts). Pure.
import type {Answers} from './answers.js';
import {type NodeRole, runsAgent, runsMaster} from './roles.js';

export {nodeRoles, roleServices, runsAgent, runsMaster, type NodeRole} from './roles.js';

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

// Two names for one machine when they differ only in case: a name is a folder under --root DIR (one
// folder on a case-insensitive file system), the name of its log, and an RFC 1123 label, which
// ignores case.
export const nameKey = (name: string): string => name.toLowerCase();

export const mastersOf = (cluster: Cluster): ClusterNode[] => cluster.nodes.filter(node => runsMaster(node.role));
export const agentsOf = (cluster: Cluster): ClusterNode[] => cluster.nodes.filter(node => runsAgent(node.role));

// The sizes an ensemble may have: an even one survives no more failures than one node fewer, and
// every write waits for a majority, so more than 7 only slows the cluster down.
export const maxMasters = 7;
export const allowedMasterCounts = [1, 3, 5, 7] as const;

export const quorumOf = (masters: number): number => Math.floor(masters / 2) + 1;
