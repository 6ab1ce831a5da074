// Drives the wizard through its pages, accepting what each screen shows with Enter and waiting
// for every screen before typing. Works on an ink-testing-library app and on a real terminal
// (test/helpers/tmux.ts) alike, through the two things it needs: wait for text, press Enter.
import {resolveValues} from '../../source/model/answers.js';
import type {Facts} from '../../source/model/facts.js';
import {buildPlan} from '../../source/model/plan.js';
import {findSetting} from '../../source/model/settings.js';
import {type Page, wizardPages} from '../../source/model/wizard-pages.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import type {RenderedApp} from '../ui/render-wizard.js';

export type Screen = {waitFor(text: string | RegExp, timeoutMs?: number): Promise<unknown>; enter(): Promise<void>};

export const inkScreen = (app: RenderedApp): Screen => ({waitFor: (text, timeoutMs) => waitForFrame(app, text, timeoutMs), enter: async () => void (await press(app, keys.enter))});

export const tmuxScreen = (session: TmuxSession): Screen => ({waitFor: (text, timeoutMs) => session.waitFor(text, timeoutMs), enter: () => session.key('Enter')});

export const pagesFor = (facts: Facts, answers: Record<string, string> = {}): Page[] => wizardPages(buildPlan(resolveValues(answers), facts));

const literally = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What says this page, and no other, is the one on screen. A question page: its heading ("Settings
// page 3 of 15: /etc/mesos/zk", the path maybe on the next row). Any other page: its title marked
// current in the step list ("▸ Repository", not "▸ Repository key"), or named in the title row of a
// narrow terminal.
export function pageShown(page: Page): RegExp {
	const title = literally(page.title);
	// The path goes to the next row when the heading does not fit (past the step list there).
	if (page.kind === 'questions') return new RegExp(`Settings page \\d+ of \\d+:(?: |[ \\t]*\\n(?:[^\\n]*\\s)?)${title}(?=\\s|$)`, 'm');
	return new RegExp(`^▸ ${title}(?= {2}|[ \\t]*$)|· step \\d+ of \\d+: ${title}(?= ·|[ \\t]*$)`, 'm');
}

// A page after a step of the run waits for that step's work, not for a key.
const pageAfterRunMs = 60_000;

// Walks a page with Enter, as a person taking every default does. The question pages are not
// visited (the settings page continues with the values shown) and the run's pages follow one
// another without a key, so those two wait for nothing; every other page waits for its own
// heading, then its prompt.
export async function acceptPage(screen: Screen, page: Page): Promise<void> {
	const prompts: Record<Page['kind'], (string | RegExp)[]> = {
		welcome: ['Press Enter to begin'],
		checks: ['Press Enter to go on'],
		settings: ['❯ Continue with these values'],
		questions: [],
		summary: ['Press Enter to start the run'],
		commands: [],
		services: ['Press Enter to finish'],
		done: ['Press Enter to exit'],
	};
	const steps = prompts[page.kind];
	if (steps.length === 0) return;
	// The page before may be a step of the run, which ends when its work does (a row of files
	// written and synced), not at a key: a loaded machine stretched one past 10 s in CI.
	await screen.waitFor(pageShown(page), pageAfterRunMs);
	for (const prompt of steps) {
		await screen.waitFor(prompt);
		await screen.enter();
	}
}

// Walks one question page with Enter on every field, as the guided walk does.
export async function answerPage(screen: Screen, page: Page): Promise<void> {
	await screen.waitFor(pageShown(page));
	for (const id of page.fields) {
		await screen.waitFor(`▸ ${findSetting(id)?.label}`);
		await screen.enter();
	}
}

// From the welcome through the preflight to the settings at a glance, "continue" under the cursor.
export async function toSettingsList(app: RenderedApp): Promise<string> {
	await waitForFrame(app, 'Press Enter to begin');
	await press(app, keys.enter);
	await waitForFrame(app, 'Press Enter to go on to the settings');
	await press(app, keys.enter);
	return waitForFrame(app, '❯ Continue with these values');
}
