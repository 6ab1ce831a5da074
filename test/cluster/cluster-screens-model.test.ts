// The pure parts of the cluster screens: the settings pages (the wizard's, asked once, what the
// machine list derives shown per node and never asked), what goes into the cluster file, each
// node's changes before a deploy, the deploy view folded from the use case's events, and the
// status rows per node.
import {describe, expect, it} from 'vitest';
import type {ApplyEvent} from '../../source/model/apply-events.js';
import {nodeChanges} from '../../source/model/cluster-changes.js';
import {clusterProven, deployReducer, deployView} from '../../source/model/cluster-deploy-view.js';
import {judgeCluster} from '../../source/model/cluster-health.js';
import {nodeStatuses} from '../../source/model/cluster-node-status.js';
import {nodePlan} from '../../source/model/cluster-plan.js';
import {chosenSettings, clusterSettings, clusterSettingsPages, clusterSettingsReducer, derivedValue, draftReason} from '../../source/model/cluster-settings.js';
import {type Cluster, roleServices} from '../../source/model/cluster.js';
import {articleMachine} from '../../source/model/facts.js';
import {derivedSettings} from '../../source/model/cluster-derivation.js';

const cluster: Cluster = {
	nodes: [
		{name: 'm1', address: '10.0.0.11', role: 'master'},
		{name: 'm2', address: '10.0.0.12', role: 'master'},
		{name: 'm3', address: '10.0.0.13', role: 'master'},
		{name: 'a1', address: '10.0.0.21', role: 'agent'},
	],
	ssh: {},
	settings: {'slave.containerizers': 'mesos'},
};
const plans = cluster.nodes.map(node => nodePlan(cluster, node, articleMachine));

describe('the settings pages for every node', () => {
	const pages = clusterSettingsPages(plans);
	it('are the wizard’s pages, once each, and never ask a setting the machine list derives', () => {
		const ids = pages.map(page => page.id);
		expect(new Set(ids).size).toBe(ids.length);
		// The package source and the role first, then one page per file, as the wizard's question pages.
		expect(ids.slice(0, 2)).toEqual(['ask:installer', 'ask:/etc/zookeeper/conf/zoo.cfg']);
		const asked = pages.flatMap(page => page.asked);
		const derived = pages.flatMap(page => page.derived);
		for (const setting of derivedSettings) expect(asked).not.toContain(setting.id);
		expect(derived).toEqual(expect.arrayContaining(['zookeeper.myid', 'zookeeper.servers', 'master.quorum', 'mesos.zk', 'slave.ip']));
		expect(asked).toEqual(expect.arrayContaining(['zookeeper.dataDir', 'master.port', 'slave.containerizers']));
	});

	it('show a derived setting with its value on each node, or the one value all share', () => {
		expect(derivedValue(cluster, 'zookeeper.myid').value).toBe('m1: 1, m2: 2, m3: 3');
		expect(derivedValue(cluster, 'master.quorum').value).toBe('2');
		expect(derivedValue(cluster, 'slave.ip').value).toBe('10.0.0.21');
	});

	it('refuse to go on from a page with a value its setting does not allow, and keep only chosen values for the file', () => {
		let state = clusterSettings(pages, cluster.settings);
		const zooPage = pages.findIndex(page => page.asked.includes('zookeeper.dataDir'));
		while (state.page < zooPage) state = clusterSettingsReducer(state, {type: 'page', delta: 1});
		expect(state.page).toBe(zooPage);
		state = clusterSettingsReducer(state, {type: 'field', action: {type: 'text', edit: {type: 'clear-before'}}});
		const refused = clusterSettingsReducer(state, {type: 'page', delta: 1});
		expect(refused.page).toBe(zooPage);
		expect(refused.problems.join(' ')).toContain('zookeeper.dataDir');
		for (const char of '/srv/zk') state = clusterSettingsReducer(state, {type: 'field', action: {type: 'text', edit: {type: 'insert', text: char}}});
		expect(clusterSettingsReducer(state, {type: 'page', delta: 1}).page).toBe(zooPage + 1);
		expect(chosenSettings(state)).toEqual({'slave.containerizers': 'mesos', 'zookeeper.dataDir': '/srv/zk'});
	});

	it('let the executor registration timeout follow docker, say why, and write only what was chosen', () => {
		const reason = '10mins is the default while the containerizers include docker';
		const onPage = (state: ReturnType<typeof clusterSettings>, id: string) => {
			const page = pages.findIndex(each => each.asked.includes(id as never));
			let moved = state;
			while (moved.page < page) moved = clusterSettingsReducer(moved, {type: 'page', delta: 1});
			return moved;
		};
		const choose = (state: ReturnType<typeof clusterSettings>, delta: number) => clusterSettingsReducer(state, {type: 'field', action: {type: 'choose', delta}});
		const mesosOnly = onPage(clusterSettings(pages, {}), 'slave.containerizers');
		expect(mesosOnly.drafts['slave.executor_registration_timeout']).toBe('5mins');
		expect(draftReason(mesosOnly, 'slave.executor_registration_timeout')).toBeUndefined();
		// docker chosen on its page: the timeout's page, filled at the start, now holds 10mins and says why.
		const docker = choose(mesosOnly, 1);
		expect(docker.drafts['slave.containerizers']).toBe('docker,mesos');
		expect(docker.drafts['slave.executor_registration_timeout']).toBe('10mins');
		expect(draftReason(docker, 'slave.executor_registration_timeout')).toContain(reason);
		// The file says docker only: 10mins follows from it on every node, as on one machine.
		expect(chosenSettings(docker)).toEqual({'slave.containerizers': 'docker,mesos'});
		// Back to mesos alone: the timeout goes back to 5mins with it.
		expect(choose(docker, -1).drafts['slave.executor_registration_timeout']).toBe('5mins');
		// A value typed on the timeout's page wins: it stays when docker goes, and is written.
		let typed = onPage(docker, 'slave.executor_registration_timeout');
		typed = clusterSettingsReducer(typed, {type: 'field', action: {type: 'text', edit: {type: 'clear-before'}}});
		for (const char of '3mins') typed = clusterSettingsReducer(typed, {type: 'field', action: {type: 'text', edit: {type: 'insert', text: char}}});
		expect(draftReason(typed, 'slave.executor_registration_timeout')).toBeUndefined();
		expect(chosenSettings(typed)).toEqual({'slave.containerizers': 'docker,mesos', 'slave.executor_registration_timeout': '3mins'});
		// A cluster file that gives docker: the timeout starts at 10mins, with its reason.
		const given = clusterSettings(pages, {'slave.containerizers': 'docker,mesos'});
		expect(given.drafts['slave.executor_registration_timeout']).toBe('10mins');
		expect(draftReason(given, 'slave.executor_registration_timeout')).toContain(reason);
		// The same sentence as the file's note in every agent's plan.
		const agent = nodePlan({...cluster, settings: {'slave.containerizers': 'docker,mesos'}}, cluster.nodes[3] as never, articleMachine);
		const note = agent.plan.steps.flatMap(step => step.actions).flatMap(action => (action.kind === 'file' && action.path.endsWith('executor_registration_timeout') ? action.notes : []));
		expect(note).toContain(draftReason(given, 'slave.executor_registration_timeout'));
	});
});

describe('each node’s changes before a deploy', () => {
	it('says which files are new, changed or unchanged against what the node holds, and lists its commands', () => {
		const m2 = plans[1]!;
		const before = new Map<string, string | undefined>([
			['/etc/zookeeper/conf/myid', '2\n'],
			['/etc/mesos-master/quorum', '1\n'],
		]);
		const changes = nodeChanges(m2, before);
		const change = (path: string) => changes.files.find(file => file.path === path)?.change;
		expect(change('/etc/zookeeper/conf/myid')).toBe('unchanged');
		expect(change('/etc/mesos-master/quorum')).toBe('changed');
		expect(change('/etc/mesos/zk')).toBe('new');
		expect(changes.files.find(file => file.path === '/etc/mesos/zk')?.after).toBe('zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/mesos\n');
		expect(changes.commands).toContain('LC_ALL=C apt-get -y update');
		expect(changes.services).toEqual(['zookeeper', 'mesos-master', 'marathon']);
	});
});

describe('the deploy view', () => {
	it('follows each node through its steps and services, asks about a failed one, and ends', () => {
		let view = deployView(cluster.nodes, node => roleServices(node.role));
		const start = plans[3]!.plan.steps.find(step => step.id === 'start')!;
		const action = start.actions[0]!;
		const node = (event: ApplyEvent) => (view = deployReducer(view, {type: 'event', event: {type: 'node', node: 'a1', event}}));
		view = deployReducer(view, {type: 'event', event: {type: 'stage-start', stage: {id: 'agents', title: 'The Mesos agents', parts: []}}});
		node({type: 'step-start', step: start});
		node({type: 'action-start', step: start, action, index: 0});
		node({type: 'probe', step: start, action, result: {healthy: false, detail: 'connection refused'}});
		const a1 = () => view.nodes.find(pane => pane.node.name === 'a1')!;
		expect(view.stage).toBe('The Mesos agents');
		expect(a1()).toMatchObject({state: 'running', step: start.title, services: {'mesos-slave': {state: 'probing', detail: 'connection refused'}}});
		view = deployReducer(view, {type: 'asking', failure: {node: 'a1', message: 'Start: not healthy'}});
		expect(a1().state).toBe('failed');
		view = deployReducer(view, {type: 'answered'});
		expect(view.asking).toBeUndefined();
		node({type: 'action-end', step: start, action, index: 0, outcome: {status: 'healthy', message: 'healthy'}});
		expect(a1().services['mesos-slave']).toEqual({state: 'healthy', detail: 'healthy'});
		view = deployReducer(view, {type: 'ended', outcome: {ok: true, failed: [], nodes: []}});
		expect(view.nodes.every(pane => pane.state === 'done')).toBe(true);
	});

	it('ends by counting the nodes set up in words that fit one node too', () => {
		expect(clusterProven(1)).toBe('1 node set up and the cluster proven');
		expect(clusterProven(5)).toBe('5 nodes set up and the cluster proven');
	});
});

describe('the status rows per node', () => {
	it('name each master’s ZooKeeper mode, whether its Mesos master and Marathon lead, and each agent’s place', () => {
		const masters = cluster.nodes.slice(0, 3).map(each => ({node: each.name, address: each.address}));
		const readings = {
			zookeeper: masters.map((master, index) => (index === 0 ? {...master, error: 'connection refused'} : {...master, mode: index === 1 ? 'leader' : 'follower'})),
			masters: masters.map(master => ({...master, state: {leader: 'master@10.0.0.12:5050', slaves: [{hostname: '10.0.0.21', active: true}], frameworks: []}})),
			marathon: masters.map(master => ({...master, leader: '10.0.0.13:8080'})),
			agents: [{node: 'a1', address: '10.0.0.21'}],
		};
		const rows = nodeStatuses(cluster, readings, judgeCluster(readings));
		expect(rows[0]!.rows).toEqual([
			{service: 'zookeeper', ok: false, text: 'connection refused'},
			{service: 'mesos-master', ok: true, text: 'answers (leader 10.0.0.12:5050)'},
			{service: 'marathon', ok: true, text: 'names 10.0.0.13:8080'},
		]);
		expect(rows[1]!.rows[1]).toEqual({service: 'mesos-master', ok: true, text: 'leading'});
		expect(rows[2]!.rows[2]).toEqual({service: 'marathon', ok: true, text: 'leading'});
		expect(rows[3]!.rows).toEqual([{service: 'mesos-slave', ok: true, text: 'active on the leading master'}]);
	});
});
