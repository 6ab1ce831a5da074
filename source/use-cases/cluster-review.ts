// What the cluster screens show before and after a deploy: every node's changes (its plan against
// what its files hold now: under --root DIR its sandbox DIR/NAME, over SSH the article's machine,
// every file new, as cluster plan assumes), and the cluster's status per node, read over the network
// (Docker's on the nodes that use it, over SSH).
import {nodeChanges, type NodeChanges} from '../model/cluster-changes.js';
import {type ClusterHealth, type ClusterReadings, judgeCluster} from '../model/cluster-health.js';
import {nodeStatuses, type NodeStatus} from '../model/cluster-node-status.js';
import type {Cluster} from '../model/cluster.js';
import {createProbes, type Probes} from '../system/probes.js';
import {planCluster} from './cluster.js';
import {type DockerAsker, dockerAsker, readClusterAndDocker} from './cluster-docker.js';

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
export async function lookAtCluster(cluster: Cluster, probes: Probes = createProbes(), docker?: DockerAsker): Promise<ClusterLook> {
	const readings = await readClusterAndDocker(probes, cluster, docker);
	const health = judgeCluster(readings);
	return {readings, health, nodes: nodeStatuses(cluster, readings, health)};
}

// The live status screen's looks, one after another: the SSH sessions Docker is asked through stay
// open between them, and close() ends them when the screen is left.
export type ClusterWatch = {take(): Promise<ClusterLook>; close(): Promise<void>};

export function watchCluster(cluster: Cluster, options: {probes?: Probes; sandbox: boolean}): ClusterWatch {
	const docker = dockerAsker(cluster, {sandbox: options.sandbox});
	const probes = options.probes ?? createProbes();
	return {take: async () => lookAtCluster(cluster, probes, docker), close: async () => docker.close()};
}
