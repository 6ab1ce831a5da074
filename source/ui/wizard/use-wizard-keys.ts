// Maps keys to wizard actions. One handler for the whole wizard, which always reads the state of
// the last render: Ink attaches key handlers in effects that run a moment after a screen is
// drawn, and a key typed in that moment must not reach the screen before. Text typed into a
// field belongs to its ink-text-input; everything else, Enter in a field included, is read here.
// Ctrl+C asks before quitting like q (twice quits at once). Opened from the home menu, Esc and q on
// the welcome go back to the menu (`leave`).
import {useInput} from 'ink';
import {type Dispatch, useCallback, useRef} from 'react';
import {findSetting} from '../../model/settings.js';
import type {WizardAction, WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';

export function useWizardKeys(state: WizardState, page: Page, dispatch: Dispatch<WizardAction>, leave?: () => void): void {
	const latest = useRef({state, page, leave});
	latest.current = {state, page, leave};
	const onKey = useCallback(
		(input: string, key: {ctrl: boolean; escape: boolean; return: boolean; tab: boolean; shift: boolean; upArrow: boolean; downArrow: boolean}) => {
			const {state, page, leave} = latest.current;
			if (key.ctrl && input === 'c') {
				dispatch({type: state.quitting ? 'quit' : 'ask-quit'});
				return;
			}
			if (state.quitting) {
				if (input === 'y') dispatch({type: 'quit'});
				else if (input === 'n' || key.escape) dispatch({type: 'stay'});
				return;
			}
			if (page.kind === 'done') {
				if (key.return || input === 'q') dispatch({type: 'accept'});
				return;
			}
			if (state.phase === 'fields') {
				const id = page.fields[state.focus] ?? '';
				const choice = Boolean(findSetting(id)?.choices);
				if (key.return) dispatch({type: 'submit-field', id, text: state.drafts[id] ?? ''});
				else if (key.escape) dispatch({type: 'back'});
				else if (key.tab) dispatch({type: 'focus-field', delta: key.shift ? -1 : 1});
				// Up and down move between fields, except in a list of choices, where they choose.
				else if (!choice && key.upArrow) dispatch({type: 'focus-field', delta: -1});
				else if (!choice && key.downArrow) dispatch({type: 'focus-field', delta: 1});
				return;
			}
			if (page.kind === 'welcome' && leave && state.welcome !== 'rehearsing' && (key.escape || input === 'q')) {
				leave();
				return;
			}
			if (input === 'q') {
				dispatch({type: 'ask-quit'});
				return;
			}
			// The welcome offers are a select list, which reads Enter itself.
			if (page.kind === 'welcome' && state.welcome !== 'ready') return;
			if (key.escape) dispatch({type: 'back'});
			else if (key.return) dispatch({type: 'accept'});
			else if (state.phase === 'failed' && input === 'r') dispatch({type: 'retry'});
			else if (state.phase === 'failed' && input === 's') dispatch({type: 'skip'});
			else if (state.phase === 'review' && key.upArrow) dispatch({type: 'scroll', delta: -1});
			else if (state.phase === 'review' && key.downArrow) dispatch({type: 'scroll', delta: 1});
		},
		[dispatch],
	);
	useInput(onKey);
}
