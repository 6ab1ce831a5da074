// Carries out the current page's actions when the wizard state says `running`: one ApplyRun for
// the whole wizard (one journal, one log, one run id), the page's actions from `fromAction` on,
// events folded into a RunView and output lines into a StepOutput; then `run-ended`.
import {type Dispatch, useEffect, useReducer, useRef, useState} from 'react';
import {errorMessage} from '../../model/errors.js';
import type {WizardAction, WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';
import type {ApplyRun} from '../../system/apply-plan.js';
import {startSetupRun} from '../../system/setup-run.js';
import type {System} from '../../system/system.js';
import {emptyRunView, runNotice, runViewReducer, type RunView} from '../components/run/run-view.js';
import {StepOutput} from '../components/run/step-output.js';

export type StepRunner = {run?: ApplyRun; view: RunView; output: StepOutput};

export function useStepRunner(system: System, state: WizardState, page: Page, dispatch: Dispatch<WizardAction>): StepRunner {
	const runRef = useRef<ApplyRun | undefined>(undefined);
	const [output, setOutput] = useState(() => new StepOutput());
	const [view, changeView] = useReducer(runViewReducer, emptyRunView);
	const viewRef = useRef(view);
	viewRef.current = view;

	useEffect(() => {
		const step = page.step;
		if (state.phase !== 'running' || !step) return;
		// A setup that was stopped goes on under its id, so its journal (and undo) covers all of it.
		const started = runRef.current ? Promise.resolve(runRef.current) : startSetupRun(system, state.carried);
		const offset = state.fromAction;
		const actions = step.actions.slice(offset);
		// A retry or a skip goes on in the same pane; a new page starts with an empty one.
		const out = offset === 0 ? new StepOutput() : output;
		setOutput(out);
		changeView({type: 'begin', actions: step.actions, from: offset});
		let current = offset;
		// Folded here as well as in React state: the notice at the end needs the final view now.
		let folded = runViewReducer(viewRef.current, {type: 'begin', actions: step.actions, from: offset});
		void started
			.then(run => {
				runRef.current = run;
				return run.applyStep(
					{...step, actions},
					event => {
						if (event.type === 'output') {
							out.line(current, event.action, event.line, event.stream);
							return;
						}
						if (event.type === 'action-start') current = offset + event.index;
						folded = runViewReducer(folded, {type: 'event', event, offset});
						changeView({type: 'event', event, offset});
					},
					{completesStep: page.completesStep},
				);
			})
			.then(result => {
				out.flush();
				const failedIndex = result.failed ? offset + actions.indexOf(result.failed.action) : undefined;
				const notice = runNotice(folded);
				dispatch({
					type: 'run-ended',
					ok: result.ok,
					...(failedIndex === undefined ? {} : {failedIndex}),
					...(result.failed ? {message: result.failed.outcome.message} : {}),
					...(notice ? {notice} : {}),
				});
			})
			.catch((error: unknown) => {
				out.flush();
				dispatch({type: 'run-ended', ok: false, failedIndex: current, message: errorMessage(error)});
			});
		// Only a new run token starts a run; the rest of the state is read as it is at that moment.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [state.runToken]);

	return {...(runRef.current ? {run: runRef.current} : {}), view, output};
}
