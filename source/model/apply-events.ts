// What carrying out a plan reports, as data: every step, action, output line, probe and outcome.
// The use cases emit these; plain commands print them and screens fold them into their views.
import type {Action, Step} from './plan.js';

export type OutputStream = 'stdout' | 'stderr';

// stopped: the person (or a signal) stopped it before it finished; never counted as done.
export type OutcomeStatus = 'wrote' | 'unchanged' | 'skipped' | 'ran' | 'would-run' | 'would-write' | 'passed' | 'warned' | 'failed' | 'healthy' | 'stopped' | 'removed' | 'would-remove';

export type Outcome = {status: OutcomeStatus; message: string; detail?: string[]};

// gaveUp: the wait ended before its deadline because the service stopped running.
// stopped: the wait was stopped from outside (quit, Ctrl+C).
export type ProbeResult = {healthy: boolean; detail: string; gaveUp?: boolean; stopped?: boolean};

export type ApplyEvent =
	// Said before a run starts, of what was found (a stale lock taken over, a killed run's temp files).
	| {type: 'notice'; line: string}
	| {type: 'step-start'; step: Step}
	| {type: 'action-start'; step: Step; action: Action; index: number}
	| {type: 'output'; step: Step; action: Action; line: string; stream: OutputStream}
	| {type: 'probe'; step: Step; action: Action; result: ProbeResult}
	| {type: 'action-end'; step: Step; action: Action; index: number; outcome: Outcome}
	| {type: 'step-end'; step: Step; ok: boolean; stopped?: boolean};

// What a run has done so far: the counts of each outcome, the files it changed, and where its
// log and its backups of the old files are (each absent until there is one).
export type RunSummary = {
	runId: string;
	// The run has changed something, so its log and its progress are kept: a later start offers to
	// continue it. False for a run that only looked (preflight) and for a dry run.
	recorded: boolean;
	counts: Partial<Record<OutcomeStatus, number>>;
	// Each action's last outcome, checks left out (model/last-outcomes.ts): what Done counts.
	lastCounts: Partial<Record<OutcomeStatus, number>>;
	changedFiles: string[];
	logPath?: string;
	// Where the old files it replaced are kept: absent while it replaced none (every file new), so
	// nothing says "the old file is kept" of a file that was not there.
	backupsDir?: string;
};

export type ApplyResult = RunSummary & {
	ok: boolean;
	// Stopped from outside: `failed` then names the action that was stopped, if one was under way.
	stopped?: boolean;
	failed?: {step: Step; action: Action; outcome: Outcome};
};

// What an action that changed nothing ends as.
export const leftAsItWas: ReadonlySet<OutcomeStatus> = new Set(['unchanged', 'skipped', 'passed', 'warned', 'would-run', 'would-write', 'would-remove']);

// The order of the outcome words in a summary line.
const summaryOrder: OutcomeStatus[] = ['wrote', 'would-write', 'removed', 'would-remove', 'unchanged', 'ran', 'would-run', 'healthy', 'skipped', 'passed', 'warned', 'failed', 'stopped'];

export function summaryLine(counts: Partial<Record<OutcomeStatus, number>>): string {
	return summaryOrder
		.filter(status => (counts[status] ?? 0) > 0)
		.map(status => `${counts[status]} ${status}`)
		.join(', ');
}
