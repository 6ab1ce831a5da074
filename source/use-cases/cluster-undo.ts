// cluster undo: on every node, the last run put back from that node's own journal and backups, with
// the checks single-machine undo makes (system/undo.ts checkUndo), made on every node before any node
// changes: one node refusing stops the undo everywhere, every refusing node named (a half-undone
// cluster is worse than one not undone). Then every node at once, each to its end whatever another's:
// one whose SSH drops fails alone and is said, the others are put back.
import path from 'node:path';
import type {Cluster} from '../model/cluster.js';
import {ClusterUndoRefused, mixedRunsLine, type NodeRun, type NodeUndo, runWords} from '../model/cluster-undo.js';
import {errorMessage} from '../model/errors.js';
import type {JournalFile} from '../model/journal-record.js';
import {lastUndoableRun} from '../system/journal-reading.js';
import type {HeldLock} from '../system/run-lock.js';
import {createSystem, type System} from '../system/system.js';
import {checkUndo, type Step} from '../system/undo.js';
import {type ClusterRunOptions, onLockedNodes} from './cluster.js';
import type {ClusterEvent} from './cluster-stages.js';
import {holdRunLock} from './run-lock.js';
import {previewOf, putBack} from './undo.js';
import type {UseCaseOptions} from './use-case-options.js';

export type {NodeUndo} from '../model/cluster-undo.js';

type Node = {node: string; system: System};
type Checked = Node & {run?: JournalFile; steps: Step[]};

const runOf = (run: JournalFile): NodeRun => ({runId: run.runId, startedAt: run.startedAt, kind: run.kind});

// Each node's last run found and checked, all at once; any refusal (or a node that could not be
// read) refuses the whole undo, naming every such node.
async function checkEveryNode(nodes: Node[]): Promise<Checked[]> {
	const checked = await Promise.allSettled(
		nodes.map(async ({node, system}): Promise<Checked> => {
			const run = await lastUndoableRun(system.fs);
			return {node, system, ...(run ? {run} : {}), steps: run ? await checkUndo(system.fs, run) : []};
		}),
	);
	const refused = checked.flatMap((result, index) => (result.status === 'rejected' ? [{node: nodes[index]?.node ?? '?', error: result.reason as unknown}] : []));
	if (refused.length > 0) throw new ClusterUndoRefused(refused);
	return checked.map(result => (result as PromiseFulfilledResult<Checked>).value);
}

// Every node checked, then said (the run it puts back, and over SSH whether the nodes' runs differ:
// a rehearsal sets up each sandbox in a run of its own), then every node put back, or with a dry run
// only what would be. The caller holds every node's run lock.
export async function undoEveryNode(nodes: Node[], options: UseCaseOptions<ClusterEvent> & {dryRun?: boolean; rehearsed?: boolean} = {}): Promise<NodeUndo[]> {
	const notice = (line: string, node?: string): void => options.onEvent?.({type: 'notice', ...(node ? {node} : {}), line});
	const checked = await checkEveryNode(nodes);
	const found = checked.flatMap(({node, run}) => (run ? [{node, run: runOf(run)}] : []));
	const runs = options.rehearsed ? undefined : found.map(each => each.run);
	for (const {node, run} of found) notice(`${options.dryRun ? 'would put back' : 'puts back'} ${runWords(run, runs)}`, node);
	const mixed = runs && mixedRunsLine(found);
	if (mixed) notice(mixed);
	if (options.dryRun) {
		return checked.map(({node, system, run}) => (run ? {node, outcome: 'would', run: runOf(run), files: previewOf(system, run).files} : {node, outcome: 'nothing'}));
	}
	const ended = await Promise.allSettled(
		checked.map(async ({node, system, run, steps}) => {
			if (!run) return undefined;
			const onEvent = (event: {type: 'undone'; line: {path: string; outcome: string}} | {type: 'notice'; line: string}): void =>
				notice(event.type === 'notice' ? event.line : `${event.line.outcome.padEnd(9)} ${event.line.path}`, node);
			return putBack(system, run, steps, {onEvent});
		}),
	);
	return checked.map(({node, run}, index): NodeUndo => {
		const end = ended[index];
		if (!run) return {node, outcome: 'nothing'};
		if (end?.status === 'rejected') return {node, outcome: 'failed', run: runOf(run), error: errorMessage(end.reason)};
		return {node, outcome: 'undone', run: runOf(run), lines: end?.value?.lines ?? []};
	});
}

// Over SSH: every node reached and locked first (one that cannot be reached stops the undo before
// any node changes), then undoEveryNode.
export async function undoCluster(cluster: Cluster, options: ClusterRunOptions = {}): Promise<NodeUndo[]> {
	return onLockedNodes(cluster, 'cluster-undo', options, async systems => undoEveryNode(systems.map(system => ({node: system.node, system})), options));
}

// --root DIR: the same undo on every node's sandbox DIR/NAME, each sandbox's run lock held throughout
// (a dry run takes none and changes nothing: it only says what would be put back).
export async function undoRehearsedCluster(cluster: Cluster, rootDir: string, options: UseCaseOptions<ClusterEvent> & {dryRun?: boolean} = {}): Promise<NodeUndo[]> {
	const dryRun = options.dryRun ?? false;
	const nodes = await Promise.all(cluster.nodes.map(async node => ({node: node.name, system: await createSystem({root: path.join(rootDir, node.name), dryRun})})));
	const locks: HeldLock[] = [];
	try {
		for (const {node, system} of nodes) locks.push(await holdRunLock(system, 'cluster-undo', line => options.onEvent?.({type: 'notice', node, line})));
		return await undoEveryNode(nodes, {...options, rehearsed: true});
	} finally {
		for (const lock of locks) lock.release();
	}
}
