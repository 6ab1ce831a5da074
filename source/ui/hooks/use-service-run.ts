// Follows a step of service restarts as the panes show it: the wizard's RunView (folded from the
// use case's events) and its StepOutput (each service's output in a buffer outside React). The
// status screen's, the edit screen's and the undo screen's restarts all use it.
import {useMemo, useState} from 'react';
import type {ApplyEvent} from '../../model/apply-events.js';
import type {Step} from '../../model/plan.js';
import {emptyRunView, type RunView, runViewReducer} from '../components/run/run-view.js';
import {StepOutput} from '../components/run/step-output.js';
import {useSyncReducer} from './use-sync-reducer.js';

export type RunListener = {
	// The step is about to run: its panes show it waiting.
	onStep(step: Step): void;
	onEvent(event: ApplyEvent): void;
};

export type ServiceRun = {
	view: RunView;
	output: StepOutput;
	// Calls `run` with a listener that fills the panes, and flushes the output when it ends.
	track<T>(run: (listener: RunListener) => Promise<T>): Promise<T>;
};

export function useServiceRun(): ServiceRun {
	const [view, fold] = useSyncReducer(runViewReducer, emptyRunView);
	const [output, setOutput] = useState(() => new StepOutput());
	const track = useMemo(
		() =>
			async <T,>(run: (listener: RunListener) => Promise<T>): Promise<T> => {
				let out = new StepOutput();
				let current = 0;
				try {
					return await run({
						onStep(step) {
							out = new StepOutput();
							setOutput(out);
							fold.dispatch({type: 'begin', actions: step.actions, from: 0});
						},
						onEvent(event) {
							if (event.type === 'action-start') current = event.index;
							if (event.type === 'output') out.line(current, event.action, event.line, event.stream);
							else fold.dispatch({type: 'event', event, offset: 0});
						},
					});
				} finally {
					out.flush();
				}
			},
		[fold],
	);
	return {view, output, track};
}
