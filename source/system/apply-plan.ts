// Carries out a plan, action by action, and reports every step as an event. The same code serves
// the wizard, `setup --yes`, `edit` and the tests; the mode decides what really happens:
//   real machine  files written, commands run;
//   --root DIR    files written under DIR, system commands skipped (and said so);
//   --dry-run     nothing changed at all: files and commands shown as what would happen.
import {errorMessage, StepError} from '../model/errors.js';
import {newContent} from '../model/file-content.js';
import type {Action, Plan, Step, StepId} from '../model/plan.js';
import type {ServiceName} from '../model/services.js';
import {importKey} from './import-key.js';
import {Journal} from './journal.js';
import {type ProbeResult, waitHealthy} from './probes.js';
import {initStateOf} from './service-status.js';
import {createRunLog, noRunLog, type RunLog} from './run-log.js';
import type {OutputStream} from './runner.js';
import type {System} from './system.js';
import {DiskFullError} from './target-fs.js';

export type OutcomeStatus = 'wrote' | 'unchanged' | 'skipped' | 'ran' | 'would-run' | 'would-write' | 'passed' | 'warned' | 'failed' | 'healthy';

export type Outcome = {status: OutcomeStatus; message: string; detail?: string[]};

export type ApplyEvent =
	| {type: 'step-start'; step: Step}
	| {type: 'action-start'; step: Step; action: Action; index: number}
	| {type: 'output'; step: Step; action: Action; line: string; stream: OutputStream}
	| {type: 'probe'; step: Step; action: Action; result: ProbeResult}
	| {type: 'action-end'; step: Step; action: Action; index: number; outcome: Outcome}
	| {type: 'step-end'; step: Step; ok: boolean};

export type ApplyResult = {
	ok: boolean;
	runId: string;
	counts: Partial<Record<OutcomeStatus, number>>;
	failed?: {step: Step; action: Action; outcome: Outcome};
	changedFiles: string[];
	logPath?: string;
	backupsDir?: string;
};

const sandboxSkip = '--root: system commands are not run';
const tailLines = 20;

// One run: one journal, one log and one run id across however many steps the caller applies,
// so the wizard can apply step by step (and retry one) while undo still sees one run.
export class ApplyRun {
	readonly journal: Journal;
	readonly log: RunLog;
	readonly counts: Partial<Record<OutcomeStatus, number>> = {};
	readonly changedFiles: string[] = [];
	// Services whose files this run changed: a running one is restarted instead of left alone.
	private readonly servicesToRestart = new Set<ServiceName>();
	private readonly completed: StepId[];

	// `completedBefore`: steps a killed run finished, carried into the run that resumes it, so the
	// saved progress keeps them if this run is stopped too. `recordsProgress: false` is for edits and
	// restarts: they are not a setup run, so a finished setup stays finished.
	constructor(
		private readonly system: System,
		readonly runId: string,
		completedBefore: readonly StepId[] = [],
		private readonly options: {recordsProgress?: boolean} = {},
	) {
		this.completed = [...completedBefore];
		this.journal = new Journal(system.fs, runId, options.recordsProgress === false ? 'edit' : 'setup', system.now(), system.state.answers());
		this.log = system.dryRun ? noRunLog : createRunLog(system.fs, runId);
	}

	// The wizard applies a step in parts (one configuration file per screen, or the actions after a
	// skipped one): only the part that ends the step passes `completesStep`, so progress and resume
	// do not count a step done before its last action.
	async applyStep(step: Step, onEvent: (event: ApplyEvent) => void = () => undefined, options: {completesStep?: boolean} = {}): Promise<ApplyResult> {
		const emit = (event: ApplyEvent): void => {
			this.record(event);
			onEvent(event);
		};
		emit({type: 'step-start', step});
		for (const [index, action] of step.actions.entries()) {
			emit({type: 'action-start', step, action, index});
			let outcome: Outcome;
			try {
				outcome = await this.applyAction(step, action, emit);
			} catch (error) {
				outcome = {status: 'failed', message: errorMessage(error), detail: error instanceof StepError ? error.detail : []};
			}
			this.counts[outcome.status] = (this.counts[outcome.status] ?? 0) + 1;
			emit({type: 'action-end', step, action, index, outcome});
			if (outcome.status === 'failed') {
				emit({type: 'step-end', step, ok: false});
				this.saveFailure(step.id);
				return {...this.result(false), failed: {step, action, outcome}};
			}
		}
		emit({type: 'step-end', step, ok: true});
		if (options.completesStep !== false && !this.completed.includes(step.id)) this.completed.push(step.id);
		this.saveProgress();
		return this.result(true);
	}

	async applySteps(steps: readonly Step[], onEvent?: (event: ApplyEvent) => void): Promise<ApplyResult> {
		let last = this.result(true);
		for (const step of steps) {
			last = await this.applyStep(step, onEvent);
			if (!last.ok) return last;
		}
		return last;
	}

	// Marks the whole setup finished, so the next start offers the menu instead of the wizard and
	// the next setup starts a journal of its own.
	async finish(): Promise<void> {
		this.saveProgress(undefined, true);
		if (!this.system.dryRun) await this.journal.finish(this.system.now());
	}

	// A failure is reported even when the progress cannot be saved with it (the disk that filled is
	// then the failure, already named); the next run finds where to go on from the journal.
	private saveFailure(failedAt: StepId): void {
		try {
			this.saveProgress(failedAt);
		} catch (error) {
			if (!(error instanceof DiskFullError)) throw error;
		}
	}

	private saveProgress(failedAt?: StepId, finished = false): void {
		if (this.system.dryRun || this.options.recordsProgress === false) return;
		this.system.state.saveProgress({runId: this.runId, completed: [...this.completed], ...(failedAt ? {failedAt} : {}), finished});
	}

	private result(ok: boolean): ApplyResult {
		return {
			ok,
			runId: this.runId,
			counts: {...this.counts},
			changedFiles: [...this.changedFiles],
			...(this.log.path ? {logPath: this.log.path} : {}),
			...(this.journal.hasChanges ? {backupsDir: this.journal.dir} : {}),
		};
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

	private async applyAction(step: Step, action: Action, emit: (event: ApplyEvent) => void): Promise<Outcome> {
		const {system} = this;
		const onLine = (line: string, stream: OutputStream): void => emit({type: 'output', step, action, line, stream});
		switch (action.kind) {
			case 'check':
				return this.check(action);
			case 'file':
				return this.file(action);
			case 'import-key': {
				if (system.sandbox) return {status: 'skipped', message: `key import from ${action.keyserver} (${sandboxSkip})`};
				if (system.dryRun) return {status: 'would-run', message: `fetch key ${action.fingerprint} from ${action.keyserver}, check it, then ${action.method === 'apt-key' ? 'apt-key add it' : `save it to ${action.keyring}`}`};
				const {result, message} = await importKey(action, system.commands, this.journal, onLine);
				if (result === 'created' || result === 'changed') this.changedFiles.push(action.keyring);
				return {status: result === 'unchanged' ? 'unchanged' : result === 'added' ? 'ran' : 'wrote', message};
			}
			case 'run': {
				const shown = action.argv.join(' ');
				if (system.sandbox) return {status: 'skipped', message: `${shown} (${sandboxSkip})`};
				if (system.dryRun) return {status: 'would-run', message: shown};
				const result = await system.commands.run(action.argv, {timeoutMs: action.timeoutMs, ...(action.env ? {env: action.env} : {}), onLine});
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
				return this.service(step, action, emit, onLine);
		}
	}

	private async check(action: Extract<Action, {kind: 'check'}>): Promise<Outcome> {
		const {system} = this;
		const {check} = action;
		const machineOnly = check.kind === 'root' || check.kind === 'apt' || check.kind === 'port-free' || check.kind === 'reachable' || check.kind === 'command';
		if (system.sandbox && machineOnly) return {status: 'skipped', message: `${action.title} (a sandbox root does not need it)`};
		const result = await system.checks.run(check);
		// A rehearsal shows what would stop a real run without stopping itself.
		if (result.status === 'failed' && system.dryRun) return {status: 'warned', message: result.message};
		return {status: result.status, message: result.message};
	}

	private async file(action: Extract<Action, {kind: 'file'}>): Promise<Outcome> {
		const {system} = this;
		let old: string | undefined;
		try {
			old = await system.fs.read(action.path);
		} catch (error) {
			return {status: 'failed', message: `cannot read ${action.path}: ${errorMessage(error)}`, detail: error instanceof StepError ? error.detail : []};
		}
		const content = newContent(action.edit, old);
		if (old === content) return {status: 'unchanged', message: action.path};
		if (system.dryRun) return {status: 'would-write', message: action.path};
		try {
			await this.journal.write(action.path, content, {newFileMode: action.mode});
		} catch (error) {
			const detail = error instanceof StepError ? error.detail : ['The file was left as it was. Check that the folder is writable, then retry.'];
			return {status: 'failed', message: `cannot write ${action.path}: ${errorMessage(error)}`, detail};
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
	): Promise<Outcome> {
		const {system} = this;
		if (system.sandbox) return {status: 'skipped', message: `${action.argv.join(' ')} and its health check (${sandboxSkip})`};
		if (system.dryRun) return {status: 'would-run', message: `${action.argv.join(' ')}, then wait up to ${action.deadlineMs / 1000} s for it to be healthy`};
		let argv = action.argv;
		if (action.op === 'start') {
			const before = await system.probes.probe(action.probe);
			const affected = this.servicesToRestart.has(action.service);
			if (before.healthy && !affected) return {status: 'unchanged', message: `${action.service} is already running and healthy (${before.detail})`};
			// Running with old settings: a start would do nothing, so it is restarted to read the new ones.
			if (before.healthy) argv = argv.map(word => (word === 'start' ? 'restart' : word));
		}
		const ran = await system.commands.run(argv, {timeoutMs: 120_000, onLine});
		if (!ran.ok) {
			return {status: 'failed', message: ran.failure ?? `${argv.join(' ')} failed`, detail: await this.logTail(action.logFiles)};
		}
		// `service X start` can exit 0 while the daemon dies a second later: only the probe says.
		const health = await waitHealthy(system.probes, action.probe, action.deadlineMs, result => emit({type: 'probe', step, action, result}), 500, this.stoppedRunning(action.service));
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

export async function applyPlan(plan: Plan, system: System, runId: string, onEvent?: (event: ApplyEvent) => void): Promise<ApplyResult> {
	const run = new ApplyRun(system, runId);
	const result = await run.applySteps(plan.steps, onEvent);
	if (result.ok) await run.finish();
	return result;
}
