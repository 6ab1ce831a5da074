import {describe, expect, it} from 'vitest';
import {consistencyProblems, resolveValues} from '../../source/model/answers.js';
import {articleMachine} from '../../source/model/facts.js';
import {buildPlan} from '../../source/model/plan.js';
import {packageSources} from '../../source/model/repository-settings.js';
import {settings} from '../../source/model/settings.js';
import {problemPage, wizardPages} from '../../source/model/wizard-pages.js';

const pagesFor = (answers: Record<string, string> = {}) => wizardPages(buildPlan(resolveValues(answers), articleMachine));

describe('wizard pages', () => {
	it('follow the article: welcome, preflight, key, repository, install, overrides, one page per file, start, done', () => {
		const pages = pagesFor();
		expect(pages.map(p => p.kind === 'file' ? 'file' : p.id)).toEqual([
			'welcome',
			'preflight',
			'key',
			'repository',
			'install',
			'overrides',
			...Array(15).fill('file'),
			'start',
			'done',
		]);
		expect(pages.filter(p => p.kind === 'file').map(p => p.title).slice(0, 4)).toEqual([
			'/etc/zookeeper/conf/myid',
			'/etc/zookeeper/conf/zoo.cfg',
			'/etc/default/mesos',
			'/etc/mesos/zk',
		]);
	});

	it('ask for every setting exactly once, the source’s own settings where that source is chosen', () => {
		const askedBy = packageSources.map(source => pagesFor({'repo.source': source}).flatMap(p => p.fields));
		for (const asked of askedBy) expect(new Set(asked).size).toBe(asked.length);
		expect([...new Set(askedBy.flat())].sort()).toEqual(settings.map(s => s.id).sort());
		expect(askedBy[2]).not.toContain('repo.key');
		expect(askedBy[0]).not.toContain('repo.folder');
	});

	it('put the myid copy for another dataDir on the zoo.cfg page, where dataDir is set', () => {
		const pages = pagesFor({'zookeeper.dataDir': '/srv/zookeeper'});
		const zooCfg = pages.find(p => p.title === '/etc/zookeeper/conf/zoo.cfg');
		expect(zooCfg?.step?.actions.map(a => (a.kind === 'file' ? a.path : a.kind))).toEqual(['/etc/zookeeper/conf/zoo.cfg', '/srv/zookeeper/myid']);
		expect(pages.some(p => p.title === '/srv/zookeeper/myid')).toBe(false);
	});

	it('let only the last file page finish the configuration step', () => {
		const files = pagesFor().filter(p => p.kind === 'file');
		expect(files.map(p => p.completesStep).filter(Boolean)).toHaveLength(1);
		expect(files.at(-1)?.completesStep).toBe(true);
	});

	it('place a problem between settings on the page of the last setting it is about', () => {
		const pages = pagesFor();
		const [myid, quorum] = consistencyProblems(resolveValues({'zookeeper.myid': '2', 'master.quorum': '2'}));
		expect(myid?.settings).toEqual(['zookeeper.myid', 'zookeeper.servers']);
		expect(pages[problemPage(myid ?? {settings: [], text: ''}, pages)]?.title).toBe('/etc/zookeeper/conf/zoo.cfg');
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
