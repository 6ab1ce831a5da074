// Carries out a plan, action by action, and reports every step as an event. The same code serves
// the wizard, `setup --yes`, `edit` and the tests (through the use cases in source/use-cases); the
// mode decides what really happens:
//   real machine  files written, commands run;
//   --root DIR    files written under DIR, system commands skipped (and said so);
//   --dry-run     nothing changed at all: files and commands shown as what would happen.
// An AbortSignal stops it: the command or health wait under way ends, the action and its step are
// recorded as stopped (never done), and nothing after them runs.
import type {Answers} from '../model/answers.js';
import type {ApplyEvent, ApplyResult, Outcome, OutcomeStatus, OutputStream, RunSummary} from '../model/apply-events.js';
import {describeFileError, errorMessage, StepError} from '../model/errors.js';
import {newContent} from '../model/file-content.js';
import type {Action, Step, StepId} from '../model/plan.js';
import type {ServiceName} from '../model/services.js';
import {importKey} from './import-key.js';
import {Journal} from './journal.js';
import {waitHealthy} from './probes.js';
import {initStateOf} from './service-status.js';
import {createRunLog, noRunLog, type RunLog} from './run-log.js';
import type {System} from './system.js';
import {DiskFullError} from './target-fs.js';

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

const sandboxSkip = '--root: system commands are not run';
const tailLines = 20;

// One run: one journal, one log and one run id across however many steps the caller applies,
// so the wizard can apply step by step (and retry one) while undo still sees one run.
export class ApplyRun {
	readonly journal: Journal;
	private readonly log: RunLog;
	private readonly counts: Partial<Record<OutcomeStatus, number>> = {};
	private readonly changedFiles: string[] = [];
	// Services whose files this run changed: a running one is restarted instead of left alone.
	private readonly servicesToRestart = new Set<ServiceName>();
	private readonly completed: StepId[];
	// Set once an action that may change the machine starts: only then is the log opened and the
	// progress saved, so a run that only looked (preflight) leaves nothing behind.
	private changing = false;
	// Whether the row of file actions under way has recorded its files in the journal yet.
	private recordedAhead = false;

	constructor(
		private readonly system: System,
		readonly runId: string,
		private readonly options: ApplyRunOptions = {},
	) {
		this.completed = [...(options.completedBefore ?? [])];
		const setup = options.recordsProgress !== false;
		const before = system.state.saved();
		const progressBefore = setup ? {...(before.progress ? {progress: before.progress} : {}), ...(before.setUpAt ? {setUpAt: before.setUpAt} : {})} : undefined;
		this.journal = new Journal(system.fs, runId, setup ? 'setup' : 'edit', system.now(), options.answersBefore ?? before.answers, progressBefore);
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
		}
	}

	private async applyActions(step: Step, onEvent: (event: ApplyEvent) => void, options: StepOptions): Promise<ApplyResult> {
		const {signal} = options;
		const emit = (event: ApplyEvent): void => {
			this.record(event);
			onEvent(event);
		};
		emit({type: 'step-start', step});
		for (const [index, action] of step.actions.entries()) {
			// Stopped between two actions: the next one never starts.
			if (signal?.aborted) return this.stop(step, emit);
			emit({type: 'action-start', step, action, index});
			let outcome: Outcome;
			try {
				if (action.kind !== 'check') this.startChanging();
				if (action.kind !== 'file') this.recordedAhead = false;
				outcome = await this.applyAction(step, action, step.actions.slice(index), emit, signal);
			} catch (error) {
				outcome = {status: 'failed', message: errorMessage(error), detail: error instanceof StepError ? error.detail : []};
			}
			// What failed because it was stopped (a command ended, a wait cut short) was stopped.
			if (signal?.aborted && outcome.status === 'failed') outcome = {status: 'stopped', message: stoppedMessage(action, outcome), ...(outcome.detail ? {detail: outcome.detail} : {})};
			this.counts[outcome.status] = (this.counts[outcome.status] ?? 0) + 1;
			emit({type: 'action-end', step, action, index, outcome});
			if (outcome.status === 'stopped') return {...this.stop(step, emit), failed: {step, action, outcome}};
			if (outcome.status === 'failed') {
				emit({type: 'step-end', step, ok: false});
				this.saveFailure({failedAt: step.id});
				return {...this.result(false), failed: {step, action, outcome}};
			}
		}
		emit({type: 'step-end', step, ok: true});
		if (options.completesStep !== false && !this.completed.includes(step.id)) this.completed.push(step.id);
		this.saveProgress();
		return this.result(true);
	}

	async applySteps(steps: readonly Step[], onEvent?: (event: ApplyEvent) => void, options: {signal?: AbortSignal} = {}): Promise<ApplyResult> {
		let last = this.result(true);
		for (const step of steps) {
			last = await this.applyStep(step, onEvent, options);
			if (!last.ok) return last;
		}
		return last;
	}

	// Marks the whole setup finished, so the next start offers the menu instead of the wizard and
	// the next setup starts a journal of its own.
	async finish(): Promise<void> {
		this.changing = true;
		this.saveProgress({finished: true});
		if (!this.system.dryRun) await this.journal.finish(this.system.now());
	}

	// A failure or a stop is reported even when the progress cannot be saved with it (the disk that
	// filled is then the failure, already named); the next run finds where to go on from the journal.
	private saveFailure(end: {failedAt?: StepId; stoppedAt?: StepId}): void {
		try {
			this.saveProgress(end);
		} catch (error) {
			if (!(error instanceof DiskFullError)) throw error;
		}
	}

	// What the run has done so far.
	summary(): RunSummary {
		return {
			runId: this.runId,
			recorded: this.changing && !this.system.dryRun,
			counts: {...this.counts},
			changedFiles: [...this.changedFiles],
			...(this.log.opened ? {logPath: this.log.path} : {}),
			...(this.journal.hasChanges ? {backupsDir: this.journal.dir} : {}),
		};
	}

	private stop(step: Step, emit: (event: ApplyEvent) => void): ApplyResult {
		emit({type: 'step-end', step, ok: false, stopped: true});
		this.saveFailure({stoppedAt: step.id});
		return {...this.result(false), stopped: true};
	}

	private startChanging(): void {
		if (this.changing) return;
		this.changing = true;
		try {
			this.log.open();
		} catch (error) {
			throw new StepError(describeFileError(error, 'cannot write the run log', this.log.path, this.system));
		}
	}

	private saveProgress(end: {failedAt?: StepId; stoppedAt?: StepId; finished?: boolean} = {}): void {
		if (this.system.dryRun || this.options.recordsProgress === false || !this.changing) return;
		this.system.state.saveProgress({runId: this.runId, completed: [...this.completed], ...end, finished: end.finished ?? false});
	}

	private result(ok: boolean): ApplyResult {
		return {ok, ...this.summary()};
	}

	private record(event: ApplyEvent): void {
		switch (event.type) {
			case 'step-start':
				this.log.write(`== ${event.step.title}`);
				break;
			case 'action-start':
				this.log.write(`-- ${event.action.title}`);
				break;
			case 'output':
				this.log.write(`${event.stream === 'stderr' ? '!' : '|'} ${event.line}`);
				break;
			case 'probe':
				this.log.write(`? ${event.result.healthy ? 'healthy' : 'not yet'}: ${event.result.detail}`);
				break;
			case 'action-end':
				this.log.write(`${event.outcome.status} ${event.outcome.message}`);
				for (const line of event.outcome.detail ?? []) this.log.write(`  ${line}`);
				break;
			case 'step-end':
				break;
		}
	}

	// `rest`: this action and the ones after it in the part of the step being applied.
	private async applyAction(step: Step, action: Action, rest: readonly Action[], emit: (event: ApplyEvent) => void, signal: AbortSignal | undefined): Promise<Outcome> {
		const {system} = this;
		const onLine = (line: string, stream: OutputStream): void => emit({type: 'output', step, action, line, stream});
		switch (action.kind) {
			case 'check':
				return this.check(action, signal);
			case 'file':
				return this.file(action, rest);
			case 'import-key': {
				if (system.sandbox) return {status: 'skipped', message: `key import from ${action.keyserver} (${sandboxSkip})`};
				if (system.dryRun) return {status: 'would-run', message: `fetch key ${action.fingerprint} from ${action.keyserver}, check it, then ${action.method === 'apt-key' ? 'apt-key add it' : `save it to ${action.keyring}`}`};
				const {result, message} = await importKey(action, system.commands, this.journal, onLine, signal);
				if (result === 'created' || result === 'changed') this.changedFiles.push(action.keyring);
				return {status: result === 'unchanged' ? 'unchanged' : result === 'added' ? 'ran' : 'wrote', message};
			}
			case 'run': {
				const shown = action.argv.join(' ');
				if (system.sandbox) return {status: 'skipped', message: `${shown} (${sandboxSkip})`};
				if (system.dryRun) return {status: 'would-run', message: shown};
				const result = await system.commands.run(action.argv, {timeoutMs: action.timeoutMs, ...(action.env ? {env: action.env} : {}), onLine, ...(signal ? {signal} : {})});
				if (result.stopped) return {status: 'stopped', message: result.failure ?? `${shown} was stopped`, detail: lastLines(`${result.stdout}\n${result.stderr}`)};
				if (!result.ok) return {status: 'failed', message: result.failure ?? `${shown} failed`, detail: lastLines(`${result.stdout}\n${result.stderr}`)};
				// apt-get update exits 0 when a source cannot be fetched; the install after it would then
				// fail with "Unable to locate package", which hides the cause (and a retry of it alone fails again).
				const unfetched = action.argv[0] === 'apt-get' && action.argv.includes('update') ? failedFetches(result.stderr) : [];
				if (unfetched.length > 0) {
					return {
						status: 'failed',
						message: `${shown} could not fetch ${unfetched[0]}`,
						detail: [...unfetched.slice(1).map(line => `also could not fetch ${line}`), 'Check the network and the repository address (repo.url), then retry.'],
					};
				}
				return {status: 'ran', message: shown};
			}
			case 'service':
				return this.service(step, action, emit, onLine, signal);
		}
	}

	private async check(action: Extract<Action, {kind: 'check'}>, signal: AbortSignal | undefined): Promise<Outcome> {
		const {system} = this;
		const {check} = action;
		const machineOnly = check.kind === 'root' || check.kind === 'apt' || check.kind === 'port-free' || check.kind === 'reachable' || check.kind === 'command';
		if (system.sandbox && machineOnly) return {status: 'skipped', message: `${action.title} (a sandbox root does not need it)`};
		const result = await system.checks.run(check, signal);
		// A rehearsal shows what would stop a real run without stopping itself.
		if (result.status === 'failed' && system.dryRun) return {status: 'warned', message: result.message};
		return {status: result.status, message: result.message};
	}

	private async file(action: Extract<Action, {kind: 'file'}>, rest: readonly Action[]): Promise<Outcome> {
		const {system} = this;
		let old: string | undefined;
		try {
			old = await system.fs.read(action.path);
		} catch (error) {
			return {status: 'failed', message: describeFileError(error, 'cannot read', action.path, system), detail: error instanceof StepError ? error.detail : []};
		}
		const content = newContent(action.edit, old);
		if (old === content) return {status: 'unchanged', message: action.path};
		if (system.dryRun) return {status: 'would-write', message: action.path};
		try {
			// The first of a row of file actions records those whose bytes will change, in one journal
			// save. Only a row: a command after it (apt-get install) may make or change what the next
			// files hold, so those are recorded after it ran.
			if (!this.recordedAhead) {
				this.recordedAhead = true;
				const end = rest.findIndex(next => next.kind !== 'file');
				await this.journal.recordAhead(await this.filesThatWillChange(end === -1 ? rest : rest.slice(0, end)));
			}
			await this.journal.write(action.path, content, {newFileMode: action.mode});
		} catch (error) {
			return {status: 'failed', message: describeFileError(error, 'cannot write', action.path, system), detail: error instanceof StepError ? error.detail : ['The file was left as it was.']};
		}
		this.changedFiles.push(action.path);
		for (const service of action.restarts) this.servicesToRestart.add(service);
		return {status: 'wrote', message: action.path};
	}

	private async service(
		step: Step,
		action: Extract<Action, {kind: 'service'}>,
		emit: (event: ApplyEvent) => void,
		onLine: (line: string, stream: OutputStream) => void,
		signal: AbortSignal | undefined,
	): Promise<Outcome> {
		const {system} = this;
		if (system.sandbox) return {status: 'skipped', message: `${action.argv.join(' ')} and its health check (${sandboxSkip})`};
		if (system.dryRun) return {status: 'would-run', message: `${action.argv.join(' ')}, then wait up to ${action.deadlineMs / 1000} s for it to be healthy`};
		let argv = action.argv;
		if (action.op === 'start') {
			const before = await system.probes.probe(action.probe, signal);
			const affected = this.servicesToRestart.has(action.service);
			if (before.healthy && !affected) return {status: 'unchanged', message: `${action.service} is already running and healthy (${before.detail})`};
			// Running with old settings: a start would do nothing, so it is restarted to read the new ones.
			if (before.healthy) argv = argv.map(word => (word === 'start' ? 'restart' : word));
		}
		const ran = await system.commands.run(argv, {timeoutMs: 120_000, onLine, ...(signal ? {signal} : {})});
		if (ran.stopped) return {status: 'stopped', message: ran.failure ?? `${argv.join(' ')} was stopped`};
		if (!ran.ok) {
			return {status: 'failed', message: ran.failure ?? `${argv.join(' ')} failed`, detail: await this.logTail(action.logFiles)};
		}
		// `service X start` can exit 0 while the daemon dies a second later: only the probe says.
		const health = await waitHealthy(system.probes, action.probe, {
			deadlineMs: action.deadlineMs,
			onTry: result => emit({type: 'probe', step, action, result}),
			giveUp: this.stoppedRunning(action.service),
			...(signal ? {signal} : {}),
		});
		if (health.stopped) return {status: 'stopped', message: `${action.service}: ${health.detail}`};
		if (!health.healthy) {
			return {
				status: 'failed',
				message: health.gaveUp
					? `${action.service} stopped after it was started: ${health.detail}`
					: `${action.service} did not become healthy within ${action.deadlineMs / 1000} s: ${health.detail}`,
				detail: await this.logTail(action.logFiles),
			};
		}
		return {status: 'healthy', message: `${action.service}: ${health.detail}`};
	}

	// The files of these actions whose bytes will change. One that cannot be read is left out: its
	// own action says why when its turn comes.
	private async filesThatWillChange(actions: readonly Action[]): Promise<string[]> {
		const paths: string[] = [];
		for (const action of actions) {
			if (action.kind !== 'file') continue;
			const old = await this.system.fs.read(action.path).catch(() => null);
			if (old !== null && newContent(action.edit, old) !== old) paths.push(action.path);
		}
		return paths;
	}

	// What a step's end saves in the journal is only what undo can do without: the SHA-256 of what
	// was written (without it a file is put back without asking whether it was edited since) and
	// the records of files the step never reached (undo finds them as they were). So a journal that
	// cannot be saved then (a full disk, a failed step's own cause) leaves the step's outcome as it
	// is; the next write names the problem.
	private async settleJournal(): Promise<void> {
		this.recordedAhead = false;
		if (this.system.dryRun) return;
		await this.journal.settle().catch(() => undefined);
	}

	// Asks the init system every few probes; two "not running" answers in a row mean the daemon
	// died after `service X start` said it started, so the wait ends with that reason.
	private stoppedRunning(service: ServiceName): () => Promise<string | undefined> {
		let tries = 0;
		let gone = 0;
		return async () => {
			tries++;
			if (tries % 3 !== 0) return undefined;
			const init = await initStateOf(this.system, service);
			gone = init.state === 'stopped' || init.state === 'failed' ? gone + 1 : 0;
			return gone >= 2 ? `the init system says it is not running (${init.detail})` : undefined;
		};
	}

	private async logTail(files: readonly string[]): Promise<string[]> {
		for (const file of files) {
			const text = await this.system.fs.read(file).catch(() => undefined);
			if (text !== undefined) return [`last lines of ${file}:`, ...lastLines(text)];
		}
		return [`no log found (looked at ${files.join(', ')})`];
	}
}

// apt's "W: Failed to fetch <url>  <reason>" lines, as "<url>: <reason>".
const failedFetches = (stderr: string): string[] =>
	stderr
		.split('\n')
		.map(line => /^[WE]: Failed to fetch (\S+)\s+(.*)$/.exec(line.trim()))
		.filter((match): match is RegExpExecArray => match !== null)
		.map(([, url, reason]) => `${url}: ${reason?.trim()}`);

const lastLines = (text: string): string[] =>
	text
		.split('\n')
		.filter(line => line.trim().length > 0)
		.slice(-tailLines);

const stoppedMessage = (action: Action, outcome: Outcome): string => (outcome.message.includes('stopped') ? outcome.message : `${action.title}: stopped before it finished (${outcome.message})`);
