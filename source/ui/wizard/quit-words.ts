// What quitting does, said before (the question) and after (the line left on the terminal): a run
// under way is stopped and recorded as stopped, nothing after it runs, files written stay, and
// the next start offers to continue, but only where something was changed at all.
import type {RunSummary} from '../../model/apply-events.js';
import {activeMode, type WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';

const stepTitle = (page: Page): string => page.step?.title ?? page.title;

const kept = 'Files written so far stay (mesos-setup undo puts them back)';

export function quitQuestion(state: WizardState, page: Page, summary: RunSummary | undefined, dryRun: boolean): string {
	const running = activeMode(state).kind === 'running';
	if (running) {
		return `Quit now? ${stepTitle(page)} is stopped: what it runs is ended, the step is recorded as stopped, not done, and nothing after it runs. ${
			dryRun ? 'This is a dry run: nothing is changed.' : `${kept}; the next mesos-setup offers to continue at ${stepTitle(page)}.`
		} (y/n)`;
	}
	if (dryRun) return 'Quit now? This is a dry run: nothing was changed. (y/n)';
	if (!summary?.recorded) return 'Quit now? Nothing has been changed on this machine yet. (y/n)';
	return `Quit now? Nothing is running. ${kept}; the next mesos-setup offers to continue where this one stopped. (y/n)`;
}

// The line printed once the screen is gone.
export function farewell(state: WizardState, page: Page, summary: RunSummary | undefined): string | undefined {
	const mode = state.mode;
	if (mode.kind !== 'exit' || mode.reason === 'finished') return undefined;
	if (mode.reason === 'stopped') {
		return `Stopped at ${stepTitle(page)}: what it ran was ended, and the step is recorded as stopped; nothing after it ran. ${
			summary?.recorded ? `${kept}. Run mesos-setup again to continue at ${stepTitle(page)}.` : 'Nothing had been changed.'
		}`;
	}
	if (page.kind === 'done') return undefined;
	if (!summary?.recorded) return 'Quit: nothing was changed.';
	// A page whose step ended (done, or done but for what was skipped) was quit after it, not in it.
	const where = state.marks[page.id] ? 'after' : 'at';
	// What `s` left out is not written: the saved progress says so, and continuing does it again.
	const leftOut = Object.values(state.skipped).flat();
	const again = leftOut.length > 0 ? ` Skipped, not carried out: ${leftOut.join(', ')}; continuing carries out their steps again.` : '';
	return `Quit ${where} ${stepTitle(page)}. ${kept}; run mesos-setup again to continue where this one stopped.${again}`;
}
