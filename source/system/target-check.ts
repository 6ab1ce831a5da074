// Before a setup writes anything: every file the plan writes must be a regular file or not there
// yet, under folders (not files). A FIFO, a folder or a device where a file goes, or a file where
// a folder goes (zookeeper.dataDir naming a file), is bad input: named, and nothing is written.
import path from 'node:path';
import {InputError} from '../model/errors.js';
import type {Plan} from '../model/plan.js';
import {writeTarget} from '../model/step-refusal.js';
import type {FileKind, TargetFs} from './target-fs.js';

// What stands where a file goes: nothing or a regular file (`{}`), something else (its kind), or
// why its folders cannot be made (a file stands on the way).
export type TargetState = {kind?: FileKind; cannot?: string};
// A target that answers for many paths at once (a node: one round trip, not two a file).
export type TargetStates = {targetStates?(targets: readonly string[]): Promise<TargetState[]>};

async function stateOf(fs: TargetFs, target: string): Promise<TargetState> {
	try {
		const info = await fs.info(target);
		if (info && info.kind !== 'file') return {kind: info.kind};
		await fs.missingDirs(path.dirname(target));
		return {};
	} catch (error) {
		return {cannot: (error as Error).message};
	}
}

export async function refuseUnwritableTargets(fs: TargetFs & TargetStates, plan: Pick<Plan, 'steps'>): Promise<void> {
	const targets = plan.steps.flatMap(step => step.actions).flatMap(action => {
		const target = writeTarget(action);
		return target ? [{target, from: action.kind === 'file' && action.settings.length > 0 ? ` (from ${action.settings.join(', ')})` : ''}] : [];
	});
	const states = fs.targetStates ? await fs.targetStates(targets.map(({target}) => target)) : await inTurn(fs, targets.map(({target}) => target));
	const found = targets.flatMap(({target, from}, index) => {
		const {kind, cannot} = states[index] ?? {};
		if (kind && kind !== 'file') return [{target, problem: `${target}${from} is a ${kind}, not a regular file (${fs.hostPath(target)}): mesos-setup writes a file there; move it aside.`}];
		return cannot ? [{target, problem: `${target}${from} cannot be written: ${cannot}.`}] : [];
	});
	// The paths go with the error, so the wizard can blame the actions that write them.
	if (found.length > 0) throw new InputError(found.map(({problem}) => problem), found.map(({target}) => target));
}

async function inTurn(fs: TargetFs, targets: readonly string[]): Promise<TargetState[]> {
	const states: TargetState[] = [];
	for (const target of targets) states.push(await stateOf(fs, target));
	return states;
}

// Several nodes' targets asked at once, and every node's problems said together, each with its
// node (naming the first node's alone left the others' to the next run, one run a node). An error
// that is not bad input (a node that does not answer) is thrown as it is.
export async function refuseNodesTargets(nodes: readonly {node: string; targets(): Promise<void>}[]): Promise<void> {
	const checked = await Promise.allSettled(nodes.map(async ({targets}) => targets()));
	const problems: string[] = [];
	const paths: string[] = [];
	for (const [index, result] of checked.entries()) {
		if (result.status === 'fulfilled') continue;
		const {reason} = result as PromiseRejectedResult;
		if (!(reason instanceof InputError)) throw reason;
		const node = nodes[index]?.node ?? '';
		problems.push(...reason.problems.map(problem => `${node}: ${problem}`));
		paths.push(...reason.targets);
	}
	if (problems.length > 0) throw new InputError(problems, paths);
}
