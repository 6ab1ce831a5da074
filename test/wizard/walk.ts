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

export type Screen = {waitFor(text: string | RegExp): Promise<unknown>; enter(): Promise<void>};

export const inkScreen = (app: RenderedApp): Screen => ({waitFor: text => waitForFrame(app, text), enter: async () => void (await press(app, keys.enter))});

export const tmuxScreen = (session: TmuxSession): Screen => ({waitFor: text => session.waitFor(text), enter: () => session.key('Enter')});

export const pagesFor = (facts: Facts, answers: Record<string, string> = {}): Page[] => wizardPages(buildPlan(resolveValues(answers), facts));

const literally = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What says this page, and no other, is the one on screen. A file page: its heading ("Configuration
// file 3 of 15: /etc/mesos/zk", the path maybe on the next row). Any other page: its title marked
// current in the step list ("▸ Repository", not "▸ Repository key"), or named in the title row of a
// narrow terminal.
export function pageShown(page: Page): RegExp {
	const title = literally(page.title);
	// The path goes to the next row when the heading does not fit (past the step list there).
	if (page.kind === 'file') return new RegExp(`Configuration file \\d+ of \\d+:(?: |[ \\t]*\\n(?:[^\\n]*\\s)?)${title}(?=\\s|$)`, 'm');
	return new RegExp(`^▸ ${title}(?= {2}|[ \\t]*$)|· step \\d+ of \\d+: ${title}(?= ·|[ \\t]*$)`, 'm');
}

// Waits for the page itself, then accepts every field as shown (Enter on each), then what the page
// will do. The page's own heading first: two pages without fields can end on the same prompt
// (environment, then simplelogger.properties), and the first one's would otherwise be answered twice.
export async function acceptPage(screen: Screen, page: Page): Promise<void> {
	await screen.waitFor(pageShown(page));
	for (const id of page.fields) {
		await screen.waitFor(`▸ ${findSetting(id)?.label}`);
		await screen.enter();
	}
	const steps: Record<Page['kind'], (string | RegExp)[]> = {
		welcome: ['Press Enter to begin'],
		checks: ['Press Enter to go on'],
		// A file already as planned has nothing to write: its page says so and goes on.
		file: [/Press Enter to write|Nothing to write: it already holds these values\. Press Enter to go on/],
		commands: [/Press Enter to (run it|write|go on)/, `${page.title} done. Press Enter`],
		services: ['Press Enter to start them', 'Press Enter for the summary'],
		done: ['Press Enter to exit'],
	};
	for (const prompt of steps[page.kind]) {
		await screen.waitFor(prompt);
		await screen.enter();
	}
}
