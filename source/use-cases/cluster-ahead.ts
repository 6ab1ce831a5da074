// What each node of a deploy is asked before the first stage, all of it started at once as soon as
// every node is reached and locked (the lock first, so no other run changes a node under its
// reading): its plan, predicted from its package source as it reads it; what stands where its files
// go; and the checks its preflight will run (NodeChecks.lookAhead). All of it only reads. The deploy
// takes the answers in the order it always said them, and no node changes anything before every
// node passed the preflight. Each step waited for the slowest node before this (issue 12).
// An answer is taken while it is fresh (within 5 s, as the checks' own): what stands at a target is
// asked again after a question a person may have left open for minutes.
import type {Cluster} from '../model/cluster.js';
import type {NodePlan} from '../model/cluster-plan.js';
import type {NodeSystem} from '../system/node-system.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import {predictedNodePlan} from './cluster-layout.js';

// `targets()`: refuseUnwritableTargets' answer, asked again if it is older than aheadMs.
export type NodeAhead = {plan: NodePlan; targets(): Promise<void>};

const aheadMs = 5_000;

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
			let answeredAt: number | undefined;
			const early = refuseUnwritableTargets(system.fs, plan.plan).finally(() => {
				answeredAt = performance.now();
			});
			early.catch(() => undefined);
			const targets = async (): Promise<void> => (answeredAt === undefined || performance.now() - answeredAt <= aheadMs ? early : refuseUnwritableTargets(system.fs, plan.plan));
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
