// The summary shown before a setup changes anything lists exactly what `plan` lists for the steps
// that change the machine: the same commands, checks, probes and files, each file new, changed or
// unchanged against the disk, in the same order.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {countsLine, itemLine, summaryCounts, summaryLines} from '../../source/model/change-summary.js';
import {runPlan} from '../../source/commands/plan.js';
import type {Output} from '../../source/commands/output.js';
import {planSetup, setupSummary} from '../../source/use-cases/plan-setup.js';
import {createSystem} from '../../source/system/system.js';
import {tempRoot} from '../helpers/temp-root.js';
import {agentAnswers} from '../helpers/agent-answers.js';

async function planLines(root: string, answers: Record<string, string>): Promise<string[]> {
	const lines: string[] = [];
	const output: Output = {out: line => lines.push(line), err: line => lines.push(line), color: false};
	await runPlan(await createSystem({root}), answers, {script: false}, output);
	// The steps after the preflight, without each file's content (`|`) and notes (`#`).
	const from = lines.findIndex(line => line.startsWith('== Repository key'));
	return lines.slice(from).filter(line => line !== '' && !line.startsWith('       '));
}

async function summaryOf(root: string, answers: Record<string, string>) {
	const system = await createSystem({root});
	return setupSummary(system, await planSetup(system, answers));
}

describe('the change summary', () => {
	it('lists what plan lists, step by step, in a fresh sandbox', async () => {
		const root = await tempRoot();
		const summary = await summaryOf(root, {});
		const lines = summary.flatMap(step => [`== ${step.title}: ${step.summary}`, ...step.items.map(itemLine)]);
		expect(lines).toEqual(await planLines(root, {}));
		expect(summary.map(step => step.id)).toEqual(['key', 'repository', 'install', 'overrides', 'configuration', 'start']);
		const counts = summaryCounts(summary);
		expect(counts.changed + counts.unchanged).toBe(0);
		// Only what there is: no "0 changed, 0 unchanged".
		expect(countsLine(counts)).toBe(`${counts.commands} commands to run; files: ${counts.new} new.`);
	});

	it('says which files are new, changed and unchanged, as plan does', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/mesos'), {recursive: true});
		await mkdir(path.join(root, 'etc/mesos-master'), {recursive: true});
		await writeFile(path.join(root, 'etc/mesos/zk'), 'zk://127.0.0.1:2181/mesos\n');
		await writeFile(path.join(root, 'etc/mesos-master/quorum'), '3\n');
		const answers = {'slave.hostname': 'node-1'};
		const summary = await summaryOf(root, answers);
		const files = new Map(summary.flatMap(step => step.items.flatMap(item => (item.file ? [[item.file.path, item.file.state] as const] : []))));
		expect(files.get('/etc/mesos/zk')).toBe('unchanged');
		expect(files.get('/etc/mesos-master/quorum')).toBe('changed');
		expect(files.get('/etc/mesos-slave/hostname')).toBe('new');
		const lines = summary.flatMap(step => [`== ${step.title}: ${step.summary}`, ...step.items.map(itemLine)]);
		expect(lines).toEqual(await planLines(root, answers));
		expect(lines).toContain('write  /etc/mesos/zk   (unchanged)');
		expect(lines).toContain('write  /etc/mesos-master/quorum   (changed)');
	});

	it("compares zoo.cfg, which the package installs, with the package's sample", async () => {
		const summary = await summaryOf(await tempRoot(), {});
		const zooCfg = summary.flatMap(step => step.items).find(item => item.file?.path === '/etc/zookeeper/conf/zoo.cfg')?.file;
		expect(zooCfg?.fromSample).toBe(true);
		expect(zooCfg?.before).toContain('dataDir=');
		expect(zooCfg?.after).toContain('server.1=');
	});
});

describe('setup --yes', () => {
	it('prints the summary before the first step, each step once under its title', async () => {
		const root = await tempRoot();
		const lines: string[] = [];
		const output: Output = {out: line => lines.push(line), err: line => lines.push(line), color: false};
		const {runSetupYes} = await import('../../source/commands/setup-yes.js');
		expect(await runSetupYes(await createSystem({root}), {}, output)).toBe(0);
		const intro = lines.indexOf('Before anything changes, this is what setup will do:');
		const firstStep = lines.indexOf('== Preflight');
		expect(intro).toBeGreaterThan(-1);
		expect(firstStep).toBeGreaterThan(intro);
		const summary = lines.slice(intro + 1, firstStep);
		const system = await createSystem({root: await tempRoot()});
		const expected = (await setupSummary(system, await planSetup(system, {}))).flatMap(step => [`${step.title}:`, ...step.items.map(item => `  ${itemLine(item)}`)]);
		expect(summary.slice(0, expected.length)).toEqual(expected);
		expect(summary[expected.length]).toMatch(/^\d+ commands to run; files: 21 new\.$/);
	});

	it('for a folder source says why the key step has nothing to do, before and as it runs', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'srv/debs'), {recursive: true});
		await writeFile(path.join(root, 'srv/debs/mesos_1.11.0-1_amd64.deb'), 'x');
		const lines: string[] = [];
		const output: Output = {out: line => lines.push(line), err: line => lines.push(line), color: false};
		const {runSetupYes} = await import('../../source/commands/setup-yes.js');
		expect(await runSetupYes(await createSystem({root}), {'repo.source': 'folder', 'repo.folder': '/srv/debs'}, output)).toBe(0);
		const note = '  nothing to do: A folder of your own .deb files is indexed on this machine and needs no signing key.';
		expect(lines[lines.indexOf('Repository key:') + 1]).toBe(note);
		expect(lines[lines.indexOf('== Repository key') + 1]).toBe(`${' '.repeat(11)}${note}`);
	});
});

describe('every heading of the summary has something under it', () => {
	const sources: Record<string, Record<string, string>> = {
		article: {},
		apt: {'repo.source': 'apt', 'repo.url': 'https://m.example.org/mesos', 'repo.suite': 'stable', 'repo.keyUrl': 'https://m.example.org/key.asc', 'repo.fingerprint': '0123456789ABCDEF0123456789ABCDEF01234567'},
		'apt, unpinned': {'repo.source': 'apt', 'repo.url': 'https://m.example.org/mesos', 'repo.suite': 'stable', 'repo.keyUrl': 'https://m.example.org/key.asc'},
		folder: {'repo.source': 'folder', 'repo.folder': '/srv/debs'},
	};
	for (const [source, answers] of Object.entries(sources)) {
		for (const role of ['master+agent', 'master', 'agent']) {
			it(`${source} source, ${role}`, async () => {
				const lines = summaryLines(await summaryOf(await tempRoot(), {...answers, ...(role === 'agent' ? agentAnswers : {'node.role': role})}));
				const headings = lines.flatMap((line, at) => (line.endsWith(':') && !line.startsWith(' ') ? [at] : []));
				expect(headings.length).toBe(6);
				for (const at of headings) expect(lines[at + 1], `under ${lines[at]}`).toMatch(/^ {2}\S/);
			});
		}
	}
});
