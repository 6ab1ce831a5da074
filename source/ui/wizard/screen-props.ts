// What every wizard screen is given: the state to render, where to send actions, the run so far
// and the rows and columns it may use.
import type {RunSummary} from '../../model/apply-events.js';
import type {WizardAction, WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';
import type {RunView} from '../components/run/run-view.js';
import type {ScrollLimit} from '../components/scroll/scroll-window.js';
import type {StepOutput} from '../components/run/step-output.js';

export type ScreenProps = {
	state: WizardState;
	send: (action: WizardAction) => void;
	page: Page;
	pages: readonly Page[];
	view: RunView;
	output: StepOutput;
	// What this session's run has done (counts, files, backups, log); none before it starts.
	summary?: RunSummary;
	height: number;
	width: number;
	// What scrolls on the screen (the summary's diff, the checks' list) says here how far it goes.
	scrollLimit: ScrollLimit;
};
