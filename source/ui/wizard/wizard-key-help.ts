// The keys each wizard screen answers to, for the help line; use-wizard-keys.ts maps the same keys.
import {findSetting} from '../../model/settings.js';
import {activeMode, type WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';
import {wholeFileKey} from '../components/file-preview/preview-rows.js';
import type {KeyHint} from '../components/key-help/KeyHelp.js';

const quit: KeyHint = {key: 'q', does: 'quit'};

// What Enter does on a review; the screen's prompt says the same. `unchanged`: every file the page
// writes already holds what it would write.
export function acceptWord(page: Page, unchanged = false): string {
	const actions = page.step?.actions ?? [];
	const files = actions.filter(action => action.kind === 'file').length;
	if (page.kind === 'services') return 'start them';
	if (page.kind === 'file' || (files > 0 && files === actions.length)) return unchanged ? 'go on' : files === 1 ? 'write it' : 'write them';
	return 'run it';
}

// Where Esc goes from a page that has run (or failed): back to its settings, or to its review.
function againWord(page: Page): string {
	if (page.kind === 'checks') return 'back';
	return page.fields.length > 0 ? 'back to its settings' : 'back to its review';
}

// The page previews files before it writes them: ↑↓ scroll them, f shows them whole.
export const writesFiles = (page: Page): boolean => (page.step?.actions ?? []).some(action => action.kind === 'file');

// `fromMenu`: the wizard was opened from the home menu, where Esc and q on the welcome go back.
export function wizardKeyHelp(state: WizardState, page: Page, fromMenu = false, unchanged = false): KeyHint[] {
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
			// Enter checks the value and moves on: to the next field, or from the last one to the review.
			const last = mode.focus >= page.fields.length - 1;
			const hints: KeyHint[] = [{key: 'Enter', does: last ? 'review' : 'next field'}];
			if (focused?.choices) hints.push({key: '↑↓', does: 'choose'});
			if (mode.focus > 0) hints.push({key: 'Shift+Tab', does: 'previous field'});
			return [...hints, {key: 'Esc', does: 'back'}, {key: 'Ctrl+C', does: 'quit'}];
		}
		case 'review':
			return [
				{key: 'Enter', does: acceptWord(page, unchanged)},
				...(writesFiles(page) ? [{key: '↑↓', does: 'scroll'}, {key: wholeFileKey, does: state.wholeFiles ? 'changes only' : 'whole file'}] : []),
				{key: 'Esc', does: 'back'},
				quit,
			];
		case 'running':
			return [{key: 'q', does: 'quit (stops what is running)'}];
		case 'finished':
			return [{key: 'Enter', does: 'next step'}, {key: 'Esc', does: againWord(page)}, quit];
		case 'failed':
			return [{key: 'r', does: 'retry'}, ...(mode.canSkip ? [{key: 's', does: 'skip it and go on'}] : []), {key: 'Esc', does: againWord(page)}, quit];
		case 'stopping':
			return [{key: '…', does: 'stopping what runs'}];
		case 'exit':
			return [];
	}
}
