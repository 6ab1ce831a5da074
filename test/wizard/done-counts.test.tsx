// Review 3, #18: Done's "What changed" counted the preflight's skipped checks among the "commands
// shown, not run", and a run done again in one session (Esc from the finished run back to the
// summary, Enter again) added both runs' counts. A rehearsal's Done counts the commands of the
// plan, once, however often the run was done.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {buildPlan} from '../../source/model/plan.js';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderWizard, resizeTo} from '../ui/render-wizard.js';
import {acceptPage, inkScreen, pagesFor} from './walk.js';

afterEach(() => cleanup());

const whatChanged = (frame: string): string => /What changed: ([^\n]*)/.exec(frame)?.[1]?.trim() ?? '';

describe('Done after a rehearsal', () => {
	it('counts the commands of the plan, not its checks, and once when the run was done twice', async () => {
		const app = await renderWizard();
		resizeTo(app, {columns: 120, rows: 40});
		const pages = pagesFor(app.system.facts);
		// In a rehearsal every command (a key import, an apt-get, a service start) is shown, not run.
		const commands = buildPlan(resolveValues({}), app.system.facts).steps.flatMap(step => step.actions).filter(action => action.kind === 'run' || action.kind === 'import-key' || action.kind === 'service').length;
		// The run to its end, then from its last page back to the summary (Esc) and the run again.
		const summary = pages.findIndex(page => page.kind === 'summary');
		for (const page of pages.slice(0, -2)) await acceptPage(inkScreen(app), page);
		await waitForFrame(app, 'Press Enter to finish', 60_000);
		await press(app, keys.escape);
		await waitForFrame(app, 'Press Enter to start the run');
		await press(app, keys.enter);
		for (const page of pages.slice(summary + 1, -1)) await acceptPage(inkScreen(app), page);
		const said = whatChanged(await waitForFrame(app, 'Press Enter to exit.'));
		expect(said).toMatch(new RegExp(`^\\d+ files written, ${commands} commands shown, not run \\(a rehearsal\\)$`));
	});
});
