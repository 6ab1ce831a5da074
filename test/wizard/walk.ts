// Drives the wizard through its pages, accepting what each screen shows with Enter and waiting
// for every screen before typing. Works on an ink-testing-library app and on a real terminal
// (test/tmux) alike, through the two things it needs: wait for text, press Enter.
import {resolveValues} from '../../source/model/answers.js';
import type {Facts} from '../../source/model/facts.js';
import {buildPlan} from '../../source/model/plan.js';
import {findSetting} from '../../source/model/settings.js';
import {type Page, wizardPages} from '../../source/model/wizard-pages.js';
import type {TmuxSession} from '../tmux/tmux.js';
import {keys, press, waitForFrame} from '../ui/ink-keys.js';
import type {RenderedApp} from '../ui/render-wizard.js';

export type Screen = {waitFor(text: string | RegExp): Promise<unknown>; enter(): Promise<void>};

export const inkScreen = (app: RenderedApp): Screen => ({waitFor: text => waitForFrame(app, text), enter: () => press(app, keys.enter)});

export const tmuxScreen = (session: TmuxSession): Screen => ({waitFor: text => session.waitFor(text), enter: () => session.key('Enter')});

export const pagesFor = (facts: Facts, answers: Record<string, string> = {}): Page[] => wizardPages(buildPlan(resolveValues(answers), facts));

// Accepts every field as shown (Enter on each), then what the page will do.
export async function acceptPage(screen: Screen, page: Page): Promise<void> {
	for (const id of page.fields) {
		await screen.waitFor(`▸ ${findSetting(id)?.label}`);
		await screen.enter();
	}
	const steps: Record<Page['kind'], (string | RegExp)[]> = {
		welcome: ['Press Enter to begin'],
		checks: ['Press Enter to go on'],
		file: ['Press Enter to write'],
		commands: [/Press Enter to (run|write) it/, `${page.title} done. Press Enter`],
		services: ['Press Enter to start them', 'Press Enter for the summary'],
		done: ['Press Enter to exit'],
	};
	for (const prompt of steps[page.kind]) {
		await screen.waitFor(prompt);
		await screen.enter();
	}
}
