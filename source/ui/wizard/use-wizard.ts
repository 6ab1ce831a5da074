// The wizard's state and the runs it asks for. The state lives in one reducer (model/wizard-state)
// dispatched through useSyncReducer, so keys that come together are applied one by one. `send`
// dispatches an action and then does what the new state asks of the world, at once: a page's run
// starts when the mode becomes running (through the setup use case, with an AbortSignal), a quit
// confirmed during a run aborts it, the rehearsal is prepared, the end is recorded, and the exit
// is reported. The run's events are folded into a RunView and its output into a StepOutput.
import {useEffect, useMemo, useState} from 'react';
import {type Answers, resolveValues} from '../../model/answers.js';
import type {RunSummary} from '../../model/apply-events.js';
import {errorMessage, errorWithDetail, InputError, targetsInTrouble} from '../../model/errors.js';
import type {Action} from '../../model/plan.js';
import {actionsInTrouble, actionsToRun} from '../../model/step-refusal.js';
import {predictionKey} from '../../model/layout-prediction.js';
import {wizardReducer} from '../../model/wizard-reducer.js';
import {activeMode, currentPage, initialWizardState, pagesOf, type WelcomeChoice, welcomeOn, type WizardAction, type WizardState} from '../../model/wizard-state.js';
import type {SetupSession} from '../../use-cases/setup.js';
import {emptyRunView, runNotice, runViewReducer, type RunView} from '../components/run/run-view.js';
import {StepOutput} from '../components/run/step-output.js';
import {type SyncReducer, useSyncReducer} from '../hooks/use-sync-reducer.js';
import {useLayoutPrediction} from '../hooks/use-layout-prediction.js';
import {useSystem} from '../hooks/use-system.js';
import {useUseCases} from '../hooks/use-use-cases.js';

export type WizardExit = {code: number; state: WizardState; summary?: RunSummary};

export type WizardOptions = {
	answers: Answers;
	// Switches to a sandbox System; undefined when the command line cannot offer one.
	rehearse?: () => Promise<void>;
	// Opened from the home menu: back to it from the welcome (Esc or q).
	onBack?: () => void;
	// The welcome's choice under the cursor at the start (back from the machine list: several).
	startOn?: WelcomeChoice;
	onExit: (exit: WizardExit) => void;
};

type Driver = {
	send(action: WizardAction): void;
	// The wizard is going away: a run under way is stopped, and nothing more is reported.
	abandon(): void;
	summary(): RunSummary | undefined;
};

type DriverDeps = {
	store: SyncReducer<WizardState, WizardAction>;
	fold: SyncReducer<RunView, Parameters<typeof runViewReducer>[1]>;
	startSetup: (continueRun: boolean) => SetupSession;
	onOutput: (output: StepOutput) => void;
	// The latest callbacks from the props (they are functions, not state).
	latest: {current: Pick<WizardOptions, 'rehearse' | 'onExit'>};
};

// A step refused before anything changed (the first that changes the machine) is bad input to the
// command line; the wizard says it as the step that did not start, as it does for a later step,
// without the command line's "run the same command again" (its panel offers r and s).
function refusalMessage(title: string, error: unknown): string {
	if (targetsInTrouble(error).length === 0) return errorWithDetail(error);
	return error instanceof InputError ? `${title} did not start: ${error.problems.join(' ')}` : errorMessage(error);
}

function createDriver({store, fold, startSetup, onOutput, latest}: DriverDeps): Driver {
	let session: SetupSession | undefined;
	// The run under way, if any: its mode is running (or stopping) exactly while this is set.
	let running: AbortController | undefined;
	let output = new StepOutput();
	let keptAnswers: Answers | undefined;
	// What the session was last told `s` left out (state.skipped, by page).
	let toldSkipped: WizardState['skipped'] = {};
	let rehearsing = false;
	// Marking the setup finished (journal and progress): the lock goes only once it is done.
	let finishing: Promise<void> | undefined;
	let exited = false;

	const sessionFor = (state: WizardState): SetupSession => (session ??= startSetup(state.continueRun));

	function startRun(state: WizardState, from: number, skipping: readonly number[] = []): void {
		const {page} = currentPage(state);
		const {step} = page;
		if (!step) return;
		// The page's actions this run carries out, by their index on the page.
		const order = actionsToRun(step.actions.length, from, skipping);
		const pageIndex = (event: {index: number}): number => order[event.index] ?? from;
		const current = sessionFor(state);
		keepAnswers(state);
		const controller = new AbortController();
		running = controller;
		// A retry or a skip goes on in the same pane; a new page starts with an empty one.
		if (from === 0) {
			output = new StepOutput();
			onOutput(output);
		}
		const out = output;
		fold.dispatch({type: 'begin', actions: step.actions, from, skipped: skipping});
		let at = order[0] ?? from;
		current
			.applyStep(
				{...step, actions: order.map(index => step.actions[index] as Action)},
				{
					completesStep: page.completesStep,
					signal: controller.signal,
					onEvent: event => {
						if (event.type === 'output') {
							out.line(at, event.action, event.line, event.stream);
							return;
						}
						// What was found before the run (a stale lock taken over): said in the page's log.
						if (event.type === 'notice') {
							out.all.push(event.line, 'stdout');
							return;
						}
						if (event.type === 'action-start') at = pageIndex(event);
						fold.dispatch({type: 'event', event: event.type === 'action-start' || event.type === 'action-end' ? {...event, index: pageIndex(event)} : event, offset: 0});
					},
				},
			)
			// After the install, the machine is asked again what the installed packages read.
			.then(async result => ({result, facts: result.ok && step.id === 'install' ? await current.installedLayout(state.facts) : undefined}))
			.then(
				({result, facts}) => {
					running = undefined;
					out.flush();
					const failedIndex = result.failed ? step.actions.indexOf(result.failed.action) : undefined;
					const notice = runNotice(fold.get());
					send({
						type: 'run-ended',
						ok: result.ok,
						...(result.stopped ? {stopped: true} : {}),
						...(failedIndex === undefined ? {} : {failedIndex}),
						...(result.failed ? {message: result.failed.outcome.message} : {}),
						...(notice ? {notice} : {}),
						...(facts ? {facts} : {}),
					});
				},
				(error: unknown) => {
					running = undefined;
					out.flush();
					// A step refused before it started names the files in the way: those actions are blamed.
					const refused = actionsInTrouble(step.actions, order, targetsInTrouble(error));
					send({type: 'run-ended', ok: false, failedIndex: at, ...(refused.length > 0 ? {refused} : {}), message: refusalMessage(step.title, error)});
				},
			);
	}

	function keepAnswers(state: WizardState): void {
		if (!session || state.answers === keptAnswers) return;
		keptAnswers = state.answers;
		session.keepAnswers(state.answers);
	}

	// What `s` left out goes into the saved progress before the page goes on, so a run that
	// continues later does that step again rather than take the files left out for written.
	function tellSkipped(state: WizardState): void {
		if (state.skipped === toldSkipped || !session) return;
		toldSkipped = state.skipped;
		for (const page of pagesOf(state)) {
			const names = state.skipped[page.id];
			if (page.step && names && names.length > 0) session.leaveOut(page.step.id, names);
		}
	}

	// What the state asks of the world, done once.
	function follow(): void {
		const state = store.get();
		const mode = activeMode(state);
		keepAnswers(state);
		tellSkipped(state);
		if (mode.kind === 'running' && !running) startRun(state, mode.from, mode.skipping);
		if (mode.kind === 'stopping') running?.abort();
		if (mode.kind === 'welcome' && mode.offer === 'rehearsing' && !rehearsing) {
			rehearsing = true;
			const {rehearse} = latest.current;
			if (!rehearse) send({type: 'rehearsal-failed', message: 'A rehearsal cannot be started from here: run mesos-setup --root ./mesos-rehearsal instead.'});
			else rehearse().catch((error: unknown) => send({type: 'rehearsal-failed', message: `The rehearsal could not start: ${errorMessage(error)}`}));
		}
		if (mode.kind === 'welcome' && mode.offer !== 'rehearsing') rehearsing = false;
		// Reaching the end marks the setup finished, so the next start offers the menu.
		if (mode.kind === 'done' && !finishing) {
			// Not marked finished (a full disk) only means the next setup continues this run's journal.
			finishing = sessionFor(state)
				.finish()
				.catch(() => undefined);
		}
		if (mode.kind === 'exit' && !exited) {
			exited = true;
			close();
			latest.current.onExit({code: mode.code, state, ...(session ? {summary: session.summary()} : {})});
		}
	}

	// The session is over: its run lock goes, once the end is recorded.
	function close(): void {
		const current = session;
		void (finishing ?? Promise.resolve()).then(() => current?.close());
	}

	function send(action: WizardAction): void {
		store.dispatch(action);
		follow();
	}

	return {
		send,
		abandon() {
			if (!exited) close();
			exited = true;
			running?.abort();
		},
		summary: () => session?.summary(),
	};
}

export function useWizard(options: WizardOptions) {
	const system = useSystem();
	const useCases = useUseCases();
	const [initial] = useState(() => welcomeOn(initialWizardState({facts: system.facts, answers: options.answers, sandbox: system.sandbox, progress: useCases.savedProgress()}), options.startOn));
	const [state, store] = useSyncReducer(wizardReducer, initial);
	const [view, fold] = useSyncReducer(runViewReducer, emptyRunView);
	const [output, setOutput] = useState(() => new StepOutput());
	const [latest] = useState(() => ({current: options}));
	latest.current = options;
	const [driver] = useState(() => createDriver({store, fold, startSetup: continueRun => useCases.startSetup({continueRun}), onOutput: setOutput, latest}));
	// A run under way when the wizard goes away (the program ends) is stopped with it.
	useEffect(() => () => driver.abandon(), [driver]);
	const {answers, facts} = state;
	// The layout the chosen source's packages will read, predicted again whenever the source changes.
	const source = useMemo(() => predictionKey(resolveValues(answers)), [answers]);
	useLayoutPrediction({
		key: source,
		predict: signal => useCases.predictLayout(store.get().answers, signal),
		// Not predicted at all: the machine's own facts (the article's layout), said as assumed.
		fallback: () => system.facts,
		onPredicted: (key, predicted) => driver.send({type: 'layout-predicted', source: key, facts: predicted}),
	});
	const pages = useMemo(() => pagesOf({answers, facts}), [answers, facts]);
	const {page, index} = currentPage(state, pages);
	return {state, send: driver.send, store, pages, page, index, view, output, summary: driver.summary()};
}
