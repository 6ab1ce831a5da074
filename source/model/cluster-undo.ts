// What cluster undo says, per node and of the whole: the run each node puts back (its id, when it
// started and what kind), whether the nodes' last runs are one run, a refusal of every node that
// cannot be put back, and how each node ended. Pure: use-cases/cluster-undo.ts finds and undoes.
import {errorMessage, StepError} from './errors.js';
import type {RunKind} from './journal-record.js';
import {localTime} from './local-time.js';
import type {UndoFile} from './undo-preview.js';
import type {UndoLine} from './journal-record.js';

export type NodeRun = {runId: string; startedAt: string; kind: RunKind};

// What became of one node: it had nothing to undo, would put back `files` (a dry run), put back
// `lines`, or failed part way (its SSH dropped, a write refused) after every node was checked.
export type NodeUndo =
	| {node: string; outcome: 'nothing'}
	| {node: string; outcome: 'would'; run: NodeRun; files: UndoFile[]}
	| {node: string; outcome: 'undone'; run: NodeRun; lines: UndoLine[]}
	| {node: string; outcome: 'failed'; run: NodeRun; error: string};

// A node's last run in words. Over SSH (`runs`: every node's last run) only a cluster setup gives
// several nodes one run id (ids are made of the start time and a random part), and only a setup is
// ever run on a cluster: an edit was made on that node alone. A rehearsal sets up each sandbox in a
// run of its own, so there a shared id tells nothing (no `runs`).
export function runWords(run: NodeRun, runs?: readonly NodeRun[]): string {
	const shared = runs ? runs.filter(other => other.runId === run.runId).length > 1 : undefined;
	const setup = shared === undefined ? 'a setup' : shared ? 'the cluster setup' : 'a setup no other node’s last run shares';
	return `run ${run.runId}, ${run.kind === 'edit' ? 'a local edit (mesos-setup edit on the node)' : setup} started ${localTime(run.startedAt)}`;
}

// Said before any node changes: the nodes' last runs are not one run (some node was set up or edited
// on its own since, or an earlier undo left some nodes at an older run).
export function mixedRunsLine(found: readonly {node: string; run: NodeRun}[]): string | undefined {
	const ids = [...new Set(found.map(({run}) => run.runId))];
	if (ids.length < 2) return undefined;
	const groups = ids.map(id => `${found.filter(({run}) => run.runId === id).map(({node}) => node).join(', ')}: run ${id}`);
	return `The nodes’ last runs are not the same run (${groups.join('; ')}): each node puts back its own last run, as named above.`;
}

// One or more nodes refused by the undo's own checks (a damaged journal, a backup missing or
// damaged, too little room) before any node changed: every one named with why, and nothing changed
// on any node. A StepError, so exit 1 as for the same refusal on one machine.
export class ClusterUndoRefused extends StepError {
	constructor(readonly refused: {node: string; error: unknown}[]) {
		const said = (line: string): string => line.replace(/^Nothing was changed\.\s*/, '');
		super(`cluster undo did not start: ${refused.map(({node}) => node).join(', ')} cannot be put back, so no node was changed`, [
			...refused.flatMap(({node, error}) => [`${node}: ${errorMessage(error)}`, ...(error instanceof StepError ? error.detail.map(said).filter(Boolean).map(line => `${node}:   ${line}`) : [])]),
			'Nothing was changed on any node. Mend what is named above, then run cluster undo again.',
		]);
		this.name = 'ClusterUndoRefused';
	}
}

// The last lines, per node: what it put back (or would), or why it failed part way.
export function nodeEndLine(result: NodeUndo): string {
	const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
	switch (result.outcome) {
		case 'nothing':
			return `${result.node}: nothing to undo`;
		case 'would':
			return `${result.node}: would put back run ${result.run.runId} (${files(result.files.length)})`;
		case 'undone':
			return `${result.node}: put back run ${result.run.runId} (${files(result.lines.length)})`;
		case 'failed':
			return `${result.node}: failed part way through putting back run ${result.run.runId}: ${result.error}`;
	}
}

// After a node failed part way: the others are put back, and the failed one's journal still names
// its run as not undone, so an undo on that node alone finishes it. cluster undo again would also
// put back the run before on the nodes that were put back.
export function partlyUndoneLines(results: readonly NodeUndo[]): string[] {
	const failed = results.filter(result => result.outcome === 'failed').map(result => result.node);
	if (failed.length === 0) return [];
	const done = results.filter(result => result.outcome === 'undone').map(result => result.node);
	return [
		`Not every node was put back: ${failed.join(', ')} failed part way (above)${done.length > 0 ? `; ${done.join(', ')} ${done.length === 1 ? 'was' : 'were'} put back` : ''}.`,
		`That run is not marked undone on ${failed.join(', ')}, so the next undo there puts back what is left of it; cluster undo again would also put back the run before on every node already put back.`,
	];
}
