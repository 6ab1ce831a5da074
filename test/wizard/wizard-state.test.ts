import {describe, expect, it} from 'vitest';
import {articleMachine} from '../../source/model/facts.js';
import {commandsNeededBy, currentPage, initialWizardState, laterProblems, pagesOf, resumePoint, type WizardAction, type WizardState, wizardReducer} from '../../source/model/wizard-state.js';

const start = (overrides: Partial<Parameters<typeof initialWizardState>[0]> = {}) =>
	initialWizardState({facts: articleMachine, answers: {}, sandbox: true, ...overrides});

const apply = (state: WizardState, ...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, state);

const pageId = (state: WizardState) => currentPage(state).page.id;

describe('wizard state', () => {
	it('runs preflight as soon as it is shown, then waits for Enter', () => {
		const state = apply(start(), {type: 'accept'});
		expect(pageId(state)).toBe('preflight');
		expect(state.phase).toBe('running');
		const done = apply(state, {type: 'run-ended', ok: true});
		expect(done.phase).toBe('finished');
		expect(pageId(apply(done, {type: 'accept'}))).toBe('key');
	});

	it('refuses Enter on a value that is not allowed and keeps what was typed', () => {
		let state = apply(start(), {type: 'accept'}, {type: 'run-ended', ok: true}, {type: 'accept'});
		state = apply(state, {type: 'submit-field', id: 'repo.keyserver', text: 'not a server!'});
		expect(state.focus).toBe(0);
		expect(state.drafts['repo.keyserver']).toBe('not a server!');
		expect(state.answers['repo.keyserver']).toBeUndefined();
		state = apply(state, {type: 'submit-field', id: 'repo.keyserver', text: 'hkp://127.0.0.1:11371'});
		expect(state.focus).toBe(1);
		expect(state.answers['repo.keyserver']).toBe('hkp://127.0.0.1:11371');
	});

	it('does not pin a derived setting accepted as shown', () => {
		const state = start();
		const onMasterPage = {...state, pageId: 'file:/etc/default/mesos-master', phase: 'fields' as const, drafts: {'master.port': '5050', 'master.zk': 'zk://127.0.0.1:2181/mesos'}};
		const accepted = apply(onMasterPage, {type: 'submit-field', id: 'master.port', text: '5050'}, {type: 'submit-field', id: 'master.zk', text: 'zk://127.0.0.1:2181/mesos'});
		expect(accepted.phase).toBe('review');
		expect(accepted.answers).toEqual({});
	});

	it('stops on a page whose settings break a rule that spans settings', () => {
		const state = {...start(), pageId: 'file:/etc/zookeeper/conf/zoo.cfg', phase: 'fields' as const, drafts: {}};
		const next = apply(state, {type: 'submit-field', id: 'zookeeper.servers', text: '2=10.0.0.2:2888:3888'}, {type: 'submit-field', id: 'zookeeper.dataDir', text: '/var/lib/zookeeper'});
		expect(next.phase).toBe('fields');
		expect(next.problems.join('\n')).toMatch(/zookeeper.myid: "1" is not one of the server ids/);
	});

	it('says on the myid page, as it is typed, a myid the servers of a later page do not hold', () => {
		const state = {...start(), pageId: 'file:/etc/zookeeper/conf/myid', phase: 'fields' as const, drafts: {'zookeeper.myid': '2'}};
		const pages = pagesOf(state);
		const index = pages.findIndex(page => page.id === state.pageId);
		const later = laterProblems(state, pages, index);
		expect(later.map(l => l.problem)).toEqual([expect.stringMatching(/^zookeeper.myid: "2" is not one of the server ids in zookeeper.servers \(1\)/)]);
		expect(later[0]?.mendOn.id).toBe('file:/etc/zookeeper/conf/zoo.cfg');
		// It does not stop this page: the other half is asked later.
		expect(apply(state, {type: 'submit-field', id: 'zookeeper.myid', text: '2'}).phase).toBe('review');
		expect(laterProblems({...state, drafts: {'zookeeper.myid': '1'}}, pages, index)).toEqual([]);
		// A value that is not allowed yet is not judged against the servers.
		expect(laterProblems({...state, drafts: {'zookeeper.myid': '300'}}, pages, index)).toEqual([]);
	});

	it('names the commands a page’s values need that the preflight could not check', () => {
		const page = pagesOf(start()).find(p => p.id === 'file:/etc/mesos-slave/containerizers');
		if (!page) throw new Error('no containerizers page');
		const onPage = (value: string) => ({...start(), pageId: page.id, phase: 'fields' as const, drafts: {'slave.containerizers': value}});
		expect(commandsNeededBy(onPage('docker,mesos'), page).map(check => check.name)).toEqual(['docker']);
		expect(commandsNeededBy(onPage('mesos'), page)).toEqual([]);
		const other = pagesOf(start()).find(p => p.id === 'file:/etc/mesos-slave/ip');
		if (!other) throw new Error('no ip page');
		expect(commandsNeededBy({...onPage('docker,mesos'), answers: {'slave.containerizers': 'docker,mesos'}}, other)).toEqual([]);
	});

	it('goes back with Esc: from a review to its fields, from the first field to the page before', () => {
		let state = apply(start(), {type: 'accept'}, {type: 'run-ended', ok: true}, {type: 'accept'});
		state = apply(state, ...['repo.keyserver', 'repo.key', 'repo.keyMethod'].map((id): WizardAction => ({type: 'submit-field', id, text: state.drafts[id] ?? ''})));
		expect(state.phase).toBe('review');
		state = apply(state, {type: 'back'});
		expect(state.phase).toBe('fields');
		state = apply(state, {type: 'back'});
		expect(pageId(state)).toBe('preflight');
	});

	it('retries a failed action, or skips it and goes on with the rest', () => {
		const installing = {...start(), pageId: 'install', phase: 'review' as const};
		const failed = apply(installing, {type: 'accept'}, {type: 'run-ended', ok: false, failedIndex: 0, message: 'apt lock held'});
		expect(failed.phase).toBe('failed');
		expect(failed.failure?.message).toBe('apt lock held');
		const retried = apply(failed, {type: 'retry'});
		expect(retried).toMatchObject({phase: 'running', fromAction: 0});
		expect(retried.runToken).toBe(failed.runToken + 1);
		const skipped = apply(failed, {type: 'skip'});
		expect(skipped).toMatchObject({phase: 'running', fromAction: 1, hadFailure: true});
		const finished = apply(skipped, {type: 'run-ended', ok: true});
		expect(finished.marks.install).toBe('skipped');
	});

	it('asks before quitting and exits 1 after a failure', () => {
		const state = apply(start(), {type: 'ask-quit'});
		expect(state.quitting).toBe(true);
		expect(apply(state, {type: 'stay'}).quitting).toBe(false);
		expect(apply(state, {type: 'quit'}).exitCode).toBe(0);
		const failed = {...start(), pageId: 'install', phase: 'failed' as const, failure: {index: 0, message: 'x'}};
		expect(apply(failed, {type: 'quit'}).exitCode).toBe(1);
	});

	it('offers a rehearsal when not root or without apt, unless already in a sandbox', () => {
		expect(start({facts: {...articleMachine, isRoot: false}, sandbox: false}).welcome).toBe('rehearsal');
		expect(start({facts: {...articleMachine, hasApt: false}, sandbox: false}).welcome).toBe('rehearsal');
		expect(start({facts: {...articleMachine, isRoot: false}, sandbox: true}).welcome).toBe('ready');
	});

	it('resumes at the step a killed run had not finished, marking the ones before as earlier', () => {
		const progress = {completed: ['preflight', 'key', 'repository', 'install', 'overrides'] as const, finished: false};
		expect(resumePoint({...progress, completed: [...progress.completed]})).toBe('configuration');
		expect(resumePoint({completed: ['preflight'], failedAt: 'install', finished: false})).toBe('install');
		expect(resumePoint({completed: ['preflight'], finished: true})).toBeUndefined();
		const state = start({progress: {...progress, completed: [...progress.completed]}});
		expect(state.welcome).toBe('resume');
		const resumed = apply(state, {type: 'welcome-choice', choice: 'resume'});
		expect(pageId(resumed)).toBe('file:/etc/zookeeper/conf/myid');
		expect(resumed.marks).toMatchObject({preflight: 'earlier', install: 'earlier', overrides: 'earlier'});
		expect(resumed.carried).toEqual([...progress.completed]);
	});
});
