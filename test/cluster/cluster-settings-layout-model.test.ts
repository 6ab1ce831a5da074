// The cluster settings pages' reducer with a predicted layout (model/cluster-settings.ts and
// cluster-settings-pages.ts): the pages follow the source chosen on its page and the layout
// predicted for it, keep the page and what is typed, drop a prediction made for a source no longer
// chosen, and say where the layout came from or that it is being predicted.
import {describe, expect, it} from 'vitest';
import {clusterSettingsFor, clusterSettingsReducer, type ClusterSettingsState, layoutWords, pagesLayoutKey} from '../../source/model/cluster-settings.js';
import type {Cluster} from '../../source/model/cluster.js';
import {articleMachine, type Facts} from '../../source/model/facts.js';
import {predictedFacts} from '../../source/model/layout-prediction.js';

const cluster: Cluster = {
	nodes: [
		{name: 'm1', address: '10.0.0.11', role: 'master'},
		{name: 'a1', address: '10.0.0.21', role: 'agent'},
	],
	ssh: {},
	settings: {'repo.source': 'folder', 'repo.folder': '/srv/debs'},
};

const agentLayout: Facts = predictedFacts(articleMachine, {where: '/srv/debs read on this machine', mesos: '1.11.0', marathon: '1.10.26', agentServiceFiles: ['ExecStart=/usr/bin/mesos-init-wrapper agent']});
const titles = (state: ClusterSettingsState): string[] => state.pages.map(page => page.title);
const predicted = (state: ClusterSettingsState, facts: Facts): ClusterSettingsState =>
	clusterSettingsReducer(state, {type: 'layout', layouts: {for: pagesLayoutKey(state) ?? '', facts: {m1: facts, a1: facts}}});

describe('the cluster settings pages with the layout predicted for their source', () => {
	it('show the article’s paths, said as predicting, until the prediction for the source comes; then its paths and where they were read', () => {
		const start = clusterSettingsFor(cluster, cluster.settings);
		expect(titles(start)).toContain('/etc/marathon/conf/master');
		expect(start.pages[0]?.asked).toContain('repo.folder');
		expect(layoutWords(start)).toEqual(['Layout: predicting from the package source… the article’s paths are shown until it is read.']);
		const known = predicted(start, agentLayout);
		expect(titles(known)).toContain('/etc/default/marathon');
		expect(titles(known).some(title => title.startsWith('/etc/mesos-agent/'))).toBe(true);
		expect(titles(known).filter(title => title.startsWith('/etc/mesos-slave/') || title.startsWith('/etc/marathon/'))).toEqual([]);
		expect(layoutWords(known)[0]).toMatch(/^Layout: the agent’s from \/etc\/mesos-agent\/ .*; predicted from \/srv\/debs read on this machine \(mesos 1\.11\.0: its agent service runs mesos-init-wrapper agent; marathon 1\.10\.26\)\.$/);
	});

	it('keep the page the cursor is on, and what was typed, when the prediction comes', () => {
		let state = clusterSettingsFor(cluster, cluster.settings);
		while (!state.pages[state.page]?.title.startsWith('/etc/zookeeper/')) state = clusterSettingsReducer(state, {type: 'page', delta: 1});
		state = clusterSettingsReducer(state, {type: 'field', action: {type: 'text', edit: {type: 'insert', text: 'x'}}});
		const typed = {...state.drafts};
		const known = predicted(state, agentLayout);
		expect(known.pages[known.page]?.title).toBe(state.pages[state.page]?.title);
		expect(known.drafts).toMatchObject(typed);
	});

	it('ask the chosen source’s settings at once, and drop a prediction made for the source before', () => {
		const start = clusterSettingsFor(cluster, cluster.settings);
		const stale = {type: 'layout' as const, layouts: {for: pagesLayoutKey(start) ?? '', facts: {m1: agentLayout, a1: agentLayout}}};
		// repo.source has the cursor: folder → apt → article.
		let article = clusterSettingsReducer(start, {type: 'field', action: {type: 'choose', delta: -1}});
		article = clusterSettingsReducer(article, {type: 'field', action: {type: 'choose', delta: -1}});
		expect(article.drafts['repo.source']).toBe('article');
		expect(article.pages[0]?.asked).not.toContain('repo.folder');
		expect(article.pages[0]?.asked).toContain('repo.keyserver');
		expect(pagesLayoutKey(article)).not.toBe(pagesLayoutKey(start));
		expect(clusterSettingsReducer(article, stale)).toBe(article);
		expect(layoutWords(article)[0]).toContain('predicting');
	});
});
