// The line left on the terminal after a quit, and its exit code, whenever the y lands.
import {expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import type {RunSummary} from '../../source/model/apply-events.js';
import {articleMachine} from '../../source/model/facts.js';
import {predictionKey} from '../../source/model/layout-prediction.js';
import {wizardReducer} from '../../source/model/wizard-reducer.js';
import {currentPage, initialWizardState, type WizardAction, type WizardState} from '../../source/model/wizard-state.js';
import {farewell} from '../../source/ui/wizard/quit-words.js';

const start = (): WizardState => {
	const state = initialWizardState({facts: articleMachine, answers: {}, sandbox: true});
	return wizardReducer(state, {type: 'layout-predicted', source: predictionKey(resolveValues(state.answers)), facts: state.facts});
};

const apply = (state: WizardState, ...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, state);

const recorded: RunSummary = {runId: 'run', recorded: true, counts: {}, lastCounts: {}, changedFiles: []};

const said = (state: WizardState): string | undefined => farewell(state, currentPage(state).page, recorded);

it('says a quit after a step ended is after it, not at it, and exits 130 as a stop during it does', () => {
	// q during the install, which ends before y: the question stays over the step done.
	const asked = apply({...start(), pageId: 'install', mode: {kind: 'running', from: 0}}, {type: 'ask-quit'}, {type: 'run-ended', ok: true});
	const quit = apply(asked, {type: 'quit'});
	expect(quit.mode).toEqual({kind: 'exit', code: 130, reason: 'quit'});
	expect(said(quit)).toBe('Quit after Install. Files written so far stay (mesos-setup undo puts them back); run mesos-setup again to continue where this one stopped.');
	// A failed step was quit in it.
	const failed = apply({...start(), pageId: 'install', mode: {kind: 'failed', index: 1, message: 'x', canSkip: true}}, {type: 'ask-quit'}, {type: 'quit'});
	expect(said(failed)).toMatch(/^Quit at Install\. /);
	// At Done the setup is complete: nothing to say, and 0.
	const done = apply({...start(), pageId: 'done', mode: {kind: 'done'}}, {type: 'ask-quit'}, {type: 'quit'});
	expect(done.mode).toEqual({kind: 'exit', code: 0, reason: 'quit'});
	expect(said(done)).toBeUndefined();
});
