// What every wizard screen is given: the state to render, where to send actions, the run so far
// and the rows and columns it may use.
import type {Dispatch} from 'react';
import type {WizardAction, WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';
import type {ApplyRun} from '../../system/apply-plan.js';
import type {RunView} from '../components/run/run-view.js';
import type {StepOutput} from '../components/run/step-output.js';

export type ScreenProps = {
	state: WizardState;
	dispatch: Dispatch<WizardAction>;
	page: Page;
	pages: readonly Page[];
	view: RunView;
	output: StepOutput;
	run?: ApplyRun;
	height: number;
	width: number;
};
