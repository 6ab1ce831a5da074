// The layout of every node: its plan made from what its packages will read, predicted before anything
// changes from the package source as that node reads it (system/layout-prediction.ts, the code one
// machine uses, through the node's System), and, after its packages are installed, its files made
// again from what they do read (installed-layout.ts, as on one machine), said or asked about first.
import path from 'node:path';
import {resolveValues} from '../model/answers.js';
import {nodeAnswers} from '../model/cluster-derivation.js';
import type {Cluster, ClusterNode} from '../model/cluster.js';
import type {NodeMoved} from '../model/cluster-events.js';
import {type NodePlan, nodePlan} from '../model/cluster-plan.js';
import {nodeValues} from '../model/cluster-values.js';
import {layoutLines, movedFiles, movedFilesLines} from '../model/layout-prediction.js';
import {articleMachine, type Facts} from '../model/facts.js';
import {layoutLine} from '../model/files.js';
import type {Plan, Step} from '../model/plan.js';
import {predictLayout, readHereFor, type SourceSystem} from '../system/layout-prediction.js';
import {createSystem, type System} from '../system/system.js';
import {type ConfirmMoved, stepsForInstalledLayout} from './installed-layout.js';

// The node's plan for the layout its source's packages will read (nothing is changed).
export async function predictedNodePlan(cluster: Cluster, node: ClusterNode, system: SourceSystem, signal?: AbortSignal): Promise<NodePlan> {
	return nodePlan(cluster, node, await predictLayout(system, nodeValues(cluster, node), signal));
}

// A node that is not reached (cluster plan, the screens before the deploy): the article's machine.
export const unreachedNodeFacts: Facts = {...articleMachine, isRoot: true, notes: ['No node is asked: the article’s machine is assumed.']};

// A node's sandbox under --root DIR: DIR/NAME, as cluster setup --root writes it.
export const nodeSandbox = (root: string, node: ClusterNode): Promise<System> => createSystem({root: path.join(root, node.name), dryRun: true});

// Every node's facts with the layout its packages will read, predicted without reaching any node:
// from the source as this machine reads it (once: every node has the same source), or under
// --root DIR from each node's sandbox. Only the source settings matter, so values another page
// has not made consistent yet do not stop it (a folder not given yet is said as not read).
export async function predictClusterLayouts(cluster: Cluster, options: {root?: string; signal?: AbortSignal} = {}): Promise<Record<string, Facts>> {
	const {root, signal} = options;
	const valuesOf = (node: ClusterNode) => resolveValues(nodeAnswers(cluster, node));
	const [first] = cluster.nodes;
	if (root === undefined) {
		const facts = first ? await predictLayout(readHereFor(unreachedNodeFacts), valuesOf(first), signal) : unreachedNodeFacts;
		return Object.fromEntries(cluster.nodes.map(node => [node.name, facts]));
	}
	return Object.fromEntries(await Promise.all(cluster.nodes.map(async node => [node.name, await predictLayout(await nodeSandbox(root, node), valuesOf(node), signal)] as const)));
}

// The files a node writes instead, asked about (the screens: Enter goes on, q stops); true goes on.
export type AskNodeMoved = (moved: NodeMoved) => Promise<boolean>;

// After a node's step ended well: the steps of its stage still to run. After the install they are
// made again where the installed packages read elsewhere (undefined: the person chose to stop).
export function nodeStepsAfter(
	cluster: Cluster,
	node: NodePlan,
	system: System,
	tell: {notice: (line: string) => void; onLayoutMoved?: AskNodeMoved | undefined},
): (step: Step, rest: readonly Step[]) => Promise<Step[] | undefined> {
	const {onLayoutMoved} = tell;
	const confirmMoved: ConfirmMoved | undefined = onLayoutMoved ? lines => onLayoutMoved({node: node.node.name, lines}) : undefined;
	return async (step, rest) =>
		step.id !== 'install'
			? [...rest]
			: stepsForInstalledLayout(system, node.plan.facts, rest, {replan: facts => nodePlan(cluster, node.node, facts).plan, notice: tell.notice, ...(confirmMoved ? {confirmMoved} : {})});
}

// What a node's plan is said as before the deploy: where its files go and why, then each file.
export function nodePlanLines(node: NodePlan): string[] {
	const files = [...new Set(node.plan.steps.flatMap(step => step.actions.flatMap(action => (action.kind === 'file' ? [action.path] : []))))];
	return [...layoutLines(node.plan.facts), ...files.map(file => `  write  ${file}`)];
}

// The screens' summary is planned without reaching the nodes (use-cases/cluster-review.ts): a node
// whose own source says its packages read another layout has the files it writes instead asked
// about before any node changes. False: the person chose not to go on.
export async function confirmShownLayouts(plans: readonly NodePlan[], shown: ReadonlyMap<string, Plan>, ask: AskNodeMoved): Promise<boolean> {
	for (const plan of plans) {
		const before = shown.get(plan.node.name);
		if (!before || layoutLine(before.facts) === layoutLine(plan.plan.facts)) continue;
		const moved = movedFiles(before.steps, plan.plan.steps);
		if (moved.length === 0) continue;
		if (!(await ask({node: plan.node.name, lines: movedFilesLines(plan.plan.facts, moved, `The packages of ${plan.node.name}’s own source`)}))) return false;
	}
	return true;
}
