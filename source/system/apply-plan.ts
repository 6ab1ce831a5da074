// Carries out a plan, action by action, and reports every step as an event. The same code serves
// the wizard, `setup --yes`, `edit` and the tests (through the use cases in source/use-cases); the
// mode decides what really happens:
//   real machine  files written, commands run;
//   --root DIR    files written under DIR, system commands skipped (and said so);
//   --dry-run     nothing changed at all: files and commands shown as what would happen.
// An AbortSignal stops it: the command or health wait under way ends, the action and its step are
// recorded as stopped (never done), nothing after them runs.
import type {Answers} from '../model/answers.js';
import {type ApplyEvent, type ApplyResult, leftAsItWas, type Outcome, type OutputStream, type RunSummary} from '../model/apply-events.js';
import {describeFileError, errorMessage, StepError} from '../model/errors.js';
import type {Action, Step, StepId} from '../model/plan.js';
import {RunCounts} from '../model/run-counts.js';
import {runLogLines} from '../model/run-log-lines.js';
import type {ServiceName} from '../model/services.js';
import {type CheckRow, checkInRow, endCheckRow, runCommand, runImportKey} from './apply-command.js';
import {makeLocalRepository} from './local-repository.js';
import {type FileRow, runFile} from './apply-file.js';
import {runService} from './apply-service.js';
import {Journal} from './journal.js';
import {settleJournal} from './journal-settle.js';
import {createRunLog, noRunLog, type RunLog} from './run-log.js';
import {RunProgress} from './run-progress.js';
import type {System} from './system.js';
import {stateBefore} from './state.js';

export type {ApplyEvent, ApplyResult, Outcome, OutcomeStatus} from '../model/apply-events.js';

export type ApplyRunOptions = {
	// Steps a killed run finished, carried into the run that resumes it, so the saved progress
	// keeps them if this run is stopped too.
	completedBefore?: readonly StepId[];
	// false for edits and restarts: they are not a setup run, so a finished setup stays finished.
	recordsProgress?: boolean;
	// The saved answers from before this run (and for a setup, its progress), kept in the journal so
	// undo puts them back with the files. By default, what the state holds when the run is made.
	answersBefore?: Answers;
	// Where the run's lines go, when not <root>/var/log/mesos-setup (a node's run is logged here).
	log?: RunLog;
};

export type StepOptions = {
	// The wizard applies a step in parts (one configuration file per screen, or the actions after a
	// skipped one): only the part that ends the step passes true, so progress and resume do not
	// count a step done before its last action.
	completesStep?: boolean;
	signal?: AbortSignal;
};

// One run: one journal, one log and one run id across however many steps the caller applies,
// so the wizard can apply step by step (and retry one) while undo still sees one run.
export class ApplyRun {
	readonly journal: Journal;
	private readonly log: RunLog;
	private readonly counts = new RunCounts();
	private readonly changedFiles: string[] = [];
	// Services whose files this run changed: a running one is restarted instead of left alone.
	private readonly servicesToRestart = new Set<ServiceName>();
	private readonly progress: RunProgress;
	// Set once an action that may change the machine starts: only then is the log opened and the
	// progress saved, so a run that only looked (preflight) leaves nothing behind.
	private changing = false;
	// Whether the row of file actions under way has recorded its files in the journal yet; the row of checks under way.
	private readonly row: FileRow & CheckRow = {recordedAhead: false};

	constructor(
		private readonly system: System,
		readonly runId: string,
		private readonly options: ApplyRunOptions = {},
	) {
		this.progress = new RunProgress(system.state, runId, options.completedBefore ?? [], () => !system.dryRun && options.recordsProgress !== false && this.changing);
		const setup = options.recordsProgress !== false;
		const before = stateBefore(system.state, setup, options.answersBefore);
		this.journal = new Journal(system.fs, runId, setup ? 'setup' : 'edit', system.now(), before.answers, before.progress);
		this.log = options.log ?? (system.dryRun ? noRunLog : createRunLog(system.fs, runId));
	}

	// Whether this run has started changing the machine (and so keeps a log and progress).
	get hasStarted(): boolean {
		return this.changing;
	}

	async applyStep(step: Step, onEvent: (event: ApplyEvent) => void = () => undefined, options: StepOptions = {}): Promise<ApplyResult> {
		try {
			return await this.applyActions(step, onEvent, options);
		} finally {
			// Records of files the step never reached go; what it wrote is in the journal, once.
			await this.settleJournal();
			this.log.rest();
		}
	}

	private async applyActions(step: Step, onEvent: (event: ApplyEvent) => void, options: StepOptions): Promise<ApplyResult> {
		const {signal} = options;
		const emit = (event: ApplyEvent): void => {
			this.record(event);
			onEvent(event);
		};
		emit({type: 'step-start', step});
		// Whether an action of the step did something (ran, wrote, started): only then does its end
		// need a save of its own (below).
		let acted = false;
		for (const [index, action] of step.actions.entries()) {
			// Stopped between two actions: the next one never starts.
			if (signal?.aborted) return this.stop(step, emit);
			emit({type: 'action-start', step, action, index});
			let outcome: Outcome;
			try {
				if (action.kind !== 'check') this.startChanging();
				if (action.kind !== 'file') this.row.recordedAhead = false;
				if (action.kind !== 'check') endCheckRow(this.row);
				outcome = await this.applyAction(step, action, step.actions.slice(index), emit, signal);
			} catch (error) {
				outcome = {status: 'failed', message: errorMessage(error), detail: error instanceof StepError ? error.detail : []};
			}
			// What failed because it was stopped (a command ended, a wait cut short) was stopped.
			if (signal?.aborted && outcome.status === 'failed') outcome = {status: 'stopped', message: stoppedMessage(action, outcome), ...(outcome.detail ? {detail: outcome.detail} : {})};
			this.counts.note(step.id, action, outcome.status);
			if (!leftAsItWas.has(outcome.status)) acted = true;
			emit({type: 'action-end', step, action, index, outcome});
			if (outcome.status === 'stopped') return {...this.stop(step, emit), failed: {step, action, outcome}};
			if (outcome.status === 'failed') {
				emit({type: 'step-end', step, ok: false});
				this.progress.saveFailure({failedAt: step.id});
				return {ok: false, ...this.summary(), failed: {step, action, outcome}};
			}
		}
		emit({type: 'step-end', step, ok: true});
		if (options.completesStep !== false) this.progress.complete(step.id);
		// A step that left the machine as it was (a rehearsal's skipped commands, files already as they
		// should be) is saved as done with the next save: a run killed before that does it again, and
		// it again changes nothing. The journal settles first (a row whose last file was found as
		// wanted left its closing save, and its syncs, to it).
		if (acted) await this.settleJournal().then(() => this.progress.save());
		return {ok: true, ...this.summary()};
	}

	// The whole setup finished: the next start offers the menu, the next setup a journal of its own.
	async finish(): Promise<void> {
		this.changing = true;
		this.progress.save({finished: true});
		if (!this.system.dryRun) await this.journal.finish(this.system.now());
	}

	// `names` of the step's actions were skipped after a failure (files by path): the progress says so,
	// and never counts the step completed, so a run that continues does it again.
	leaveOut(step: StepId, names: readonly string[]): void {
		this.progress.leaveOut(step, names);
	}

	// What the run has done so far.
	summary(): RunSummary {
		return {
			runId: this.runId,
			recorded: this.changing && !this.system.dryRun,
			counts: this.counts.all(),
			lastCounts: this.counts.lastOutcomes(this.changedFiles),
			changedFiles: [...this.changedFiles],
			...(this.log.opened ? {logPath: this.log.path} : {}),
			...(this.journal.changed.some(entry => entry.backup !== undefined) ? {backupsDir: this.journal.dir} : {}),
		};
	}

	private stop(step: Step, emit: (event: ApplyEvent) => void): ApplyResult {
		emit({type: 'step-end', step, ok: false, stopped: true});
		this.progress.saveFailure({stoppedAt: step.id});
		return {ok: false, ...this.summary(), stopped: true};
	}

	private startChanging(): void {
		if (this.changing) return;
		this.changing = true;
		// A setup's conf made at the next turn, the first row's wait for a sync (state.ts prepare).
		if (!this.system.dryRun && this.options.recordsProgress !== false) setImmediate(() => this.system.state.prepare?.());
		try {
			this.log.open();
		} catch (error) {
			throw new StepError(describeFileError(error, 'cannot write the run log', this.log.path, this.system));
		}
	}

	private record(event: ApplyEvent): void {
		for (const line of runLogLines(event)) this.log.write(line);
	}

	// `rest`: this action and the ones after it in the part of the step being applied.
	private async applyAction(step: Step, action: Action, rest: readonly Action[], emit: (event: ApplyEvent) => void, signal: AbortSignal | undefined): Promise<Outcome> {
		const {system} = this;
		const onLine = (line: string, stream: OutputStream): void => emit({type: 'output', step, action, line, stream});
		switch (action.kind) {
			case 'check':
				return checkInRow(system, this.row, action, rest, signal);
			case 'file':
				return this.file(action, rest);
			case 'import-key': {
				const {outcome, changed} = await runImportKey(system, action, this.journal, onLine, signal);
				if (changed) this.changed(changed);
				return outcome;
			}
			case 'local-repository': {
				const {outcome, changed} = await makeLocalRepository(system, action, this.journal, onLine, signal);
				this.changedFiles.push(...changed);
				return outcome;
			}
			case 'run':
				return runCommand(system, action, onLine, signal);
			case 'service':
				return runService(system, action, {step, emit, onLine, signal, affected: this.servicesToRestart.has(action.service)});
		}
	}

	// Files, not writes: a file written twice in a run (myid, once by its page and once as a
	// companion) is one changed file, counted and listed once.
	private changed(file: string): void {
		if (!this.changedFiles.includes(file)) this.changedFiles.push(file);
	}

	private async file(action: Extract<Action, {kind: 'file'}>, rest: readonly Action[]): Promise<Outcome> {
		const outcome = await runFile(this.system, this.journal, action, rest, this.row);
		if (outcome.status === 'wrote' || outcome.status === 'removed') {
			this.changed(action.path);
			for (const service of action.restarts) this.servicesToRestart.add(service);
		}
		return outcome;
	}

	// What a step's end saves in the journal is only what undo can do without (without a file's
	// SHA-256 undo keeps a copy of it, unable to tell a hand edit): a journal that cannot be saved
	// then (a full disk, a failed step's own cause) leaves the step's outcome as it is, said in the
	// log (journal-settle.ts); the next write names the problem.
	private async settleJournal(): Promise<void> {
		this.row.recordedAhead = false;
		endCheckRow(this.row);
		if (!this.system.dryRun) await settleJournal(this.journal, this.log);
	}
}

const stoppedMessage = (action: Action, outcome: Outcome): string => (outcome.message.includes('stopped') ? outcome.message : `${action.title}: stopped before it finished (${outcome.message})`);
