// What a settings page's fields hold: a field the page gains while it is open starts from its value
// (review 3, #7), and what is typed on a page is kept when the page is left with Esc (#6).
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {articleMachine} from '../../source/model/facts.js';
import {predictionKey} from '../../source/model/layout-prediction.js';
import {wizardReducer} from '../../source/model/wizard-reducer.js';
import {currentPage, initialWizardState, type WizardAction, type WizardState} from '../../source/model/wizard-state.js';

const start = (): WizardState => {
	const state = initialWizardState({facts: articleMachine, answers: {}, sandbox: true});
	return wizardReducer(state, {type: 'layout-predicted', source: predictionKey(resolveValues(state.answers)), facts: state.facts});
};

const apply = (state: WizardState, ...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, state);

const enters = (count: number): WizardAction[] => Array.from({length: count}, (): WizardAction => ({type: 'submit-field'}));

const typing = (text: string): WizardAction[] => [...text].map((char): WizardAction => ({type: 'field', action: {type: 'text', edit: {type: 'insert', text: char}}}));

// Welcome, the preflight run and read, then the guided walk: the first page, the package source.
const walking = (): WizardState => apply(start(), {type: 'accept'}, {type: 'run-ended', ok: true}, {type: 'accept'}, {type: 'choose', delta: 1}, {type: 'accept'});

describe('a settings page’s fields', () => {
	it('start from their value where the page gains them: the apt source’s Component holds main: Enter on every field goes on, pinning none of them', () => {
		const apt = apply(walking(), {type: 'field', action: {type: 'choose', delta: 1}}, {type: 'submit-field'});
		const {page} = currentPage(apt);
		expect(page.fields).toContain('repo.component');
		// The focus is on the field after the source, on the page as it is now.
		expect(apt.mode).toMatchObject({kind: 'fields', focus: 1});
		// An apt source's key comes from a URL, a file or a pinned fingerprint: the URL, then Enter on the rest.
		const on = apply(apt, ...typing('https://example.org/key.asc'), ...enters(page.fields.length - 1));
		expect(currentPage(on).page.id).toBe('ask:/etc/zookeeper/conf/zoo.cfg');
		expect(on.answers).toEqual({'repo.source': 'apt', 'repo.keyUrl': 'https://example.org/key.asc'});
	});
});
