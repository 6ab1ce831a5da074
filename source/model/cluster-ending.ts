// How a cluster deploy (or its rehearsal) ends, in words: made once here, said by the plain command
// and by the deploy screen. The advice follows what this run did on each node: `cluster undo` puts
// back each node's last run that changed files, so it is offered only where this run changed some,
// and never after a run that changed nothing (it would put back an earlier deploy).
import type {RunSummary} from './apply-events.js';
import type {ClusterOutcome, NodeRun} from './cluster-events.js';
import {stoppedExitCode} from './errors.js';

export type EndingTone = 'green' | 'yellow' | 'red';
export type EndingLine = {text: string; tone?: EndingTone};
// done: the sentence for a run every node got through; again: the command that runs it again (and
// so continues it); undo: cluster undo for the same file; status: how to look at the cluster (not
// for a rehearsal, which has no postflight).
export type EndingWords = {done: string; again: string; undo: string; status?: string};
export type ClusterEnding = {code: number; lines: EndingLine[]};

// A node's run as the ending tells it; `where` says a path as the person reaches it (a sandbox's or a node's).
export function nodeRunOf(node: string, summary: RunSummary, where: (path: string) => string = path => path): NodeRun {
	const {recorded, changedFiles, backupsDir} = summary;
	return {node, recorded, changedFiles: changedFiles.length, ...(backupsDir ? {backupsDir: where(backupsDir)} : {})};
}

const files = (count: number): string => `${count} file${count === 1 ? '' : 's'}`;
const listed = (names: readonly string[]): string => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

// One line a node: how its part ended (failed at a step, skipped) and what it changed.
function nodeLine(run: NodeRun, outcome: ClusterOutcome): string {
	const failure = outcome.failed.find(failed => failed.node === run.node);
	const ended = failure ? `failed at ${failure.step ?? 'its step'}; ` : outcome.skipped?.includes(run.node) ? 'skipped; ' : '';
	// A run keeps a backups folder only where it replaced a file (RunSummary.backupsDir): files it
	// made new have no old ones to keep.
	const kept = run.backupsDir ? `, the old ones kept in ${run.backupsDir}` : ', all new';
	const changed = run.changedFiles > 0 ? `changed ${files(run.changedFiles)}${kept}` : run.recorded ? 'changed no file' : 'nothing changed';
	return `${run.node}: ${ended}${changed}`;
}

// Undo as what it is: each node's last run that changed files. Where this run changed none, that is
// an earlier run; a deploy this one continued is a run of its own, put back by a second undo.
function undoAdvice(outcome: ClusterOutcome, undo: string): EndingLine[] {
	const untouched = outcome.nodes.filter(run => run.changedFiles === 0).map(run => run.node);
	if (untouched.length === outcome.nodes.length) return [];
	const elsewhere = untouched.length > 0 ? ` On ${listed(untouched)} this run changed no file, so there it would put back an earlier run.` : '';
	return [{text: `To put back what this run changed: ${undo} (it puts back each node's last run that changed files; a stopped deploy that this one continued needs a second undo).${elsewhere}`}];
}

// A node whose run could not be marked finished once every stage had run there: its journal already
// names every file the run changed (each step's rows are saved as it ends), so cluster undo finds
// the run; only its end is not recorded, and a setup there takes a run not finished as one to continue.
function unfinishedLines(outcome: ClusterOutcome): EndingLine[] {
	return (outcome.unfinished ?? []).map(({node, message}) => ({
		tone: 'yellow',
		text: `${node}: every stage ran there, but this run could not be marked finished on it (${message}). Its journal names every file the run changed, so cluster undo still puts them back; a setup run on ${node} itself would take this run as unfinished and continue it, and an undo after that would put back both.`,
	}));
}

export function clusterEnding(outcome: ClusterOutcome, words: EndingWords): ClusterEnding {
	const {again, undo, status} = words;
	const changedAny = outcome.nodes.some(run => run.recorded);
	const perNode: EndingLine[] = changedAny ? outcome.nodes.map(run => ({text: nodeLine(run, outcome)})) : [];
	const look = status ? ` Look at it with: ${status}.` : '';
	const unfinished = unfinishedLines(outcome);
	if (outcome.stopped) {
		if (outcome.postflightStopped) return {code: stoppedExitCode, lines: [{tone: 'yellow', text: `Stopped during the postflight: the deploy itself finished on every node; only the proof of the cluster was cut short.${look}`}, ...perNode, ...unfinished]};
		if (!changedAny) return {code: stoppedExitCode, lines: [{tone: 'yellow', text: 'Stopped before anything was changed on any node.'}, {text: `Run the same command again to start: ${again}.`}]};
		return {code: stoppedExitCode, lines: [{tone: 'yellow', text: 'Stopped: the steps under way are recorded as stopped; nothing after them ran.'}, ...perNode, {text: `To continue: ${again}.`}, ...undoAdvice(outcome, undo)]};
	}
	if (outcome.ok) return {code: 0, lines: [{tone: 'green', text: words.done}, ...perNode]};
	const failed = listed(outcome.failed.map(failure => failure.node));
	if (outcome.failed.length > 0) {
		if (!changedAny) return {code: 1, lines: [{tone: 'red', text: `Nothing was changed on any node. Fix the cause on ${failed}, then run the same command again: ${again}.`}]};
		return {code: 1, lines: [...perNode, {tone: 'red', text: `Nothing after the failed stage ran. Fix the cause on ${failed}, then continue with: ${again} (what is already done changes nothing when done again).`}, ...undoAdvice(outcome, undo)]};
	}
	const skipped = outcome.skipped ?? [];
	if (skipped.length > 0) {
		const them = skipped.length === 1 ? 'it' : 'them';
		return {code: 1, lines: [...perNode, {tone: 'yellow', text: `${listed(skipped)} ${skipped.length === 1 ? 'was' : 'were'} skipped: every later stage ran on the other nodes, and the cluster is not complete without ${them}. Fix the cause, then set ${them} up with: ${again} (what is already done changes nothing when done again).`}, ...unfinished]};
	}
	if (unfinished.length > 0 && outcome.health?.problems.length === 0) {
		const names = listed((outcome.unfinished ?? []).map(each => each.node));
		return {code: 1, lines: [{tone: 'yellow', text: `Every stage finished on every node and the cluster is proven; only the end of this run could not be recorded on ${names}.${look}`}, ...perNode, ...unfinished]};
	}
	return {code: 1, lines: [...perNode, {tone: 'red', text: `The deploy finished on every node but the cluster is not proven: see the postflight's problems above.${look}`}, ...unfinished]};
}
