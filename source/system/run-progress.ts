// A setup run's progress as the saved state keeps it (state.json): the steps completed (those a
// killed run finished before included), what `s` left out of a step after a failure, and where the
// run failed, stopped or finished. A step something was left out of is never saved as completed:
// a run that continues does it again, instead of taking the files left out for written.
import type {StepId} from '../model/plan.js';
import type {StateStore} from './state.js';
import {DiskFullError} from './target-fs.js';

export type ProgressEnd = {failedAt?: StepId; stoppedAt?: StepId; finished?: boolean};

export class RunProgress {
	private readonly completed: StepId[];
	private readonly skipped: Partial<Record<StepId, string[]>> = {};

	// `saves`: whether a save is kept now (not in a dry run, nor for an edit, nor before the run changed anything).
	constructor(
		private readonly state: StateStore,
		private readonly runId: string,
		completedBefore: readonly StepId[],
		private readonly saves: () => boolean,
	) {
		this.completed = [...completedBefore];
	}

	complete(step: StepId): void {
		if (!this.skipped[step] && !this.completed.includes(step)) this.completed.push(step);
	}

	// `names` (files by path, anything else by title) were skipped after a failure in `step`.
	leaveOut(step: StepId, names: readonly string[]): void {
		this.skipped[step] = [...new Set([...(this.skipped[step] ?? []), ...names])];
		this.completed.splice(0, this.completed.length, ...this.completed.filter(id => id !== step));
	}

	save(end: ProgressEnd = {}): void {
		if (!this.saves()) return;
		const skipped = Object.keys(this.skipped).length > 0 ? {skipped: structuredClone(this.skipped)} : {};
		this.state.saveProgress({runId: this.runId, completed: [...this.completed], ...end, ...skipped, finished: end.finished ?? false});
	}

	// A failure or a stop is reported even when the progress cannot be saved with it (the disk that
	// filled is then the failure, already named); the next run finds where to go on from the journal.
	saveFailure(end: ProgressEnd): void {
		try {
			this.save(end);
		} catch (error) {
			if (!(error instanceof DiskFullError)) throw error;
		}
	}
}
