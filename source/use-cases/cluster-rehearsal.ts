// cluster setup --root DIR: the deploy rehearsed, each node in its own sandbox DIR/NAME, node after
// node, system commands skipped; nothing goes over SSH.
import path from 'node:path';
import {nodeAnswers} from '../model/cluster-derivation.js';
import {nodeRunOf} from '../model/cluster-ending.js';
import type {ClusterEvent, ClusterOutcome, NodeDecision, NodeFailure, NodeRun} from '../model/cluster-events.js';
import {nodePlan} from '../model/cluster-plan.js';
import type {Cluster} from '../model/cluster.js';
import {readLogTail} from '../system/log-tail.js';
import {createSystem} from '../system/system.js';
import {refuseNodesTargets, refuseUnwritableTargets} from '../system/target-check.js';
import {type AskNodeMoved, nodePlanLines, predictedNodePlan} from './cluster-layout.js';
import {runSetupPlan} from './setup.js';
import type {UseCaseOptions} from './use-case-options.js';

// --root DIR: every node rehearsed in its own sandbox, DIR/NAME; system commands are skipped there.
// Every node's plan and every file it writes are checked before the first node is written.
// Each node's layout is predicted from its source as its sandbox holds it (a folder under DIR/NAME),
// and after its install step looked at again, as a deploy does.
export async function rehearseCluster(
	cluster: Cluster,
	rootDir: string,
	options: UseCaseOptions<ClusterEvent> & {dryRun?: boolean; onNodeFailed?: (failure: NodeFailure) => Promise<NodeDecision>; onLayoutMoved?: AskNodeMoved} = {},
): Promise<ClusterOutcome> {
	const nodes = await Promise.all(
		cluster.nodes.map(async node => {
			const system = await createSystem({root: path.join(rootDir, node.name), dryRun: options.dryRun ?? false});
			const plan = await predictedNodePlan(cluster, node, system, options.signal);
			return {node, system, plan};
		}),
	);
	await refuseNodesTargets(nodes.map(({node, system, plan}) => ({node: node.name, targets: async () => refuseUnwritableTargets(system.fs, plan.plan)})));
	for (const {node, plan} of nodes) options.onEvent?.({type: 'planned', node: node.name, lines: nodePlanLines(plan)});
	const failed: ClusterOutcome['failed'] = [];
	const skipped: string[] = [];
	// What each node's runs did, a retry's added to the run before it (the ending tells it per node).
	const runs = new Map<string, NodeRun>(nodes.map(({node}) => [node.name, {node: node.name, recorded: false, changedFiles: 0}]));
	const ran = (name: string, run: NodeRun): void => {
		const before = runs.get(name) as NodeRun;
		runs.set(name, {...before, ...run, recorded: before.recorded || run.recorded, changedFiles: before.changedFiles + run.changedFiles});
	};
	const outcome = (ok: boolean, stopped = false): ClusterOutcome => ({ok, ...(stopped ? {stopped} : {}), failed, ...(skipped.length > 0 ? {skipped} : {}), nodes: [...runs.values()]});
	const ended = (stopped: boolean): ClusterOutcome => outcome(false, stopped);
	for (const {node, system, plan} of nodes) {
		for (;;) {
			const {onLayoutMoved} = options;
			const result = await runSetupPlan(system, nodeAnswers(cluster, node), plan.plan, {
				replan: facts => nodePlan(cluster, node, facts).plan,
				...(onLayoutMoved ? {confirmMoved: async (lines: string[]) => onLayoutMoved({node: node.name, lines})} : {}),
				onEvent: event => options.onEvent?.({type: 'node', node: node.name, event}),
				...(options.signal ? {signal: options.signal} : {}),
			});
			ran(node.name, nodeRunOf(node.name, result, system.fs.hostPath));
			if (result.stopped) return ended(true);
			if (result.ok) break;
			const detail = result.failed?.outcome.detail ?? [];
			const log = result.logPath;
			const tail = log ? (await readLogTail(system.fs, [log], 10)).lines : [];
			const step = result.failed?.step.title ?? 'setup';
			const failure = {node: node.name, message: `${step}: ${result.failed?.outcome.message ?? 'failed'}`, step, ...(detail.length > 0 ? {detail} : {}), ...(log ? {log: system.fs.hostPath(log), tail} : {})};
			// The screens ask, as on a deploy: run the node's plan again (what is done changes nothing), go on without it, or stop.
			const decision = options.onNodeFailed && !options.signal?.aborted ? await options.onNodeFailed(failure) : 'quit';
			if (options.signal?.aborted) return ended(true);
			if (decision === 'retry') continue;
			if (decision === 'skip') {
				skipped.push(node.name);
				options.onEvent?.({type: 'notice', node: node.name, line: `Skipped: ${node.name} takes no further part in this deploy.`});
				break;
			}
			failed.push(failure);
			return ended(false);
		}
	}
	return outcome(skipped.length === 0 && failed.length === 0);
}
