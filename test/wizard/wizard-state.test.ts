import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {articleMachine, type Facts} from '../../source/model/facts.js';
import {predictionKey} from '../../source/model/layout-prediction.js';
import {overviewRows} from '../../source/model/settings-overview.js';
import {commandsNeededBy} from '../../source/model/wizard-problems.js';
import {wizardReducer} from '../../source/model/wizard-reducer.js';
import {wizardActionOf} from '../../source/ui/wizard/use-wizard-keys.js';
import {activeMode, currentPage, initialWizardState, pagesOf, resumePoint, type WizardAction, type WizardState} from '../../source/model/wizard-state.js';
import {agentAnswers} from '../helpers/agent-answers.js';

const unpredicted = (overrides: Partial<Parameters<typeof initialWizardState>[0]> = {}) =>
	initialWizardState({facts: articleMachine, answers: {}, sandbox: true, ...overrides});

// The wizard as it is once the layout was predicted for its answers' source (here: as detected).
const start = (overrides: Partial<Parameters<typeof initialWizardState>[0]> = {}): WizardState => {
	const state = unpredicted(overrides);
	return wizardReducer(state, {type: 'layout-predicted', source: predictionKey(resolveValues(state.answers)), facts: state.facts});
};

const apply = (state: WizardState, ...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, state);

const pageId = (state: WizardState) => currentPage(state).page.id;

// Typed into the focused field, one character at a time, after clearing it.
const typing = (text: string): WizardAction[] => [
	{type: 'field', action: {type: 'text', edit: {type: 'home'}}},
	{type: 'field', action: {type: 'text', edit: {type: 'end'}}},
	...Array.from({length: 80}, (): WizardAction => ({type: 'field', action: {type: 'text', edit: {type: 'backspace'}}})),
	...[...text].map((char): WizardAction => ({type: 'field', action: {type: 'text', edit: {type: 'insert', text: char}}})),
];

const onPage = (id: string, drafts: Record<string, string> = {}, focus = 0): WizardState => ({...start(), pageId: id, drafts, mode: {kind: 'fields', focus, cursor: 0, problems: []}});

const zooCfg = 'ask:/etc/zookeeper/conf/zoo.cfg';

// Welcome, the preflight run and read: the settings at a glance.
const atSettings = (): WizardState => apply(start(), {type: 'accept'}, {type: 'run-ended', ok: true}, {type: 'accept'});

const problemsOf = (state: WizardState): string => {
	const mode = activeMode(state);
	return mode.kind === 'fields' || mode.kind === 'overview' ? mode.problems.join('\n') : '';
};

describe('wizard state', () => {
	it('runs preflight as soon as it is shown, then waits for Enter, then shows every setting with continue under the cursor', () => {
		const state = apply(start(), {type: 'accept'});
		expect(pageId(state)).toBe('preflight');
		expect(state.mode).toEqual({kind: 'running', from: 0});
		const done = apply(state, {type: 'run-ended', ok: true});
		expect(done.mode.kind).toBe('finished');
		const settings = apply(done, {type: 'accept'});
		expect(pageId(settings)).toBe('settings');
		expect(settings.mode).toEqual({kind: 'overview', cursor: 0, problems: []});
	});

	it('scrolls the preflight’s outcomes once they are in, between the top and the end their list says, and a diff the same way', () => {
		const checked = apply(start(), {type: 'accept'}, {type: 'run-ended', ok: true});
		expect(apply(checked, {type: 'scroll', delta: 1, max: 4}).mode).toEqual({kind: 'finished', scroll: 1});
		// Past the end nothing is owed: one key back moves it.
		const atEnd = apply(checked, ...Array.from({length: 9}, (): WizardAction => ({type: 'scroll', delta: 1, max: 4})));
		expect(atEnd.mode).toEqual({kind: 'finished', scroll: 4});
		expect(apply(atEnd, {type: 'scroll', delta: -1, max: 4}).mode).toEqual({kind: 'finished', scroll: 3});
		expect(apply(checked, {type: 'scroll', delta: -1, max: 4}).mode).toEqual({kind: 'finished', scroll: 0});
		// A list that fits does not scroll.
		expect(apply(checked, {type: 'scroll', delta: 1, max: 0}).mode).toEqual({kind: 'finished', scroll: 0});
		// The arrows scroll a page that ran only where its list said it scrolls.
		const down = {name: 'down' as const, text: '', ctrl: false};
		expect(wizardActionOf(checked, down, false, 4)).toEqual({type: 'scroll', delta: 1, max: 4});
		expect(wizardActionOf(checked, down, false, 0)).toBeUndefined();
		const diff = apply(atSettings(), {type: 'accept'}, {type: 'open-file'});
		expect(apply(diff, ...Array.from({length: 5}, (): WizardAction => ({type: 'scroll', delta: 1, max: 2})), {type: 'scroll', delta: -1, max: 2}).mode).toMatchObject({open: true, scroll: 1});
	});

	it('goes from the settings, with Enter, to the summary, and from it, with Enter, through the whole run', () => {
		let state = apply(atSettings(), {type: 'accept'});
		expect(pageId(state)).toBe('summary');
		expect(state.mode).toMatchObject({kind: 'summary', cursor: 0, open: false});
		// d opens the diff of the file under the cursor; ↓ then chooses the next and closes it.
		expect(apply(state, {type: 'open-file'}).mode).toMatchObject({open: true});
		expect(apply(state, {type: 'open-file'}, {type: 'choose', delta: 1}).mode).toMatchObject({cursor: 1, open: false});
		state = apply(state, {type: 'accept'});
		const ran: string[] = [];
		while (activeMode(state).kind === 'running') {
			ran.push(pageId(state));
			state = apply(state, {type: 'run-ended', ok: true});
		}
		expect(ran).toEqual(['key', 'repository', 'install', 'overrides', 'configuration', 'start']);
		expect(state.mode.kind).toBe('finished');
		expect(pageId(apply(state, {type: 'accept'}))).toBe('done');
		// Esc from the run goes back to the summary, and from there to the settings.
		const back = apply(state, {type: 'back'});
		expect(pageId(back)).toBe('summary');
		expect(pageId(apply(back, {type: 'back'}))).toBe('settings');
	});

	it('opens one setting from the list and comes back to it, or walks every page in order', () => {
		const settings = atSettings();
		const asked = pagesOf(settings).flatMap(page => page.fields);
		const cursorOn = 2 + asked.indexOf('slave.hostname');
		const opened = apply(settings, {type: 'choose', delta: cursorOn});
		const page = apply(opened, {type: 'accept'});
		expect(pageId(page)).toBe('ask:/etc/mesos-slave/hostname');
		const changed = apply(page, ...typing('node-1'), {type: 'submit-field'});
		expect(pageId(changed)).toBe('settings');
		expect(changed.mode).toEqual({kind: 'overview', cursor: cursorOn, problems: []});
		expect(changed.answers).toEqual({'slave.hostname': 'node-1'});
		// The guided walk: every question page in order, then the summary.
		let walk = apply(settings, {type: 'choose', delta: 1}, {type: 'accept'});
		const walked: string[] = [];
		while (activeMode(walk).kind === 'fields') {
			if (walked.at(-1) !== pageId(walk)) walked.push(pageId(walk));
			walk = apply(walk, {type: 'submit-field'});
		}
		expect(walked).toEqual(pagesOf(walk).filter(p => p.kind === 'questions').map(p => p.id));
		expect(pageId(walk)).toBe('summary');
		expect(walk.answers).toEqual({});
	});

	it('comes back to the setting it opened, not its page’s first, whether the page is left or finished', () => {
		const settings = atSettings();
		const asked = pagesOf(settings).flatMap(page => page.fields);
		// master.zk is the second setting of its page: the page opens on it.
		const cursorOn = 2 + asked.indexOf('master.zk');
		const page = apply(settings, {type: 'choose', delta: cursorOn}, {type: 'accept'});
		expect(currentPage(page).page.fields.indexOf('master.zk')).toBeGreaterThan(0);
		expect(page.mode).toMatchObject({kind: 'fields', focus: currentPage(page).page.fields.indexOf('master.zk')});
		expect(apply(page, {type: 'back'}).mode).toEqual({kind: 'overview', cursor: cursorOn, problems: []});
		let finished = page;
		while (activeMode(finished).kind === 'fields') finished = apply(finished, {type: 'submit-field'});
		expect(finished.mode).toEqual({kind: 'overview', cursor: cursorOn, problems: []});
	});

	it('types into the focused field through the reducer, refuses Enter on a value that is not allowed and keeps it', () => {
		let state = apply(atSettings(), {type: 'choose', delta: 1}, {type: 'accept'}, {type: 'focus-field', delta: 1});
		expect(pageId(state)).toBe('ask:installer');
		state = apply(state, ...typing('not a server!'), {type: 'submit-field'});
		expect(state.mode).toMatchObject({kind: 'fields', focus: 1});
		expect(state.drafts['repo.keyserver']).toBe('not a server!');
		expect(state.answers['repo.keyserver']).toBeUndefined();
		state = apply(state, ...typing('hkp://127.0.0.1:11371'), {type: 'submit-field'});
		expect(state.mode).toMatchObject({kind: 'fields', focus: 2});
		expect(state.answers['repo.keyserver']).toBe('hkp://127.0.0.1:11371');
	});

	it('asks the package source first, then only what the chosen source reads, then the role', () => {
		let state = apply(atSettings(), {type: 'choose', delta: 1}, {type: 'accept'});
		expect(pageId(state)).toBe('ask:installer');
		expect(currentPage(state).page.fields).toEqual(['repo.source', 'repo.keyserver', 'repo.key', 'repo.keyMethod', 'repo.url', 'node.role']);
		state = apply(state, {type: 'field', action: {type: 'choose', delta: 1}}, {type: 'submit-field'});
		expect(state.answers['repo.source']).toBe('apt');
		expect(currentPage(state).page.fields).toEqual(['repo.source', 'repo.keyUrl', 'repo.keyFile', 'repo.keyserver', 'repo.fingerprint', 'repo.url', 'repo.suite', 'repo.component', 'node.role']);
		expect(state.mode).toMatchObject({kind: 'fields', focus: 1});
	});

	it('never lets a control character into a field', () => {
		// The cursor is before the 1: what is typed goes there, without the invisible characters.
		const state = apply(onPage(zooCfg, {'zookeeper.myid': '1'}, 2), {type: 'field', action: {type: 'text', edit: {type: 'insert', text: '\u007F2\r'}}});
		expect(state.drafts['zookeeper.myid']).toBe('21');
	});

	it('chooses among a setting’s choices with ↑↓, wrapping round', () => {
		const state = onPage('ask:/etc/mesos-slave/containerizers', {'slave.containerizers': 'mesos'});
		expect(apply(state, {type: 'field', action: {type: 'choose', delta: 1}}).drafts['slave.containerizers']).toBe('docker,mesos');
		expect(apply(state, {type: 'field', action: {type: 'choose', delta: 2}}).drafts['slave.containerizers']).toBe('mesos');
	});

	it('does not pin a derived setting accepted as shown', () => {
		const state = onPage('ask:/etc/default/mesos-master', {'master.port': '5050', 'master.zk': 'zk://127.0.0.1:2181/mesos'});
		const accepted = apply(state, {type: 'submit-field'}, {type: 'submit-field'});
		expect(accepted.mode.kind).toBe('overview');
		expect(accepted.answers).toEqual({});
	});

	it('stops on a page whose settings break a rule, naming them by their labels and how to mend it', () => {
		const state = onPage(zooCfg, {'zookeeper.servers': '2=10.0.0.2:2888:3888', 'zookeeper.dataDir': '/var/lib/zookeeper', 'zookeeper.myid': '1'});
		const next = apply(state, {type: 'submit-field'}, {type: 'submit-field'}, {type: 'submit-field'});
		expect(next.mode.kind).toBe('fields');
		expect(problemsOf(next)).toBe(
			'ZooKeeper server id: "1" is not one of the server ids in ZooKeeper servers (2); use one of them, or add this server to ZooKeeper servers. Change ZooKeeper server id or ZooKeeper servers above (Tab moves between fields).',
		);
		// Mended on the same page: the id typed last, after the servers it must match.
		const mended = apply(next, ...typing('2'), {type: 'submit-field'});
		expect(pageId(mended)).toBe('settings');
		expect(mended.answers).toMatchObject({'zookeeper.myid': '2', 'zookeeper.servers': '2=10.0.0.2:2888:3888'});
	});

	it('does not continue from the settings while they break a rule, and says which item to open', () => {
		const settings = {...atSettings(), answers: {'zookeeper.servers': '1=10.0.0.1:2888:3888,2=10.0.0.2:2888:3888,3=10.0.0.3:2888:3888'}};
		const refused = apply(settings, {type: 'accept'});
		expect(pageId(refused)).toBe('settings');
		expect(problemsOf(refused)).toMatch(/^Master quorum: "1" is not a majority of the 3 masters in ZooKeeper servers; use a number from 2 to 3\. Choose Master quorum or ZooKeeper servers in the list/);
	});

	// Review 3, #12: an agent-only machine on the loopback defaults was let through without a word.
	it('does not continue from the settings with an agent’s loopback defaults, and marks what to set', () => {
		const agent = {...atSettings(), answers: {'node.role': 'agent'}};
		const refused = apply(agent, {type: 'accept'});
		expect(pageId(refused)).toBe('settings');
		expect(problemsOf(refused)).toMatch(
			/^Mesos ZooKeeper URL: "zk:\/\/127\.0\.0\.1:2181\/mesos" names only this machine, but this machine’s role is agent: .* Choose Mesos ZooKeeper URL or Agent’s master or This machine’s role in the list and press Enter to change it\.\nAgent IP address: "127\.0\.0\.1" /,
		);
		const marked = overviewRows(agent.answers, agent.facts, pagesOf(agent)).filter(row => row.problem).map(row => row.id);
		expect(marked).toEqual(['node.role', 'mesos.zk', 'slave.master', 'slave.ip', 'slave.hostname']);
		expect(pageId(apply({...agent, answers: {...agentAnswers}}, {type: 'accept'}))).not.toBe('settings');
	});

	it('asks an agent for its masters’ ZooKeeper on its page, and the agent’s master follows it there', () => {
		const agent = start({answers: {'node.role': 'agent'}});
		// On the guided walk, where each page leads to the next.
		const at = (id: string): WizardState => ({...agent, guided: true, pageId: id, drafts: {}, mode: {kind: 'fields', focus: 0, cursor: 0, problems: []}});
		// The agent's master, asked later, can still mend it: the Mesos ZooKeeper URL's page lets the person on.
		expect(pageId(apply(at('ask:/etc/mesos/zk'), {type: 'submit-field'}))).toBe('ask:/etc/default/mesos-slave');
		const stopped = apply(at('ask:/etc/default/mesos-slave'), {type: 'submit-field'});
		expect(problemsOf(stopped)).toMatch(/ Change Agent’s master above \(Tab moves between fields\), or press Esc to go back and change Mesos ZooKeeper URL or This machine’s role\.$/);
		const typed = apply(at('ask:/etc/mesos/zk'), ...typing('zk://10.0.0.11:2181/mesos'), {type: 'submit-field'});
		expect(resolveValues(typed.answers)['slave.master']).toBe('zk://10.0.0.11:2181/mesos');
		expect(pageId(apply(typed, {type: 'submit-field'}))).toBe('ask:/etc/mesos-slave/ip');
	});

	// Review 3, #22: Marathon's state stayed on loopback while the help said Marathon follows the URL.
	it('moves Marathon’s state with the Mesos ZooKeeper URL typed on its page, under its own path, unless it was set', () => {
		const typed = apply(onPage('ask:/etc/mesos/zk'), ...typing('zk://10.0.0.1:2181,10.0.0.2:2181/mesos'), {type: 'submit-field'});
		const rows = overviewRows(typed.answers, typed.facts, pagesOf(typed));
		expect(rows.find(row => row.id === 'marathon.zk')).toMatchObject({value: 'zk://10.0.0.1:2181,10.0.0.2:2181/marathon', changed: false});
		expect(typed.answers).not.toHaveProperty('marathon.zk');
		const set = {...onPage('ask:/etc/mesos/zk'), answers: {'marathon.zk': 'zk://10.0.0.9:2181/marathon'}};
		const kept = apply(set, ...typing('zk://10.0.0.1:2181/mesos'), {type: 'submit-field'});
		expect(resolveValues(kept.answers)['marathon.zk']).toBe('zk://10.0.0.9:2181/marathon');
	});

	it('names the commands a page’s values need that the preflight could not check', () => {
		const page = pagesOf(start()).find(p => p.id === 'ask:installer');
		if (!page) throw new Error('no installer page');
		const at = (source: string) => onPage(page.id, {'repo.source': source});
		expect(commandsNeededBy(at('folder'), page).map(check => check.name)).toEqual(['apt-ftparchive']);
		expect(commandsNeededBy(at('article'), page)).toEqual([]);
		const other = pagesOf(start()).find(p => p.id === 'ask:/etc/mesos-slave/ip');
		if (!other) throw new Error('no ip page');
		expect(commandsNeededBy({...at('folder'), answers: {'repo.source': 'folder'}}, other)).toEqual([]);
		// Docker is no command to warn about: the install step adds docker.io and the preflight asks docker version.
		const containerizers = pagesOf(start()).find(p => p.id === 'ask:/etc/mesos-slave/containerizers');
		if (!containerizers) throw new Error('no containerizers page');
		expect(commandsNeededBy(onPage(containerizers.id, {'slave.containerizers': 'docker,mesos'}), containerizers)).toEqual([]);
	});

	it('goes back with Esc: a page of the walk to the one before, the first to the settings, the settings to the preflight', () => {
		let state = apply(atSettings(), {type: 'choose', delta: 1}, {type: 'accept'});
		const installer = currentPage(state).page.fields.length;
		state = apply(state, ...Array.from({length: installer}, (): WizardAction => ({type: 'submit-field'})));
		expect(pageId(state)).toBe(zooCfg);
		state = apply(state, {type: 'back'});
		expect(pageId(state)).toBe('ask:installer');
		expect(state.mode).toMatchObject({kind: 'fields', focus: installer - 1});
		state = apply(state, {type: 'back'});
		expect(pageId(state)).toBe('settings');
		expect(pageId(apply(state, {type: 'back'}))).toBe('preflight');
	});

	it('retries a failed action, or skips it and goes on with the rest', () => {
		const installing: WizardState = {...start(), pageId: 'install', mode: {kind: 'running', from: 0}};
		const failed = apply(installing, {type: 'run-ended', ok: false, failedIndex: 0, message: 'apt lock held'});
		expect(failed.mode).toEqual({kind: 'failed', index: 0, message: 'apt lock held', canSkip: true});
		expect(apply(failed, {type: 'retry'}).mode).toEqual({kind: 'running', from: 0});
		const skipped = apply(failed, {type: 'skip'});
		expect(skipped.mode).toEqual({kind: 'running', from: 1, skipping: [0]});
		expect(skipped.hadFailure).toBe(true);
		// A skip stops the run on its page, so what was skipped is read before going on.
		const finished = apply(skipped, {type: 'run-ended', ok: true});
		expect(finished.marks.install).toBe('skipped');
		expect(finished.mode.kind).toBe('finished');
		expect(apply(finished, {type: 'accept'}).mode).toEqual({kind: 'running', from: 0});
	});

	it('blames the files a step refused before it started, and a skip leaves out only those: the run goes on from where it started', () => {
		const configuring: WizardState = {...start(), pageId: 'configuration', mode: {kind: 'running', from: 0}};
		const actions = currentPage(configuring).page.step?.actions ?? [];
		const quorum = actions.findIndex(a => a.kind === 'file' && a.path === '/etc/mesos-master/quorum');
		const workDir = actions.findIndex(a => a.kind === 'file' && a.path === '/etc/mesos-master/work_dir');
		expect(quorum).toBeGreaterThan(0);
		const message = 'Configuration did not start: /etc/mesos-master/quorum (from master.quorum) cannot be written';
		const refused = apply(configuring, {type: 'run-ended', ok: false, failedIndex: 0, refused: [quorum, workDir], message});
		expect(refused.mode).toEqual({kind: 'failed', index: quorum, message, canSkip: true, refused: {from: 0, actions: [quorum, workDir]}});
		// r: the whole step again, nothing of it ran.
		expect(apply(refused, {type: 'retry'}).mode).toEqual({kind: 'running', from: 0});
		const skipped = apply(refused, {type: 'skip'});
		expect(skipped.mode).toEqual({kind: 'running', from: 0, skipping: [quorum, workDir]});
		expect(skipped.skipped.configuration).toEqual(['/etc/mesos-master/quorum', '/etc/mesos-master/work_dir']);
		// A later failure keeps what was skipped: its retry does not write those files either.
		const later = apply(skipped, {type: 'run-ended', ok: false, failedIndex: quorum + 3, message: 'disk full'});
		expect(apply(later, {type: 'retry'}).mode).toEqual({kind: 'running', from: quorum + 3, skipping: [quorum, workDir]});
		const finished = apply(skipped, {type: 'run-ended', ok: true});
		expect(finished.marks.configuration).toBe('skipped');
		expect(finished.mode.kind).toBe('finished');
	});

	it('takes the facts found after the install: shows the files that moved, writes nothing, and on Enter goes on in the layout the packages read', () => {
		const installing: WizardState = {...start(), pageId: 'install', mode: {kind: 'running', from: 0}};
		const paths = (state: WizardState) => pagesOf(state).find(p => p.id === 'configuration')?.step?.actions.flatMap(a => (a.kind === 'file' ? [a.path] : [])) ?? [];
		expect(paths(installing)).toContain('/etc/mesos-slave/ip');
		const installed = apply(installing, {type: 'run-ended', ok: true, notice: 'installed', facts: {...articleMachine, agentLayout: 'agent', marathonLayout: 'default-file'}});
		// Stopped on the install page, its run done, nothing after it started.
		expect(pageId(installed)).toBe('install');
		expect(installed.mode).toMatchObject({kind: 'moved', notice: 'installed'});
		const lines = installed.mode.kind === 'moved' ? installed.mode.lines : [];
		expect(lines[0]).toMatch(/^The installed packages read the agent’s from \/etc\/mesos-agent\/ .*not what the summary showed/);
		expect(lines).toContain('  write  /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)');
		expect(lines).toContain('  write  /etc/default/marathon (instead of /etc/marathon/conf/hostname, /etc/marathon/conf/master, /etc/marathon/conf/zk)');
		expect(paths(installed)).toContain('/etc/mesos-agent/ip');
		expect(paths(installed)).not.toContain('/etc/mesos-slave/ip');
		expect(paths(installed).filter(path => path.includes('marathon'))).toEqual(['/etc/default/marathon']);
		expect(pagesOf(installed).some(p => p.id === 'ask:/etc/mesos-agent/ip')).toBe(true);
		// Esc and other keys do not go on; Enter does: the install is done and the next step runs.
		expect(apply(installed, {type: 'back'})).toBe(installed);
		const on = apply(installed, {type: 'accept'});
		expect(on.marks.install).toBe('done');
		expect(pageId(on)).not.toBe('install');
		expect(on.mode).toEqual({kind: 'running', from: 0});
		expect(on.notice).toBe('installed');
		// The same layout as shown: no question, the run goes on at once.
		const same = apply(installing, {type: 'run-ended', ok: true, facts: {...articleMachine, versions: {mesos: '1.9.0'}}});
		expect(same.marks.install).toBe('done');
		expect(same.mode.kind).toBe('running');
	});

	it('shows the summary of the predicted layout and starts nothing before the prediction for the answers’ source came', () => {
		const predicted: Facts = {...articleMachine, agentLayout: 'agent', marathonLayout: 'default-file', layoutPrediction: {where: '/srv/debs', agent: 'mesos 1.11.0: its agent service runs mesos-init-wrapper agent'}};
		const folder = {'repo.source': 'folder', 'repo.folder': '/srv/debs'};
		const atSummary: WizardState = {...unpredicted({answers: folder}), pageId: 'summary', mode: {kind: 'summary', cursor: 0, open: false, scroll: 0}};
		expect(apply(atSummary, {type: 'accept'})).toBe(atSummary);
		// A prediction made for another source (the answers changed since) is dropped.
		const stale = apply(atSummary, {type: 'layout-predicted', source: predictionKey(resolveValues({})), facts: predicted});
		expect(stale).toBe(atSummary);
		const ready = apply(atSummary, {type: 'layout-predicted', source: predictionKey(resolveValues(folder)), facts: predicted});
		const summaryPaths = pagesOf(ready).flatMap(p => p.step?.actions ?? []).flatMap(a => (a.kind === 'file' ? [a.path] : []));
		expect(summaryPaths).toEqual(expect.arrayContaining(['/etc/mesos-agent/ip', '/etc/default/marathon']));
		expect(summaryPaths.filter(path => path.startsWith('/etc/mesos-slave/'))).toEqual([]);
		expect(apply(ready, {type: 'accept'}).mode.kind).toBe('running');
		// Once the install has shown the layout, no prediction replaces it.
		const installed = {...ready, layoutFor: 'installed'};
		expect(apply(installed, {type: 'layout-predicted', source: predictionKey(resolveValues(folder)), facts: articleMachine})).toBe(installed);
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

	it('asks before quitting, and exits 130 before the setup is done, 1 after a failure, 0 once it is done', () => {
		const asked = apply(start(), {type: 'ask-quit'});
		expect(asked.mode).toEqual({kind: 'quitting', under: {kind: 'welcome', offer: 'ready', choice: 0}});
		expect(apply(asked, {type: 'stay'}).mode.kind).toBe('welcome');
		expect(apply(asked, {type: 'quit'}).mode).toEqual({kind: 'exit', code: 130, reason: 'quit'});
		// A step done, the next not started: the setup is half done, as when y lands during a step.
		const between: WizardState = {...start(), pageId: 'repository', marks: {key: 'done', repository: 'done'}, mode: {kind: 'finished'}};
		expect(apply(between, {type: 'ask-quit'}, {type: 'quit'}).mode).toEqual({kind: 'exit', code: 130, reason: 'quit'});
		expect(apply(between, {type: 'quit'}).mode).toEqual({kind: 'exit', code: 130, reason: 'quit'});
		const done: WizardState = {...start(), pageId: 'done', mode: {kind: 'done'}};
		expect(apply(done, {type: 'ask-quit'}, {type: 'quit'}).mode).toEqual({kind: 'exit', code: 0, reason: 'quit'});
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
		expect(apply(ended, {type: 'quit'}).mode).toEqual({kind: 'exit', code: 130, reason: 'quit'});
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
		expect(apply(rehearsal, {type: 'choose', delta: -1}, {type: 'accept'}).mode).toEqual({kind: 'exit', code: 130, reason: 'quit'});
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
		expect(pageId(resumed)).toBe('settings');
		expect(resumed.marks).toMatchObject({preflight: 'earlier', install: 'earlier', overrides: 'earlier'});
		expect(resumed.continueRun).toBe(true);
		// The summary, then the run from the step it stopped at.
		const running = apply(resumed, {type: 'accept'}, {type: 'accept'});
		expect(pageId(running)).toBe('configuration');
		expect(running.mode).toEqual({kind: 'running', from: 0});
		const restarted = apply(state, {type: 'choose', delta: 1}, {type: 'accept'});
		expect(pageId(restarted)).toBe('preflight');
		expect(restarted.continueRun).toBe(false);
	});
});
