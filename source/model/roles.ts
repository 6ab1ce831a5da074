// What a machine runs: the one notion of a role, for one machine (`node.role`) and for every node
// of a cluster (the cluster file's role is that setting, per node). Pure.
import {type ServiceName, startOrder} from './services.js';

// master+agent is the article's laptop: every service on one machine.
export const nodeRoles = ['master+agent', 'master', 'agent'] as const;
export type NodeRole = (typeof nodeRoles)[number];

export const isNodeRole = (raw: string): raw is NodeRole => (nodeRoles as readonly string[]).includes(raw);

export const runsMaster = (role: NodeRole): boolean => role !== 'agent';
export const runsAgent = (role: NodeRole): boolean => role !== 'master';

// The services a role runs, in start order: a master runs ZooKeeper, the Mesos master and
// Marathon; an agent the Mesos agent only. Chronos is installed and kept manual, as in the article.
export function roleServices(role: NodeRole): ServiceName[] {
	const wanted = new Set<ServiceName>([...(runsMaster(role) ? (['zookeeper', 'mesos-master', 'marathon'] as const) : []), ...(runsAgent(role) ? (['mesos-slave'] as const) : [])]);
	return startOrder.filter(service => wanted.has(service));
}

// The role a setting's value names; the validator lets no other value into the values.
export const roleOf = (value: string): NodeRole => (isNodeRole(value) ? value : 'master+agent');
