import {describe, expect, it} from 'vitest';
import {articleMachine} from '../../source/model/facts.js';
import {commandsNeededBy, laterProblems} from '../../source/model/wizard-problems.js';
import {wizardReducer} from '../../source/model/wizard-reducer.js';
import {activeMode, currentPage, initialWizardState, pagesOf, resumePoint, type WizardAction, type WizardState} from '../../source/model/wizard-state.js';

const start = (overrides: Partial<Parameters<typeof initialWizardState>[0]> = {}) =>
	initialWizardState({facts: articleMachine, answers: {}, sandbox: true, ...overrides});

const apply = (state: WizardState, ...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, state);

const pageId = (state: WizardState) => currentPage(state).page.id;

// Typed into the focused field, one character at a time, after clearing it.
const typing = (text: string): WizardAction[] => [
	{type: 'field', action: {type: 'text', edit: {type: 'home'}}},
	{type: 'field', action: {type: 'text', edit: {type: 'end'}}},
	...Array.from({length: 80}, (): WizardAction => ({type: 'field', action: {type: 'text', edit: {type: 'backspace'}}})),
	...[...text].map((char): WizardAction => ({type: 'field', action: {type: 'text', edit: {type: 'insert', text: char}}})),
];

const onPage = (id: string, drafts: Record<string, string> = {}): WizardState => ({...start(), pageId: id, drafts, mode: {kind: 'fields', focus: 0, cursor: 0, problems: []}});

describe('wizard state', () => {
	it('runs preflight as soon as it is shown, then waits for Enter', () => {
		const state = apply(start(), {type: 'accept'});
		expect(pageId(state)).toBe('preflight');
		expect(state.mode).toEqual({kind: 'running', from: 0});
		const done = apply(state, {type: 'run-ended', ok: true});
		expect(done.mode.kind).toBe('finished');
		expect(pageId(apply(done, {type: 'accept'}))).toBe('key');
	});

	it('types into the focused field through the reducer, refuses Enter on a value that is not allowed and keeps it', () => {
		// The package source first (kept as shown), then the key server.
		let state = apply(start(), {type: 'accept'}, {type: 'run-ended', ok: true}, {type: 'accept'}, {type: 'submit-field'});
		state = apply(state, ...typing('not a server!'), {type: 'submit-field'});
		expect(state.mode).toMatchObject({kind: 'fields', focus: 1});
		expect(state.drafts['repo.keyserver']).toBe('not a server!');
		expect(state.answers['repo.keyserver']).toBeUndefined();
		state = apply(state, ...typing('hkp://127.0.0.1:11371'), {type: 'submit-field'});
		expect(state.mode).toMatchObject({kind: 'fields', focus: 2});
		expect(state.answers['repo.keyserver']).toBe('hkp://127.0.0.1:11371');
	});

	it('asks, once the apt source is chosen on the key page, where its key comes from and its fingerprint; the repository page then its suite and the role', () => {
		let state = apply(start(), {type: 'accept'}, {type: 'run-ended', ok: true}, {type: 'accept'});
		expect(currentPage(state).page.fields).toEqual(['repo.source', 'repo.keyserver', 'repo.key', 'repo.keyMethod']);
		state = apply(state, {type: 'field', action: {type: 'choose', delta: 1}}, {type: 'submit-field'});
		expect(state.answers['repo.source']).toBe('apt');
		expect(currentPage(state).page.fields).toEqual(['repo.source', 'repo.keyUrl', 'repo.keyFile', 'repo.keyserver', 'repo.fingerprint']);
		expect(state.mode).toMatchObject({kind: 'fields', focus: 1});
		const repository = pagesOf(state).find(page => page.id === 'repository');
		expect(repository?.fields).toEqual(['repo.url', 'repo.suite', 'repo.component', 'node.role']);
	});

	it('never lets a control character into a field', () => {
		// The cursor is before the 1: what is typed goes there, without the invisible characters.
		const state = apply(onPage('file:/etc/zookeeper/conf/myid', {'zookeeper.myid': '1'}), {type: 'field', action: {type: 'text', edit: {type: 'insert', text: '\u007F2\r'}}});
		expect(state.drafts['zookeeper.myid']).toBe('21');
	});

	it('chooses among a setting’s choices with ↑↓, wrapping round', () => {
		const state = onPage('file:/etc/mesos-slave/containerizers', {'slave.containerizers': 'mesos'});
		expect(apply(state, {type: 'field', action: {type: 'choose', delta: 1}}).drafts['slave.containerizers']).toBe('docker,mesos');
		expect(apply(state, {type: 'field', action: {type: 'choose', delta: 2}}).drafts['slave.containerizers']).toBe('mesos');
	});

	it('does not pin a derived setting accepted as shown', () => {
		const state = onPage('file:/etc/default/mesos-master', {'master.port': '5050', 'master.zk': 'zk://127.0.0.1:2181/mesos'});
		const accepted = apply(state, {type: 'submit-field'}, {type: 'submit-field'});
		expect(accepted.mode.kind).toBe('review');
		expect(accepted.answers).toEqual({});
	});

	it('stops on a page whose settings break a rule that spans settings', () => {
		const state = onPage('file:/etc/zookeeper/conf/zoo.cfg', {'zookeeper.servers': '2=10.0.0.2:2888:3888', 'zookeeper.dataDir': '/var/lib/zookeeper'});
		const next = apply(state, {type: 'submit-field'}, {type: 'submit-field'});
		expect(next.mode.kind).toBe('fields');
		expect(next.mode.kind === 'fields' ? next.mode.problems.join('\n') : '').toMatch(/zookeeper.myid: "1" is not one of the server ids/);
	});

	it('says on the myid page, as it is typed, a myid the servers of a later page do not hold', () => {
		const state = onPage('file:/etc/zookeeper/conf/myid', {'zookeeper.myid': '2'});
		const pages = pagesOf(state);
		const index = pages.findIndex(page => page.id === state.pageId);
		const later = laterProblems(state, pages, index);
		expect(later.map(l => l.problem.text)).toEqual([expect.stringMatching(/^zookeeper.myid: "2" is not one of the server ids in zookeeper.servers \(1\)/)]);
		expect(later[0]?.mendOn.id).toBe('file:/etc/zookeeper/conf/zoo.cfg');
		// It does not stop this page: the other half is asked later.
		expect(apply(state, {type: 'submit-field'}).mode.kind).toBe('review');
		expect(laterProblems({...state, drafts: {'zookeeper.myid': '1'}}, pages, index)).toEqual([]);
		// A value that is not allowed yet is not judged against the servers.
		expect(laterProblems({...state, drafts: {'zookeeper.myid': '300'}}, pages, index)).toEqual([]);
	});

	it('names the commands a page’s values need that the preflight could not check', () => {
		const page = pagesOf(start()).find(p => p.id === 'file:/etc/mesos-slave/containerizers');
		if (!page) throw new Error('no containerizers page');
		const at = (value: string) => onPage(page.id, {'slave.containerizers': value});
		expect(commandsNeededBy(at('docker,mesos'), page).map(check => check.name)).toEqual(['docker']);
		expect(commandsNeededBy(at('mesos'), page)).toEqual([]);
		const other = pagesOf(start()).find(p => p.id === 'file:/etc/mesos-slave/ip');
		if (!other) throw new Error('no ip page');
		expect(commandsNeededBy({...at('docker,mesos'), answers: {'slave.containerizers': 'docker,mesos'}}, other)).toEqual([]);
	});

	it('goes back with Esc: from a review to its fields, from the first field to the page before', () => {
		let state = apply(start(), {type: 'accept'}, {type: 'run-ended', ok: true}, {type: 'accept'});
		state = apply(state, {type: 'submit-field'}, {type: 'submit-field'}, {type: 'submit-field'}, {type: 'submit-field'});
		expect(state.mode.kind).toBe('review');
		state = apply(state, {type: 'back'});
		expect(state.mode.kind).toBe('fields');
		state = apply(state, {type: 'back'}, {type: 'focus-field', delta: -3}, {type: 'back'});
		expect(pageId(state)).toBe('preflight');
	});

	it('retries a failed action, or skips it and goes on with the rest', () => {
		const installing: WizardState = {...start(), pageId: 'install', mode: {kind: 'review', scroll: 0}};
		const failed = apply(installing, {type: 'accept'}, {type: 'run-ended', ok: false, failedIndex: 0, message: 'apt lock held'});
		expect(failed.mode).toEqual({kind: 'failed', index: 0, message: 'apt lock held', canSkip: true});
		expect(apply(failed, {type: 'retry'}).mode).toEqual({kind: 'running', from: 0});
		const skipped = apply(failed, {type: 'skip'});
		expect(skipped.mode).toEqual({kind: 'running', from: 1});
		expect(skipped.hadFailure).toBe(true);
		const finished = apply(skipped, {type: 'run-ended', ok: true});
		expect(finished.marks.install).toBe('skipped');
	});

	it('takes the facts found after the install: the file pages after it follow the layout the packages read', () => {
		const installing: WizardState = {...start(), pageId: 'install', mode: {kind: 'review', scroll: 0}};
		expect(pagesOf(installing).map(p => p.id)).toContain('file:/etc/mesos-slave/ip');
		const installed = apply(installing, {type: 'accept'}, {type: 'run-ended', ok: true, facts: {...articleMachine, agentLayout: 'agent', marathonLayout: 'default-file'}});
		expect(installed.marks.install).toBe('done');
		const pages = pagesOf(installed).map(p => p.id);
		expect(pages).toContain('file:/etc/mesos-agent/ip');
		expect(pages).not.toContain('file:/etc/mesos-slave/ip');
		expect(pages.filter(id => id.includes('marathon'))).toEqual(['file:/etc/default/marathon']);
	});

	it('does not let the root check be skipped into a failure at every later step', () => {
		const notRoot = apply(start(), {type: 'accept'}, {type: 'run-ended', ok: false, failedIndex: 0, message: 'not running as root'});
		expect(notRoot.mode).toMatchObject({kind: 'failed', canSkip: false});
		expect(apply(notRoot, {type: 'skip'})).toBe(notRoot);
		const diskCheck = apply(start(), {type: 'accept'}, {type: 'run-ended', ok: false, failedIndex: 3, message: 'port in use'});
		expect(diskCheck.mode).toMatchObject({kind: 'failed', canSkip: true});
		// Esc from the preflight goes back to the welcome and its first offer.
		const back = apply(notRoot, {type: 'back'});
		expect(back.mode).toMatchObject({kind: 'welcome', offer: 'ready'});
	});

	it('asks before quitting, and exits 0, or 1 after a failure', () => {
		const asked = apply(start(), {type: 'ask-quit'});
		expect(asked.mode).toEqual({kind: 'quitting', under: {kind: 'welcome', offer: 'ready', choice: 0}});
		expect(apply(asked, {type: 'stay'}).mode.kind).toBe('welcome');
		expect(apply(asked, {type: 'quit'}).mode).toEqual({kind: 'exit', code: 0, reason: 'quit'});
		const failed: WizardState = {...start(), pageId: 'install', mode: {kind: 'failed', index: 0, message: 'x', canSkip: true}};
		expect(apply(failed, {type: 'ask-quit'}, {type: 'quit'}).mode).toMatchObject({kind: 'exit', code: 1});
	});

	it('stops a run when quit is confirmed during it, and exits 130 once it has ended', () => {
		const running: WizardState = {...start(), pageId: 'install', mode: {kind: 'running', from: 0}};
		const asked = apply(running, {type: 'ask-quit'});
		// The run goes on while the question is asked; keys for the page underneath do nothing.
		expect(activeMode(asked)).toEqual({kind: 'running', from: 0});
		expect(apply(asked, {type: 'accept'})).toBe(asked);
		const stopping = apply(asked, {type: 'quit'});
		expect(stopping.mode).toEqual({kind: 'stopping'});
		// Nothing moves it but the end of the run, which never counts as the page done.
		expect(apply(stopping, {type: 'ask-quit'}, {type: 'accept'}, {type: 'stay'})).toBe(stopping);
		const ended = apply(stopping, {type: 'run-ended', ok: false, stopped: true, failedIndex: 1, message: 'stopped'});
		expect(ended.mode).toEqual({kind: 'exit', code: 130, reason: 'stopped'});
		expect(ended.marks.install).toBeUndefined();
		// A signal (SIGTERM) stops without a question.
		expect(apply(running, {type: 'stop-now'}).mode).toEqual({kind: 'stopping'});
	});

	it('keeps the question when the run ends while it is asked, over what the run led to', () => {
		const asked = apply({...start(), pageId: 'install', mode: {kind: 'running', from: 0}}, {type: 'ask-quit'});
		const ended = apply(asked, {type: 'run-ended', ok: true});
		expect(ended.mode).toEqual({kind: 'quitting', under: {kind: 'finished'}});
		expect(apply(ended, {type: 'quit'}).mode).toEqual({kind: 'exit', code: 0, reason: 'quit'});
	});

	it('offers a rehearsal when not root or without apt, unless already in a sandbox', () => {
		const offer = (state: WizardState) => (state.mode.kind === 'welcome' ? state.mode.offer : undefined);
		expect(offer(start({facts: {...articleMachine, isRoot: false}, sandbox: false}))).toBe('rehearsal');
		expect(offer(start({facts: {...articleMachine, hasApt: false}, sandbox: false}))).toBe('rehearsal');
		expect(offer(start({facts: {...articleMachine, isRoot: false}, sandbox: true}))).toBe('ready');
		// ↓ then Enter: continue here anyway; ↓↓ Enter: quit.
		const rehearsal = start({facts: {...articleMachine, isRoot: false}, sandbox: false});
		expect(apply(rehearsal, {type: 'accept'}).mode).toMatchObject({kind: 'welcome', offer: 'rehearsing'});
		expect(apply(rehearsal, {type: 'choose', delta: 1}, {type: 'accept'}).mode).toMatchObject({kind: 'welcome', offer: 'ready'});
		expect(apply(rehearsal, {type: 'choose', delta: -1}, {type: 'accept'}).mode).toEqual({kind: 'exit', code: 0, reason: 'quit'});
	});

	it('resumes at the step a stopped run had not finished, marking the ones before as earlier', () => {
		const progress = {completed: ['preflight', 'key', 'repository', 'install', 'overrides'] as const, finished: false};
		expect(resumePoint({...progress, completed: [...progress.completed]})).toBe('configuration');
		expect(resumePoint({completed: ['preflight'], failedAt: 'install', finished: false})).toBe('install');
		expect(resumePoint({completed: ['preflight', 'key', 'repository'], stoppedAt: 'install', finished: false})).toBe('install');
		expect(resumePoint({completed: ['preflight'], finished: true})).toBeUndefined();
		const state = start({progress: {...progress, completed: [...progress.completed]}});
		expect(state.mode).toMatchObject({kind: 'welcome', offer: 'resume'});
		const resumed = apply(state, {type: 'accept'});
		expect(pageId(resumed)).toBe('file:/etc/zookeeper/conf/myid');
		expect(resumed.marks).toMatchObject({preflight: 'earlier', install: 'earlier', overrides: 'earlier'});
		expect(resumed.continueRun).toBe(true);
		const restarted = apply(state, {type: 'choose', delta: 1}, {type: 'accept'});
		expect(pageId(restarted)).toBe('preflight');
		expect(restarted.continueRun).toBe(false);
	});
});
