// Start or continue the setup. One session is one run: one run id, one journal (undo puts back all
// of it) and one log, however many steps or parts of steps the caller applies. The session owns the
// bookkeeping: the answers from before the run (kept in its journal for undo, whatever is saved
// later), the answers saved once the run is about to change the machine, the progress saved as
// steps end, and the run marked finished. `runSetup` is the whole plan at once (setup --yes); the
// wizard applies a page at a time through a session.
import type {Answers, Values} from '../model/answers.js';
import type {ApplyEvent, ApplyResult, RunSummary} from '../model/apply-events.js';
import {describeFileError, InputError, StepError} from '../model/errors.js';
import type {Facts} from '../model/facts.js';
import {buildPlan, type Plan, type Step, type StepId} from '../model/plan.js';
import {ApplyRun} from '../system/apply-plan.js';
import type {HeldLock} from '../system/run-lock.js';
import {setupRunId} from '../system/setup-run.js';
import {stateDir} from '../system/state.js';
import type {System} from '../system/system.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import {type ConfirmMoved, installedLayout, stepsForInstalledLayout} from './installed-layout.js';
import {planSetupToRun} from './plan-setup.js';
import {refuseUnsafeRealRun} from './real-machine.js';
import {holdRunLock} from './run-lock.js';
import type {UseCaseOptions} from './use-case-options.js';

export type SetupStart = {
	// Continue the stopped run the saved progress names: its run id (so its journal) and its steps.
	continueRun?: boolean;
	// The id of a new run (by default one made from the time).
	runId?: string;
};

export type StepRun = UseCaseOptions<ApplyEvent> & {
	// false for a part of a step that does not end it (one file page of the configuration).
	completesStep?: boolean;
};

export type SetupSession = {
	// The steps a stopped run finished, when this session continues it.
	readonly earlierSteps: readonly StepId[];
	// Keeps the answers for the next start: saved once the run changes something, and from then on
	// as soon as they change.
	keepAnswers(answers: Answers): void;
	applyStep(step: Step, options?: StepRun): Promise<ApplyResult>;
	// What `s` left out of a step after it failed (files by path): the saved progress says so and
	// does not count the step completed (a run that continues does it again).
	leaveOut(step: StepId, names: readonly string[]): void;
	// The setup reached its end: the next start offers the menu, and the next setup starts a
	// journal of its own.
	finish(): Promise<void>;
	// The machine's facts with the layout the installed packages read, looked at again (after the
	// install step, whichever page or command ran it): the plan of the files is made from these.
	// `shown`: the facts the summary was made from; where nothing installed shows a layout (a
	// rehearsal), theirs stays.
	installedLayout(shown?: Facts): Promise<Facts>;
	// What the run has done so far (nothing before it starts).
	summary(): RunSummary;
	// The session is over (finished, quit, stopped): the run lock goes.
	close(): void;
};

const nothingYet: RunSummary = {runId: '', recorded: false, counts: {}, lastCounts: {}, changedFiles: []};

export function startSetup(system: System, start: SetupStart = {}): SetupSession {
	// Read before anything is saved: undo goes back to these, not to what this run saves.
	const answersBefore = system.state.answers();
	const earlierSteps = start.continueRun ? (system.state.progress()?.completed ?? []) : [];
	let run: ApplyRun | undefined;
	let lock: HeldLock | undefined;
	let answers: Answers | undefined;
	let answersKept = false;
	// A stopped setup's journal goes on (system/setup-run.ts), whichever page the wizard starts from.
	const runNow = async (): Promise<ApplyRun> =>
		(run ??= new ApplyRun(system, start.runId ?? (await setupRunId(system)), {completedBefore: earlierSteps, answersBefore}));
	const saveAnswers = (): void => {
		if (!answers) return;
		try {
			system.state.saveAnswers(answers);
		} catch (error) {
			throw new Error(describeFileError(error, 'cannot save the answers in', `${stateDir}/state.json`, system));
		}
		answersKept = true;
	};
	return {
		earlierSteps,
		keepAnswers(next) {
			answers = next;
			if (answersKept) saveAnswers();
		},
		async applyStep(step, options = {}) {
			const current = await runNow();
			// About to change the machine (preflight only looks): one setup at a time from here, the
			// files it writes checked first, and the answers kept, so a stopped run continues with them.
			if (step.actions.some(action => action.kind !== 'check')) {
				lock ??= await holdRunLock(system, 'setup', line => options.onEvent?.({type: 'notice', line}));
				await refuseUnwritableTargets(system.fs, {steps: [step]}).catch((error: unknown) => {
					// Bad input while nothing is changed yet; once steps have changed the machine, the
					// refusal of this one must not read "Nothing was changed" (cli.tsx says that of bad input).
					if (!(error instanceof InputError) || !current.hasStarted) throw error;
					throw new StepError(`${step.title} did not start: ${error.problems.join(' ')}`, ['The steps before it stay done. Move what stands in the way aside, then run the same command again to go on.'], error.targets);
				});
				saveAnswers();
			}
			return current.applyStep(step, options.onEvent, {
				...(options.completesStep === undefined ? {} : {completesStep: options.completesStep}),
				...(options.signal ? {signal: options.signal} : {}),
			});
		},
		// A step that failed has a run already (its failure came from it).
		leaveOut: (step, names) => run?.leaveOut(step, names),
		async finish() {
			saveAnswers();
			await (await runNow()).finish();
		},
		installedLayout: shown => installedLayout(system, shown ?? system.facts),
		summary: () => run?.summary() ?? nothingYet,
		close() {
			lock?.release();
			lock = undefined;
		},
	};
}

export type SetupOutcome = ApplyResult & {values: Values};

export type {ConfirmMoved} from './installed-layout.js';

export type SetupOptions = UseCaseOptions<ApplyEvent> & {
	// The plan the person was shown (planSetup's); made here when not given.
	plan?: Plan;
	// Asked before a file the summary did not show is written; without it the lines are said as
	// notices and the run goes on.
	confirmMoved?: ConfirmMoved;
};

// The whole setup without questions: every step of the plan in order, stopping at the first that
// fails or is stopped; the setup is marked finished only when every step is done. The files go
// where the source's packages were predicted to read them; after the install, where they do read.
export async function runSetup(system: System, answers: Answers, options: SetupOptions = {}): Promise<SetupOutcome> {
	refuseUnsafeRealRun(system, 'setup');
	// Every file the plan writes can be written, before anything is (planSetup checks it).
	const plan = options.plan ?? (await planSetupToRun(system, answers, options.signal));
	return runSetupPlan(system, answers, plan, {...options, replan: facts => buildPlan(plan.values, facts)});
}

export type SetupPlanOptions = UseCaseOptions<ApplyEvent> & {
	// The plan again for the facts found after the install (the layout the packages read); without
	// it the steps after the install are the ones given.
	replan?: (facts: Facts) => Plan;
	confirmMoved?: ConfirmMoved;
};

// The same with a plan made elsewhere (a cluster node's, kept to its role), already checked.
export async function runSetupPlan(system: System, answers: Answers, plan: Plan, options: SetupPlanOptions = {}): Promise<SetupOutcome> {
	const {values} = plan;
	const session = startSetup(system);
	session.keepAnswers(answers);
	try {
		let last: ApplyResult = {ok: true, ...session.summary()};
		let steps = plan.steps;
		for (let index = 0; index < steps.length; index++) {
			const step = steps[index]!;
			last = await session.applyStep(step, options);
			if (!last.ok) return {...last, values};
			if (step.id === 'install' && options.replan) {
				// The files go where the installed packages read them; what moved is said first.
				const notice = (line: string): void => options.onEvent?.({type: 'notice', line});
				const rest = await stepsForInstalledLayout(system, plan.facts, steps.slice(index + 1), {replan: options.replan, notice, ...(options.confirmMoved ? {confirmMoved: options.confirmMoved} : {})});
				if (!rest) return {...last, ok: false, stopped: true, ...session.summary(), values};
				steps = [...steps.slice(0, index + 1), ...rest];
			}
		}
		await session.finish();
		return {...last, ...session.summary(), values};
	} finally {
		session.close();
	}
}
