// The keys each wizard screen answers to, for the help line; use-wizard-keys.ts maps the same keys.
import {findSetting} from '../../model/settings.js';
import {activeMode, type WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';
import {wholeFileKey} from '../components/file-preview/preview-rows.js';
import type {KeyHint} from '../components/key-help/KeyHelp.js';

const quit: KeyHint = {key: 'q', does: 'quit'};

// The summary's key that opens (and closes) the diff of the file under the cursor.
export const diffKey = 'd';

// Where Esc goes from a page that has run (or failed).
const againWord = (page: Page, state: WizardState): string => (page.kind === 'checks' ? (state.recheck ? 'back to the settings' : 'back') : 'back to the summary');
const nextWord = (page: Page, state: WizardState): string => (page.kind === 'services' ? 'finish' : page.kind === 'checks' ? (state.recheck ? 'the summary' : 'the settings') : 'next step');

const overviewEnter = ['continue', 'walk every page'];

// `fromMenu`: the wizard was opened from the home menu, where Esc and q on the welcome go back.
export function wizardKeyHelp(state: WizardState, page: Page, fromMenu = false): KeyHint[] {
	if (state.mode.kind === 'quitting') return [{key: 'y', does: 'quit now'}, {key: 'n', does: 'stay'}];
	const mode = activeMode(state);
	switch (mode.kind) {
		case 'welcome': {
			if (mode.offer === 'rehearsing') return [{key: 'Ctrl+C', does: 'quit'}];
			const leave: KeyHint = fromMenu ? {key: 'Esc', does: 'back to the menu'} : quit;
			if (mode.offer === 'ready') return [{key: 'Enter', does: 'start'}, leave];
			return [{key: '↑↓', does: 'choose'}, {key: 'Enter', does: 'accept'}, leave];
		}
		case 'done':
			return [{key: 'Enter', does: 'exit'}];
		case 'fields': {
			const focused = findSetting(page.fields[mode.focus]);
			// Enter checks the value and moves on: to the next field, or from the last one to the next page
			// (on a guided walk) or back to the list.
			const last = mode.focus >= page.fields.length - 1;
			const hints: KeyHint[] = [{key: 'Enter', does: last ? (state.guided ? 'next page' : 'back to the list') : 'next field'}];
			if (focused?.choices) hints.push({key: '↑↓', does: 'choose'});
			// Esc keeps what was typed (leaveFields), which Enter would refuse if not allowed: said here,
			// in the 80 columns a footer has; Tab and Shift+Tab are said on the page (QuestionsScreen).
			return [...hints, {key: 'Esc', does: 'back, keeping what you typed'}, {key: 'Ctrl+C', does: 'quit'}];
		}
		case 'overview':
			return [{key: 'Enter', does: overviewEnter[mode.cursor] ?? 'change it'}, {key: '↑↓', does: 'choose'}, {key: 'Esc', does: 'back'}, quit];
		case 'summary':
			return [
				{key: 'Enter', does: 'start the run'},
				{key: '↑↓', does: mode.open ? 'scroll' : 'choose a file'},
				{key: diffKey, does: mode.open ? 'close the diff' : 'show its diff'},
				...(mode.open ? [{key: wholeFileKey, does: state.wholeFiles ? 'changes only' : 'whole file'}] : []),
				{key: 'Esc', does: 'back'},
				quit,
			];
		case 'running':
			return [{key: 'q', does: 'quit (stops what is running)'}];
		case 'finished':
			return [{key: 'Enter', does: nextWord(page, state)}, {key: 'Esc', does: againWord(page, state)}, quit];
		case 'moved':
			return [{key: 'Enter', does: 'write them and go on'}, quit];
		case 'failed':
			return [{key: 'r', does: 'retry'}, ...(mode.canSkip ? [{key: 's', does: 'skip it and go on'}] : []), {key: 'Esc', does: againWord(page, state)}, quit];
		case 'stopping':
			return [{key: '…', does: 'stopping what runs'}];
		case 'exit':
			return [];
	}
}
