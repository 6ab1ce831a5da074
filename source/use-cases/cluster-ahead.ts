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
import {checksOf} from '../model/plan.js';
import type {NodeSystem} from '../system/node-system.js';
import {monotonicMs} from '../system/monotonic-clock.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import {predictedNodePlan} from './cluster-layout.js';

// `targets()`: refuseUnwritableTargets' answer, asked again if it is older than aheadMs.
export type NodeAhead = {plan: NodePlan; targets(): Promise<void>};

const aheadMs = 5_000;

// The node's reading, started at once; its rejection is taken where it is awaited (or dropped with
// the deploy when it ends first).
export function readAhead(cluster: Cluster, system: NodeSystem, signal?: AbortSignal): Promise<NodeAhead> {
	const reading = (async (): Promise<NodeAhead> => {
		const node = cluster.nodes.find(candidate => candidate.name === system.node);
		if (!node) throw new Error(`${system.node} is not a node of the cluster file`);
		const plan = await predictedNodePlan(cluster, node, system, signal);
		// The targets first: the first stage waits for them, its checks come after.
		let answeredAt: number | undefined;
		const early = refuseUnwritableTargets(system.fs, plan.plan).finally(() => {
			answeredAt = monotonicMs();
		});
		early.catch(() => undefined);
		const targets = async (): Promise<void> => (answeredAt === undefined || monotonicMs() - answeredAt <= aheadMs ? early : refuseUnwritableTargets(system.fs, plan.plan));
		const preflight = plan.plan.steps.find(step => step.id === 'preflight');
		if (preflight) system.checks.lookAhead?.(checksOf(preflight));
		return {plan, targets};
	})();
	reading.catch(() => undefined);
	return reading;
}
