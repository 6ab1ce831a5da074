// When a run saves what it did (ApplyRun's bookkeeping): a row of files is recorded in the journal
// before its writes (apply-file.ts) and settled after them (what was written, its syncs), then the
// progress says the step is done: files, journal, "done", in that order. Each save is a synced
// write, so a setup --yes, whose steps follow one another, saves a step's end with the next save:
// the next row's record (which names what the rows before wrote, their syncs with it) and the
// progress right after it, before the row's first write; before a command runs on the machine; a
// stop's or a failure's; the finish. With recordWith (the next step's files recorded with a row),
// a rehearsal's 11 synced writes became 5 (issue 12).
import type {Action, StepId} from '../model/plan.js';
import {type CheckRow, endCheckRow} from './apply-command.js';
import type {FileRow} from './apply-file.js';
import type {Journal} from './journal.js';
import type {System} from './system.js';
import {DiskFullError} from './target-fs.js';

export type ProgressEnd = {failedAt?: StepId; stoppedAt?: StepId; finished?: boolean};

export class RunSaves {
	// A step applied with savedWithNext changed something, and its end is not saved yet.
	private unsaved = false;

	constructor(
		private readonly system: System,
		private readonly journal: Journal,
		private readonly row: FileRow & CheckRow,
		// The progress to save, or nothing where the run keeps none (a dry run, an edit, one that only looked).
		private readonly saveProgress: (end: ProgressEnd) => void,
	) {
		row.recorded = () => this.afterRecord();
	}

	// A step ended well. One that left the machine as it was (a rehearsal's skipped commands, files
	// already as they should be) is saved as done with the next save: a run killed before that does
	// it again, and it again changes nothing.
	async stepDone(acted: boolean, savedWithNext: boolean): Promise<void> {
		if (acted && savedWithNext) this.unsaved = true;
		else if (acted) await this.ends();
	}

	// What runs on the machine may take minutes: a killed run need not do again the steps before it.
	// A --root sandbox runs none.
	async beforeAction(action: Action): Promise<void> {
		if (this.unsaved && action.kind !== 'file' && action.kind !== 'check' && !this.system.sandbox) await this.ends();
	}

	// A row was recorded: a journal save that named what the rows before wrote, unless it had
	// nothing new to record; then their progress waits for the next save.
	private afterRecord(): void {
		if (!this.unsaved || this.journal.unsaved) return;
		this.unsaved = false;
		this.saveProgress({});
	}

	// The ends not saved yet, if any (a run that ended before its next step).
	async unsavedEnds(): Promise<void> {
		if (this.unsaved) await this.ends();
	}

	// The ends of the steps applied so far: what their rows wrote in the journal, then the progress.
	private async ends(): Promise<void> {
		this.unsaved = false;
		await this.settle();
		this.saveProgress({});
	}

	// A failure or a stop is reported even when the progress cannot be saved with it (the disk that
	// filled is then the failure, already named); the next run finds where to go on from the journal.
	async failure(end: {failedAt?: StepId; stoppedAt?: StepId}): Promise<void> {
		this.unsaved = false;
		await this.settle();
		try {
			this.saveProgress(end);
		} catch (error) {
			if (!(error instanceof DiskFullError)) throw error;
		}
	}

	// The journal's last save names what the last steps wrote and that the setup finished (one save,
	// not two), and lands before the progress that says so.
	async finish(): Promise<void> {
		this.unsaved = false;
		if (!this.system.dryRun) await this.journal.finish(this.system.now());
		this.saveProgress({finished: true});
	}

	// What a row's settle saves in the journal is only what undo can do without: the SHA-256 of what
	// was written (without it a file is put back without asking whether it was edited since) and
	// the records of files the step never reached (undo finds them as they were). So a journal that
	// cannot be saved then (a full disk, a failed step's own cause) leaves the step's outcome as it
	// is; the next write names the problem.
	async settle(): Promise<void> {
		this.endRows();
		if (this.system.dryRun) return;
		await this.journal.settle().catch(() => undefined);
	}

	endRows(): void {
		this.row.recordedAhead = false;
		endCheckRow(this.row);
	}
}
