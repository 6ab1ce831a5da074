// Follows a step of service restarts as the panes show it: the wizard's RunView (folded from
// ApplyRun's events) and its StepOutput (each service's output in a buffer outside React). The
// status screen's restart and the edit screen's restart both use it.
import {useMemo, useState} from 'react';
import type {Step} from '../../model/plan.js';
import type {ApplyEvent, ApplyResult} from '../../system/apply-plan.js';
import {emptyRunView, type RunView, runViewReducer} from '../components/run/run-view.js';
import {StepOutput} from '../components/run/step-output.js';
import {useSyncReducer} from '../components/use-sync-reducer.js';

export type ServiceRun = {
	view: RunView;
	output: StepOutput;
	// Shows `step` as waiting, then calls `apply` with the listener that fills the panes.
	track(step: Step, apply: (onEvent: (event: ApplyEvent) => void) => Promise<ApplyResult>): Promise<ApplyResult>;
};

export function useServiceRun(): ServiceRun {
	const [view, fold] = useSyncReducer(runViewReducer, emptyRunView);
	const [output, setOutput] = useState(() => new StepOutput());
	const track = useMemo(
		() => async (step: Step, apply: (onEvent: (event: ApplyEvent) => void) => Promise<ApplyResult>) => {
			const out = new StepOutput();
			setOutput(out);
			fold.dispatch({type: 'begin', actions: step.actions, from: 0});
			let current = 0;
			try {
				return await apply(event => {
					if (event.type === 'action-start') current = event.index;
					if (event.type === 'output') out.line(current, event.action, event.line, event.stream);
					else fold.dispatch({type: 'event', event, offset: 0});
				});
			} finally {
				out.flush();
			}
		},
		[fold],
	);
	return {view, output, track};
}
