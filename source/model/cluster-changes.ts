// The summary before a cluster deploy: per node its role, its services, every file it will write
// (new, changed or unchanged against what the node holds, with both texts for the diff) and every
// command it will run, read from the node's plan, so what is shown is what the deploy does. Pure.
import {previewActions} from './action-preview.js';
import {countsLine} from './change-summary.js';
import type {NodePlan} from './cluster-plan.js';
import type {ClusterNode} from './cluster.js';
import {newContent} from './file-content.js';
import {layoutShort} from './layout-prediction.js';
import type {Plan} from './plan.js';
import type {ServiceName} from './services.js';

export type FileChangeKind = 'new' | 'changed' | 'unchanged';
export type NodeFileChange = {path: string; before: string | undefined; after: string; change: FileChangeKind; notes: string[]};
// layout: where its agent's and Marathon's files go, and how that is known (predicted from its source).
// plan: the plan shown, so the deploy can tell a node whose own source reads another layout.
export type NodeChanges = {node: ClusterNode; services: ServiceName[]; layout: string; files: NodeFileChange[]; commands: string[]; plan: Plan};

// `before`: what each of the node's files holds now (undefined: there is none).
export function nodeChanges(plan: Pick<NodePlan, 'node' | 'services' | 'plan'>, before: ReadonlyMap<string, string | undefined>): NodeChanges {
	const actions = plan.plan.steps.flatMap(step => step.actions);
	const files = new Map<string, NodeFileChange>();
	for (const action of actions) {
		if (action.kind !== 'file') continue;
		// Two actions on one file (a setting and a file that follows it): the second edits what the first wrote.
		const known = files.get(action.path);
		const old = before.get(action.path);
		// A node's plan never removes a file (every derived value is set): no file reads as empty.
		const after = newContent(action.edit, known ? known.after : old) ?? '';
		const change: FileChangeKind = old === undefined ? 'new' : old === after ? 'unchanged' : 'changed';
		files.set(action.path, {path: action.path, before: old, after, change, notes: [...(known?.notes ?? []), ...action.notes]});
	}
	const commands = previewActions(actions.filter(action => action.kind !== 'file'))
		.filter(line => line.kind === 'command')
		.map(line => line.text);
	return {node: plan.node, services: plan.services, layout: layoutShort(plan.plan.facts, plan.node.role), files: [...files.values()], commands, plan: plan.plan};
}

// A node's counts in the words of the one-machine summary (countsLine): only what there is.
export const changeCounts = (change: Pick<NodeChanges, 'files' | 'commands'>): string =>
	countsLine({
		commands: change.commands.length,
		new: change.files.filter(file => file.change === 'new').length,
		changed: change.files.filter(file => file.change === 'changed').length,
		removed: 0,
		unchanged: change.files.filter(file => file.change === 'unchanged').length,
	});
