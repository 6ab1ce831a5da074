// The keys each wizard screen answers to, for the help line; use-wizard-keys.ts maps the same keys.
import {findSetting} from '../../model/settings.js';
import type {WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';
import type {KeyHint} from '../components/key-help/key-help.js';

const quit: KeyHint = {key: 'q', does: 'quit'};

function acceptWord(page: Page): string {
	switch (page.kind) {
		case 'file':
			return 'write it';
		case 'services':
			return 'start them';
		default:
			return 'run it';
	}
}

export function wizardKeys(state: WizardState, page: Page): KeyHint[] {
	if (state.quitting) return [{key: 'y', does: 'quit now'}, {key: 'n', does: 'stay'}];
	if (page.kind === 'welcome') {
		if (state.welcome === 'rehearsing') return [{key: 'Ctrl+C', does: 'quit'}];
		if (state.welcome === 'ready') return [{key: 'Enter', does: 'start'}, quit];
		return [{key: '↑↓', does: 'choose'}, {key: 'Enter', does: 'accept'}, quit];
	}
	if (page.kind === 'done') return [{key: 'Enter', does: 'exit'}];
	switch (state.phase) {
		case 'fields': {
			const focused = findSetting(page.fields[state.focus] ?? '');
			const hints: KeyHint[] = [{key: 'Enter', does: 'accept'}];
			if (focused?.choices) hints.push({key: '↑↓', does: 'choose'});
			if (page.fields.length > 1) hints.push({key: 'Tab', does: 'next field'});
			return [...hints, {key: 'Esc', does: 'back'}, {key: 'Ctrl+C', does: 'quit'}];
		}
		case 'review':
			return [{key: 'Enter', does: acceptWord(page)}, ...(page.kind === 'file' ? [{key: '↑↓', does: 'scroll'}] : []), {key: 'Esc', does: 'back'}, quit];
		case 'running':
			return [{key: 'q', does: 'quit (stops what is running)'}];
		case 'finished':
			return [{key: 'Enter', does: 'next step'}, {key: 'Esc', does: page.kind === 'checks' ? 'back' : 'do it again'}, quit];
		case 'failed':
			return [{key: 'r', does: 'retry'}, {key: 's', does: 'skip it and go on'}, {key: 'Esc', does: page.fields.length > 0 ? 'change settings' : 'back'}, quit];
	}
}
