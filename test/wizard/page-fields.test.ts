// What a settings page's fields hold: a field the page gains while it is open starts from its value
// (review 3, #7), and what is typed on a page is kept when the page is left with Esc (#6).
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {articleMachine} from '../../source/model/facts.js';
import {predictionKey} from '../../source/model/layout-prediction.js';
import {wizardReducer} from '../../source/model/wizard-reducer.js';
import {overviewRows} from '../../source/model/settings-overview.js';
import {currentPage, fieldText, initialWizardState, pagesOf, type WizardAction, type WizardState} from '../../source/model/wizard-state.js';

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

const zooCfg = 'ask:/etc/zookeeper/conf/zoo.cfg';

// From the guided walk's first page, Enter on each of its fields: the zoo.cfg page.
const onZooCfg = (): WizardState => {
	const state = walking();
	return apply(state, ...enters(currentPage(state).page.fields.length));
};

const clearing: WizardAction[] = [{type: 'field', action: {type: 'text', edit: {type: 'end'}}}, ...Array.from({length: 40}, (): WizardAction => ({type: 'field', action: {type: 'text', edit: {type: 'backspace'}}}))];

describe('Esc on a settings page', () => {
	it('keeps an allowed value typed and moved past with Tab: the page shows it again, the answers hold it', () => {
		const typed = apply(onZooCfg(), {type: 'focus-field', delta: 1}, ...typing('2'), {type: 'focus-field', delta: 1});
		expect(currentPage(typed).page.id).toBe(zooCfg);
		const back = apply(typed, {type: 'back'});
		expect(currentPage(back).page.id).toBe('ask:installer');
		expect(back.answers['zookeeper.dataDir']).toBe('/var/lib/zookeeper2');
		const again = apply(back, {type: 'submit-field'});
		expect(currentPage(again).page.id).toBe(zooCfg);
		expect(fieldText(again, 'zookeeper.dataDir')).toBe('/var/lib/zookeeper2');
	});

	it('keeps a value that is not allowed as typed, marks it in the list, and continuing waits for it', () => {
		const bad = apply(onZooCfg(), ...clearing, ...typing('1=bad host:2888'));
		// Back through the first page to the list; its cursor on the package source, then on continue.
		const back = apply(bad, {type: 'back'}, {type: 'back'}, {type: 'choose', delta: -2});
		expect(back.mode).toMatchObject({kind: 'overview', cursor: 0});
		expect(back.answers['zookeeper.servers']).toBeUndefined();
		const row = overviewRows(back.answers, back.facts, pagesOf(back), back.drafts).find(each => each.id === 'zookeeper.servers');
		expect(row).toMatchObject({value: '1=bad host:2888', notAllowed: true});
		const refused = apply(back, {type: 'accept'});
		expect(currentPage(refused).page.id).toBe('settings');
		expect(refused.mode).toMatchObject({kind: 'overview', problems: ['ZooKeeper servers: "1=bad host:2888" is not allowed (kept as you typed it). Choose ZooKeeper servers in the list and press Enter to change it.']});
		// Its page shows it again, refuses it on Enter, and takes the mended value.
		const asked = pagesOf(back).flatMap(page => page.fields);
		const page = apply(back, {type: 'choose', delta: 2 + asked.indexOf('zookeeper.servers')}, {type: 'accept'});
		expect(fieldText(page, 'zookeeper.servers')).toBe('1=bad host:2888');
		expect(apply(page, {type: 'submit-field'}).mode).toMatchObject({kind: 'fields', focus: 0});
		const mended = apply(page, ...clearing, ...typing('1=10.0.0.1:2888:3888'), {type: 'back'});
		expect(mended.drafts).toEqual({});
		expect(mended.answers['zookeeper.servers']).toBe('1=10.0.0.1:2888:3888');
		expect(apply(mended, {type: 'choose', delta: -2 - asked.indexOf('zookeeper.servers')}, {type: 'accept'}).pageId).toBe('summary');
	});

	it('from a page opened in the list, keeps the port typed', () => {
		const settings = apply(start(), {type: 'accept'}, {type: 'run-ended', ok: true}, {type: 'accept'});
		const asked = pagesOf(settings).flatMap(page => page.fields);
		const back = apply(settings, {type: 'choose', delta: 2 + asked.indexOf('master.port')}, {type: 'accept'}, ...clearing, ...typing('6060'), {type: 'back'});
		expect(back.mode).toMatchObject({kind: 'overview', cursor: 2 + asked.indexOf('master.port')});
		expect(back.answers['master.port']).toBe('6060');
	});
});
