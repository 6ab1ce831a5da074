// Package sources (repo.source): the article's repository, any apt repository with its own key, and
// a folder of .deb files. Golden files hold each source's preflight, key, repository and install;
// the rules across their settings; and how an index or a folder is judged before anything changes.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {consistencyProblems, problemTexts, resolveValues} from '../../source/model/answers.js';
import {debsIn, judgeFolder, judgeIndex} from '../../source/model/apt-index.js';
import {InputError} from '../../source/model/errors.js';
import {articleMachine, type Facts} from '../../source/model/facts.js';
import {buildPlan, type Plan} from '../../source/model/plan.js';
import {refuseUnpinnedKey} from '../../source/model/source-problems.js';
import {golden as goldenFile, planText} from '../helpers/plan-text.js';
import {agentAnswers} from '../helpers/agent-answers.js';

const debian12: Facts = {...articleMachine, distro: 'debian', codename: 'bookworm', init: 'sysv', aptKey: 'deprecated', assumed: false};
const goldenDir = fileURLToPath(new URL('golden-plans/', import.meta.url));
const fingerprint = '0123456789ABCDEF0123456789ABCDEF01234567';

// The steps a source decides: preflight, key, repository, install.
const sourceSteps = (plan: Plan): Plan => ({...plan, steps: plan.steps.filter(step => ['preflight', 'key', 'repository', 'install'].includes(step.id))});
const planOf = (answers: Record<string, string>) => buildPlan(resolveValues(answers), debian12);

const cases: [string, Record<string, string>][] = [
	['article', {}],
	['apt-keyserver', {'repo.source': 'apt', 'repo.url': 'http://mirror.example.org/mesos', 'repo.suite': 'stable', 'repo.fingerprint': fingerprint}],
	['apt-key-url-unpinned', {'repo.source': 'apt', 'repo.url': 'https://mirror.example.org/mesos', 'repo.keyUrl': 'https://mirror.example.org/key.asc'}],
	['apt-key-file', {'repo.source': 'apt', 'repo.url': 'http://10.0.0.2/debian', 'repo.component': 'contrib', 'repo.keyFile': '/root/archive-key.gpg', 'repo.fingerprint': fingerprint}],
	['folder', {'repo.source': 'folder', 'repo.folder': '/srv/mesos-debs'}],
	['folder-agent', {'repo.source': 'folder', 'repo.folder': '/srv/mesos-debs', ...agentAnswers}],
];

describe('package sources', () => {
	it.each(cases)('%s: preflight, key, repository and install (golden)', async (name, answers) => {
		expect(problemTexts(consistencyProblems(resolveValues(answers)))).toEqual([]);
		await goldenFile(goldenDir, `source-${name}.txt`, planText(sourceSteps(planOf(answers))));
	});

	it('an apt source is trusted for itself only (signed-by), with its suite defaulting to this machine’s codename', () => {
		const plan = planOf({'repo.source': 'apt', 'repo.url': 'http://mirror.example.org/mesos', 'repo.fingerprint': fingerprint});
		const list = plan.steps.find(step => step.id === 'repository')?.actions[0];
		expect(list?.kind === 'file' && list.edit.format === 'whole' ? list.edit.content : '').toBe(
			'deb [signed-by=/usr/share/keyrings/mesos-setup-source-keyring.gpg] http://mirror.example.org/mesos bookworm main\n',
		);
		// Whatever repo.keyMethod says: apt-key would trust it for every repository.
		const key = planOf({'repo.source': 'apt', 'repo.keyMethod': 'apt-key', 'repo.fingerprint': fingerprint}).steps.find(step => step.id === 'key')?.actions[0];
		expect(key?.kind === 'import-key' ? key.method : '').toBe('keyring');
	});

	it('a folder needs no key and is installed from a local repository of its copy', () => {
		const plan = planOf({'repo.source': 'folder', 'repo.folder': '/srv/mesos-debs'});
		expect(plan.steps.find(step => step.id === 'key')?.actions).toEqual([]);
		expect(plan.steps.find(step => step.id === 'install')?.actions.at(-1)).toMatchObject({argv: ['apt-get', 'install', '-y', 'zookeeperd', 'mesos', 'marathon']});
	});

	it('names what a source’s settings lack together, on the settings a page can mend', () => {
		const texts = (answers: Record<string, string>) => problemTexts(consistencyProblems(resolveValues(answers)));
		expect(texts({'repo.source': 'folder'})).toEqual([expect.stringMatching(/^repo\.folder: a folder source needs the folder of \.deb files/)]);
		expect(texts({'repo.source': 'apt'})).toEqual([expect.stringMatching(/^repo\.fingerprint: a key server is asked for a key by its full fingerprint/)]);
		expect(texts({'repo.source': 'apt', 'repo.keyUrl': 'https://a.example/k.asc', 'repo.keyFile': '/k.gpg', 'repo.fingerprint': fingerprint})).toEqual([
			'repo.keyUrl and repo.keyFile are both set (https://a.example/k.asc, /k.gpg); the key comes from one place: empty one of them.',
		]);
		expect(texts({'repo.folder': '/srv/unused'})).toEqual([]);
	});

	it('without a terminal, refuses an apt source whose key is not pinned', () => {
		expect(() => refuseUnpinnedKey(resolveValues({'repo.source': 'apt', 'repo.keyUrl': 'https://a.example/k.asc'}))).toThrow(InputError);
		expect(() => refuseUnpinnedKey(resolveValues({'repo.source': 'apt', 'repo.keyUrl': 'https://a.example/k.asc', 'repo.fingerprint': fingerprint}))).not.toThrow();
		expect(() => refuseUnpinnedKey(resolveValues({}))).not.toThrow();
	});
});

describe('a source’s index, read before anything changes', () => {
	const reading = {where: 'http://m.example/debian', suite: 'bookworm', codename: 'bookworm', component: 'main', arch: 'amd64'};
	const release = 'Suite: bookworm\nCodename: bookworm\nComponents: main contrib\nArchitectures: amd64 arm64\n';
	const packages = 'Package: mesos\nVersion: 1.11.0-1\n\nPackage: marathon\nVersion: 1.10.26-1\n\nPackage: zookeeperd\nVersion: 3.8.0-11\n';

	it('passes when the suite, component, architecture and every package are there, naming their versions', () => {
		expect(judgeIndex({...reading, release, packages}, ['zookeeperd', 'mesos', 'marathon'])).toEqual({
			status: 'passed',
			message: 'http://m.example/debian bookworm main (amd64) holds zookeeperd 3.8.0-11, mesos 1.11.0-1, marathon 1.10.26-1',
		});
	});

	it('fails naming what is missing: the codename, the component, the architecture, the packages', () => {
		expect(judgeIndex(reading, ['mesos']).message).toMatch(/^http:\/\/m\.example\/debian has no Release file for this machine’s codename \(bookworm\)/);
		expect(judgeIndex({...reading, component: 'non-free', release, packages}, ['mesos']).message).toBe('http://m.example/debian bookworm has no component non-free (it has main, contrib): set repo.component');
		expect(judgeIndex({...reading, arch: 'riscv64', release, packages}, ['mesos']).message).toBe('http://m.example/debian bookworm has no packages for this machine’s architecture riscv64 (only amd64, arm64)');
		const missing = judgeIndex({...reading, release, packages: 'Package: mesos\nVersion: 1\n'}, ['zookeeperd', 'mesos', 'marathon']);
		expect(missing).toEqual({status: 'failed', message: 'http://m.example/debian bookworm main (amd64) does not hold zookeeperd, marathon; it holds mesos'});
	});

	it('lists a folder’s packages, refuses one without mesos and says what must come from elsewhere', () => {
		expect(debsIn(['mesos_1.11.0-lab1_amd64.deb', 'marathon_1.10.26-lab1_all.deb', 'README', 'x.deb'])).toEqual(new Map([['mesos', '1.11.0-lab1'], ['marathon', '1.10.26-lab1']]));
		expect(judgeFolder('/d', ['mesos_1.11.0-lab1_amd64.deb', 'marathon_1.10.26-lab1_all.deb'], ['mesos', 'marathon'])).toEqual({status: 'passed', message: 'found marathon 1.10.26-lab1, mesos 1.11.0-lab1'});
		expect(judgeFolder('/d', ['mesos_1.11.0-lab1_amd64.deb'], ['zookeeperd', 'mesos'])).toEqual({status: 'warned', message: 'found mesos 1.11.0-lab1; zookeeperd must come from this machine’s other apt sources'});
		expect(judgeFolder('/d', ['marathon_1.10.26-lab1_all.deb', 'chronos_3.0.2-lab1_all.deb'], ['mesos'])).toEqual({
			status: 'failed',
			message: '/d holds no mesos package (it holds chronos 3.0.2-lab1, marathon 1.10.26-lab1): build Mesos with mesos-packaging, or set repo.folder to where its .deb is',
		});
		expect(judgeFolder('/d', [], ['mesos']).status).toBe('failed');
		expect(judgeFolder('/d', undefined, ['mesos']).message).toBe('/d is not a folder that can be read: set repo.folder to the folder of your .deb files');
	});
});
