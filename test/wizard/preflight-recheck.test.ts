// The preflight runs again on the way to the summary for a setting it checks that changed since it
// ran, and names it (review 3, #17: a port changed alone was put down to the role or source; the
// screen's words: role-rechecks.test.tsx).
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {articleMachine} from '../../source/model/facts.js';
import {predictionKey} from '../../source/model/layout-prediction.js';
import {wizardReducer} from '../../source/model/wizard-reducer.js';
import {currentPage, initialWizardState, pagesOf, type WizardAction, type WizardState} from '../../source/model/wizard-state.js';
import type {SettingId} from '../../source/model/settings.js';

const apply = (state: WizardState, ...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, state);

// Welcome, the preflight run and read: the settings at a glance.
const atSettings = (): WizardState => {
	const state = initialWizardState({facts: articleMachine, answers: {}, sandbox: true});
	const predicted = wizardReducer(state, {type: 'layout-predicted', source: predictionKey(resolveValues(state.answers)), facts: state.facts});
	return apply(predicted, {type: 'accept'}, {type: 'run-ended', ok: true}, {type: 'accept'});
};

const clearing: WizardAction[] = [{type: 'field', action: {type: 'text', edit: {type: 'end'}}}, ...Array.from({length: 40}, (): WizardAction => ({type: 'field', action: {type: 'text', edit: {type: 'backspace'}}}))];
const typing = (text: string): WizardAction[] => [...clearing, ...[...text].map((char): WizardAction => ({type: 'field', action: {type: 'text', edit: {type: 'insert', text: char}}}))];

// One setting changed from the list (its page left with Esc), then Continue.
function changedThenContinue(id: SettingId, value: string): WizardState {
	const settings = atSettings();
	const item = 2 + pagesOf(settings).flatMap(page => page.fields).indexOf(id);
	const back = apply(settings, {type: 'choose', delta: item}, {type: 'accept'}, ...typing(value), {type: 'back'});
	expect(back.answers[id]).toBe(value);
	return apply(back, {type: 'choose', delta: -item}, {type: 'accept'});
}

describe('the preflight run again', () => {
	it('for Master port changed alone, naming it, not the role or the package source', () => {
		const again = changedThenContinue('master.port', '6060');
		expect(currentPage(again).page.kind).toBe('checks');
		expect(again.recheck).toEqual(['master.port']);
		// Once it ran, on to the summary; nothing changed since: straight there the next time.
		const checked = apply(again, {type: 'run-ended', ok: true}, {type: 'accept'});
		expect(checked.pageId).toBe('summary');
		expect(apply(checked, {type: 'back'}, {type: 'accept'}).pageId).toBe('summary');
	});

	it('for the repository’s URL, which its check reads though no check’s title names it', () => {
		const again = changedThenContinue('repo.url', 'http://mirror.example.org');
		expect(currentPage(again).page.kind).toBe('checks');
		expect(again.recheck).toEqual(['repo.url']);
	});

	it('not for a setting it does not check', () => {
		expect(changedThenContinue('slave.hostname', 'node-1').pageId).toBe('summary');
	});
});
