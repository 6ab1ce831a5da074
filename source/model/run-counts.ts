// What a run counts of its actions' outcomes. Every outcome, as it came (setup --yes says them); and
// how each action last ended, for the Done screen's "What changed": an action done again (a retry,
// or the whole run again after Esc back to the summary) counts once, by its last outcome, so two
// runs' counts are not added; and the preflight's checks are left out of it, as they change nothing
// (a rehearsal's skipped checks were counted among the "commands shown, not run", review 3 #18).
import type {OutcomeStatus} from './apply-events.js';
import type {Action, StepId} from './plan.js';

export type Counts = Partial<Record<OutcomeStatus, number>>;

const add = (counts: Counts, status: OutcomeStatus): void => {
	counts[status] = (counts[status] ?? 0) + 1;
};

export class RunCounts {
	private readonly every: Counts = {};
	private readonly last = new Map<string, {status: OutcomeStatus; path?: string}>();

	note(step: StepId, action: Action, status: OutcomeStatus): void {
		add(this.every, status);
		if (action.kind === 'check') return;
		const path = action.kind === 'file' ? action.path : undefined;
		this.last.set(`${step}\0${action.kind}\0${path ?? action.title}`, {status, ...(path ? {path} : {})});
	}

	all(): Counts {
		return {...this.every};
	}

	// The counts of the last outcomes. A file this run wrote (`changedFiles`) and found as wanted when
	// done again is counted once, as written, not also as "already right".
	lastOutcomes(changedFiles: readonly string[]): Counts {
		const counts: Counts = {};
		for (const {status, path} of this.last.values()) if (status !== 'unchanged' || path === undefined || !changedFiles.includes(path)) add(counts, status);
		return counts;
	}
}
