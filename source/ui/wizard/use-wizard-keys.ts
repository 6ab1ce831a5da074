// Maps keys to wizard actions, one key at a time, reading the state the moment each key comes
// (store.get()), so keys that arrive together are applied in order. Text typed into a field edits
// it through the reducer; Enter submits it. Ctrl+C (and a signal) is "stop": the first asks, as q
// does; the second, or y, quits, and stops what runs. Opened from the home menu, Esc and q on the
// welcome go back to the menu (`leave`).
import {findSetting} from '../../model/settings.js';
import {currentPage, type WizardAction, type WizardState} from '../../model/wizard-state.js';
import {fieldActionOf} from '../components/keys/field-action-of.js';
import {isChar, isKey, type KeyPress} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import {useStop} from '../components/keys/use-stop.js';
import {wholeFileKey} from '../components/file-preview/preview-rows.js';
import type {ScrollLimit} from '../components/scroll/scroll-window.js';
import {diffKey} from './wizard-key-help.js';
import type {SyncReducer} from '../hooks/use-sync-reducer.js';

// A page that ran: its list of outcomes scrolls where it is taller than its rows (the checks' at 80×24
// with many ports held); elsewhere the arrows do nothing (scrollMax is 0).
function scrollOf(press: KeyPress, scrollMax: number): WizardAction | undefined {
	if (scrollMax <= 0) return undefined;
	if (isKey(press, 'up')) return {type: 'scroll', delta: -1, max: scrollMax};
	if (isKey(press, 'down')) return {type: 'scroll', delta: 1, max: scrollMax};
	return undefined;
}

// `scrollMax`: how far what scrolls on the screen goes, as it last said (ScrollLimit).
export function wizardActionOf(state: WizardState, press: KeyPress, canLeave: boolean, scrollMax = 0): WizardAction | 'leave' | undefined {
	const {mode} = state;
	if (mode.kind === 'quitting') {
		if (isChar(press, 'y')) return {type: 'quit'};
		if (isChar(press, 'n') || isKey(press, 'escape')) return {type: 'stay'};
		return undefined;
	}
	const {page} = currentPage(state);
	switch (mode.kind) {
		case 'welcome':
			if (mode.offer === 'rehearsing') return undefined;
			if (canLeave && (isKey(press, 'escape') || isChar(press, 'q'))) return 'leave';
			if (isChar(press, 'q')) return {type: 'ask-quit'};
			if (isKey(press, 'return')) return {type: 'accept'};
			if (isKey(press, 'up')) return {type: 'choose', delta: -1};
			if (isKey(press, 'down')) return {type: 'choose', delta: 1};
			return undefined;
		case 'fields': {
			const choices = Boolean(findSetting(page.fields[mode.focus])?.choices);
			if (isKey(press, 'return')) return {type: 'submit-field'};
			if (isKey(press, 'escape')) return {type: 'back'};
			if (isKey(press, 'tab')) return {type: 'focus-field', delta: 1};
			if (isKey(press, 'backtab')) return {type: 'focus-field', delta: -1};
			const edit = fieldActionOf(press, choices);
			if (edit) return {type: 'field', action: edit};
			// Up and down move between fields, except in a list of choices, where they choose.
			if (isKey(press, 'up')) return {type: 'focus-field', delta: -1};
			if (isKey(press, 'down')) return {type: 'focus-field', delta: 1};
			return undefined;
		}
		case 'overview':
			if (isKey(press, 'return')) return {type: 'accept'};
			if (isKey(press, 'escape')) return {type: 'back'};
			if (isKey(press, 'up')) return {type: 'choose', delta: -1};
			if (isKey(press, 'down')) return {type: 'choose', delta: 1};
			if (isChar(press, 'q')) return {type: 'ask-quit'};
			return undefined;
		case 'summary':
			if (isKey(press, 'return')) return {type: 'accept'};
			if (isKey(press, 'escape')) return {type: 'back'};
			if (isChar(press, diffKey)) return {type: 'open-file'};
			// Arrows choose a file, or scroll the diff that is open.
			if (isKey(press, 'up')) return mode.open ? {type: 'scroll', delta: -1, max: scrollMax} : {type: 'choose', delta: -1};
			if (isKey(press, 'down')) return mode.open ? {type: 'scroll', delta: 1, max: scrollMax} : {type: 'choose', delta: 1};
			if (isChar(press, wholeFileKey) && mode.open) return {type: 'whole-files'};
			if (isChar(press, 'q')) return {type: 'ask-quit'};
			return undefined;
		case 'running':
			return isChar(press, 'q') ? {type: 'ask-quit'} : undefined;
		case 'finished':
			if (isKey(press, 'return')) return {type: 'accept'};
			if (isKey(press, 'escape')) return {type: 'back'};
			if (isChar(press, 'q')) return {type: 'ask-quit'};
			return scrollOf(press, scrollMax);
		case 'moved':
			if (isKey(press, 'return')) return {type: 'accept'};
			if (isChar(press, 'q')) return {type: 'ask-quit'};
			return undefined;
		case 'failed':
			if (isChar(press, 'r')) return {type: 'retry'};
			if (isChar(press, 's') && mode.canSkip) return {type: 'skip'};
			if (isKey(press, 'escape')) return {type: 'back'};
			if (isChar(press, 'q')) return {type: 'ask-quit'};
			return scrollOf(press, scrollMax);
		case 'done':
			return isKey(press, 'return') || isChar(press, 'q') ? {type: 'accept'} : undefined;
		case 'stopping':
		case 'exit':
			return undefined;
	}
}

export function useWizardKeys(store: SyncReducer<WizardState, WizardAction>, send: (action: WizardAction) => void, scrollLimit: ScrollLimit, leave?: () => void): void {
	useKeys(press => {
		const action = wizardActionOf(store.get(), press, leave !== undefined, scrollLimit.current);
		if (action === 'leave') leave?.();
		else if (action) send(action);
	});
	useStop(reason => {
		if (reason === 'signal') send({type: 'stop-now'});
		// Ctrl+C asks first, as q does; pressed again at the question, it quits.
		else send({type: store.get().mode.kind === 'quitting' ? 'quit' : 'ask-quit'});
	});
}
