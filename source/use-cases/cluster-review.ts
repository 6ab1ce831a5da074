// What the cluster screens show before and after a deploy: every node's changes (its plan against
// what its files hold now: under --root DIR its sandbox DIR/NAME, over SSH the article's machine,
// every file new, as cluster plan assumes), and the cluster's status per node, read over the network.
import {nodeChanges, type NodeChanges} from '../model/cluster-changes.js';
import {type ClusterHealth, type ClusterReadings, judgeCluster} from '../model/cluster-health.js';
import {nodeStatuses, type NodeStatus} from '../model/cluster-node-status.js';
import type {Cluster} from '../model/cluster.js';
import {readCluster} from '../system/cluster-readings.js';
import {createProbes, type Probes} from '../system/probes.js';
import {planCluster} from './cluster.js';

export async function reviewCluster(cluster: Cluster, options: {root?: string} = {}): Promise<NodeChanges[]> {
	const plans = await planCluster(cluster, options);
	return Promise.all(
		plans.map(async plan => {
			const paths = [...new Set(plan.plan.steps.flatMap(step => step.actions.flatMap(action => (action.kind === 'file' ? [action.path] : []))))];
			const before = new Map(await Promise.all(paths.map(async path => [path, await plan.read(path)] as const)));
			return nodeChanges(plan, before);
		}),
	);
}

export type ClusterLook = {readings: ClusterReadings; health: ClusterHealth; nodes: NodeStatus[]};

// One look at the cluster, the same readings and judgement as cluster status --once, with each
// node's services besides.
export async function lookAtCluster(cluster: Cluster, probes: Probes = createProbes()): Promise<ClusterLook> {
	const readings = await readCluster(probes, cluster);
	const health = judgeCluster(readings);
	return {readings, health, nodes: nodeStatuses(cluster, readings, health)};
}
