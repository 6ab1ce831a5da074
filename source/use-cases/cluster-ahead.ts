// What each node of a deploy is asked before the first stage, started as soon as that node is
// reached rather than once every node is: its plan, predicted from its package source as it reads
// it; what stands where its files go; and the checks its preflight will run (NodeChecks.lookAhead).
// All of it only reads. The deploy takes the answers in the order it always said them, after every
// node is reached and locked (a busy node still refuses the run before a plan is said), and no node
// changes anything before every node passed the preflight. Five nodes waited at each step for the
// slowest before this (issue 12), while one node never waits.
import type {Cluster} from '../model/cluster.js';
import type {NodePlan} from '../model/cluster-plan.js';
import type {NodeSystem} from '../system/node-system.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import {predictedNodePlan} from './cluster-layout.js';

// `targets`: refuseUnwritableTargets' answer, awaited where the deploy checks the targets.
export type NodeAhead = {plan: NodePlan; targets: Promise<void>};

export type ReadAhead = {
	// Starts the node's reading (once).
	start(system: NodeSystem): void;
	// The node's reading, started now if it was not.
	of(system: NodeSystem): Promise<NodeAhead>;
};

export function readAhead(cluster: Cluster, signal?: AbortSignal): ReadAhead {
	const started = new Map<string, Promise<NodeAhead>>();
	const start = (system: NodeSystem): void => {
		const node = cluster.nodes.find(candidate => candidate.name === system.node);
		if (!node || started.has(system.node)) return;
		const reading = (async (): Promise<NodeAhead> => {
			const plan = await predictedNodePlan(cluster, node, system, signal);
			// The targets first: the first stage waits for them, its checks come after.
			const targets = refuseUnwritableTargets(system.fs, plan.plan);
			targets.catch(() => undefined);
			system.checks.lookAhead?.(plan.plan.steps.filter(step => step.id === 'preflight').flatMap(step => step.actions.flatMap(action => (action.kind === 'check' ? [action.check] : []))));
			return {plan, targets};
		})();
		// Taken by the deploy, or dropped when it ends first (another node unreachable, or busy).
		reading.catch(() => undefined);
		started.set(system.node, reading);
	};
	return {
		start,
		of(system) {
			start(system);
			return started.get(system.node) as Promise<NodeAhead>;
		},
	};
}
