import {describe, expect, it} from 'vitest';
import {consistencyProblems, resolveValues} from '../../source/model/answers.js';
import {articleMachine} from '../../source/model/facts.js';
import {buildPlan} from '../../source/model/plan.js';
import {packageSources} from '../../source/model/repository-settings.js';
import {settings} from '../../source/model/settings.js';
import {askedSettings, problemPage, wizardPages} from '../../source/model/wizard-pages.js';

const pagesFor = (answers: Record<string, string> = {}) => wizardPages(buildPlan(resolveValues(answers), articleMachine));

describe('wizard pages', () => {
	it('ask first and change after: welcome, preflight, settings, the question pages, the summary, then the article\'s steps, done', () => {
		const pages = pagesFor();
		expect(pages.map(p => (p.kind === 'questions' ? 'questions' : p.id))).toEqual([
			'welcome',
			'preflight',
			'settings',
			...Array(17).fill('questions'),
			'summary',
			'key',
			'repository',
			'install',
			'overrides',
			'configuration',
			'start',
			'done',
		]);
		expect(pages.filter(p => p.kind === 'questions').map(p => p.title).slice(0, 4)).toEqual(['Package source and role', '/etc/zookeeper/conf/zoo.cfg', '/etc/default/mesos', '/etc/mesos/zk']);
		// Nothing before the summary carries a step that changes the machine.
		const summary = pages.findIndex(p => p.id === 'summary');
		expect(pages.slice(0, summary).flatMap(p => (p.step ? [p.step.id] : []))).toEqual(['preflight']);
		expect(pages.slice(summary + 1).every(p => p.fields.length === 0)).toBe(true);
	});

	it('ask for every setting exactly once, the source’s own settings where that source is chosen', () => {
		const askedBy = packageSources.map(source => pagesFor({'repo.source': source}).flatMap(p => p.fields));
		for (const asked of askedBy) expect(new Set(asked).size).toBe(asked.length);
		expect([...new Set(askedBy.flat())].sort()).toEqual(settings.map(s => s.id).sort());
		expect(askedBy[2]).not.toContain('repo.key');
		expect(askedBy[0]).not.toContain('repo.folder');
	});

	it('ask the server id on the servers\' page, after them, and the quorum after the servers', () => {
		const pages = pagesFor();
		const zooCfg = pages.find(p => p.title === '/etc/zookeeper/conf/zoo.cfg');
		expect(zooCfg?.fields).toEqual(['zookeeper.servers', 'zookeeper.dataDir', 'zookeeper.myid']);
		expect(pages.some(p => p.title === '/etc/zookeeper/conf/myid')).toBe(false);
		const asked = askedSettings(pages);
		expect(asked.indexOf('master.quorum')).toBeGreaterThan(asked.indexOf('zookeeper.servers'));
	});

	it('ask each setting on the page of the file it is written to, the master’s empty ip and host name too, so typing one moves no page', () => {
		const pages = pagesFor();
		const fieldsOf = (title: string) => pages.find(p => p.title === title)?.fields;
		expect(fieldsOf('/etc/mesos-master/quorum')).toEqual(['master.quorum']);
		expect(fieldsOf('/etc/mesos-master/ip')).toEqual(['master.ip']);
		expect(fieldsOf('/etc/mesos-master/hostname')).toEqual(['master.hostname']);
		const ids = (of: typeof pages) => of.map(p => `${p.id}: ${p.fields.join(',')}`);
		expect(ids(pagesFor({'master.ip': '10.0.0.5', 'master.hostname': 'master-1'}))).toEqual(ids(pages));
		// An agent reads no /etc/mesos-master file: it is not asked them.
		expect(pagesFor({'node.role': 'agent'}).flatMap(p => p.fields)).not.toContain('master.ip');
	});

	it('write the myid copy for another dataDir in the configuration step, whose page finishes it', () => {
		const pages = pagesFor({'zookeeper.dataDir': '/srv/zookeeper'});
		const configuration = pages.find(p => p.id === 'configuration');
		expect(configuration?.step?.actions.map(a => (a.kind === 'file' ? a.path : a.kind))).toContain('/srv/zookeeper/myid');
		expect(pages.filter(p => p.step).every(p => p.completesStep)).toBe(true);
	});

	it('place a problem between settings on the page of the last setting it is about', () => {
		const pages = pagesFor();
		const [myid, quorum] = consistencyProblems(resolveValues({'zookeeper.myid': '2', 'master.quorum': '2'}));
		expect(myid?.settings).toEqual(['zookeeper.myid', 'zookeeper.servers']);
		expect(pages[problemPage(myid ?? {settings: [], text: ''}, pages)]?.title).toBe('/etc/zookeeper/conf/zoo.cfg');
		// In the wizard the problem names the settings by their labels.
		const [said] = consistencyProblems(resolveValues({'zookeeper.myid': '2'}), id => settings.find(s => s.id === id)?.label ?? id);
		expect(said?.text).toBe('ZooKeeper server id: "2" is not one of the server ids in ZooKeeper servers (1); use one of them, or add this server to ZooKeeper servers.');
		expect(quorum?.settings).toEqual(['master.quorum', 'zookeeper.servers']);
		expect(pages[problemPage(quorum ?? {settings: [], text: ''}, pages)]?.title).toBe('/etc/mesos-master/quorum');
	});

	it('pick a problem’s page from the settings it is about, never from its wording', () => {
		const pages = pagesFor();
		const worded = {settings: ['master.quorum' as const], text: 'zookeeper.servers and marathon.zk are named here, but only master.quorum is meant.'};
		expect(pages[problemPage(worded, pages)]?.title).toBe('/etc/mesos-master/quorum');
		expect(problemPage({settings: [], text: 'master.quorum'}, pages)).toBe(-1);
	});
});
