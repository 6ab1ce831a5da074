// The cluster commands through the built CLI, without a terminal and without any node: the plan of
// every node (golden), one script per node that writes what the rehearsal writes, the rehearsal under
// DIR/NAME and its undo, and every refusal of a bad cluster file (exit 2, nothing written anywhere).
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {issueClusterFile} from '../fixtures/issue-cluster-file.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';

const goldenDir = new URL('golden/', import.meta.url);

const clusterYaml = issueClusterFile();

async function clusterFile(text = clusterYaml): Promise<string> {
	const file = path.join(await tempRoot(), 'cluster.yaml');
	await writeFile(file, text);
	return file;
}

async function golden(name: string, text: string): Promise<void> {
	const file = new URL(name, goldenDir);
	if (process.env.UPDATE_GOLDEN === '1') await writeFile(file, text);
	expect(text).toBe(await readFile(file, 'utf8'));
}

// The node parts the script offers, in its order.
const partsOf = (script: string): string[] => [...script.matchAll(/^# ===== node (\S+) /gm)].map(match => match[1] ?? '');

// The script run where a part that ran past its guard could change nothing: as nobody when this is
// root (no sudo for nobody, no write to /etc), and with a sudo that fails otherwise.
async function runUnprivileged(script: string, args: string[]) {
	const sudoless = await tempRoot();
	await writeFile(path.join(sudoless, 'sudo'), '#!/bin/sh\necho "sudo is not for this test" >&2\nexit 1\n', {mode: 0o755});
	const bash = ['bash', '-s', '--', ...args];
	const [command, ...rest] = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--', ...bash] : bash;
	return execa(command!, rest, {input: script, reject: false, env: {PATH: `${sudoless}:${process.env.PATH ?? ''}`, ROOT: ''}});
}

describe('cluster plan', () => {
	it('prints every node’s files and commands, kept to its role (golden)', async () => {
		const {exitCode, stdout, stderr} = await runCli(['cluster', 'plan', await clusterFile()]);
		expect(stderr).toBe('');
		expect(exitCode).toBe(0);
		// Each node's layout, and why it is the article's: the source's index could not be read here
		// (its words depend on this machine's network, so that line is kept out of the golden file).
		const unread = /^\w+: The layout could not be predicted from the package source: .*\n/gm;
		expect(stdout.match(unread)?.length).toBe(5);
		expect(stdout).toContain('a1: Layout: the agent’s from /etc/mesos-slave/ and /etc/default/mesos-slave (mesos-init-wrapper slave), Marathon’s from /etc/marathon/conf/; the article’s, assumed until the install shows otherwise.');
		await golden('cluster-plan.txt', stdout.replace(unread, ''));
		// Derived per node: myid by position, quorum 2, one zk:// URL with every master, the agents' own address.
		expect(stdout).toContain('write  /etc/mesos-master/quorum   (new file)\n       | 2');
		expect(stdout.match(/zk:\/\/10\.77\.0\.11:2181,10\.77\.0\.12:2181,10\.77\.0\.13:2181\/mesos/g)?.length).toBeGreaterThan(5);
		const a1 = stdout.slice(stdout.indexOf('######## a1'), stdout.indexOf('######## a2'));
		expect(a1).toContain('/etc/mesos-slave/ip   (new file)\n       | 10.77.0.21');
		expect(a1).not.toContain('zoo.cfg');
		expect(a1).not.toContain('service mesos-master start');
	});

	it('--script: one bash file whose part for the node named, run with ROOT, writes what cluster setup --yes --root writes there', async () => {
		const file = await clusterFile();
		const {exitCode, stdout} = await runCli(['cluster', 'plan', file, '--script']);
		expect(exitCode).toBe(0);
		expect(partsOf(stdout)).toEqual(['m1', 'm2', 'm3', 'a1', 'a2']);
		expect(stdout).toMatch(/^# The masters' parts together \(m1, m2, m3\): each one's ZooKeeper waits up to 60 s for 2 of the 3 masters/m);
		const scriptFile = path.join(await tempRoot(), 'cluster.sh');
		await writeFile(scriptFile, stdout);
		expect((await execa('bash', ['-n', scriptFile], {reject: false})).exitCode).toBe(0);
		const scriptRoot = await tempRoot();
		const setupRoot = await tempRoot();
		const setup = await runCli(['cluster', 'setup', file, '--yes', '--root', setupRoot]);
		expect(setup.exitCode).toBe(0);
		for (const name of partsOf(stdout)) {
			await mkdir(path.join(scriptRoot, name));
			const ran = await execa('bash', [scriptFile, name], {env: {ROOT: path.join(scriptRoot, name)}, reject: false});
			expect(ran.stderr).toBe('');
			expect(ran.exitCode).toBe(0);
			// Only that node's part ran: its own files, not the next node's on top.
			expect(await readTree(path.join(scriptRoot, name))).toEqual(await readTree(path.join(setupRoot, name), ownBookkeeping));
		}
	});

	it('--script: run without a node, it names them; run on a machine that is not the node, it refuses before anything', async () => {
		const {stdout} = await runCli(['cluster', 'plan', await clusterFile(), '--script']);
		const bare = await runUnprivileged(stdout, []);
		expect(bare.exitCode).toBe(2);
		expect(bare.stderr).toBe('name the node whose part to run: bash bash NODE, NODE one of m1, m2, m3, a1, a2');
		expect(bare.stdout).toBe('');
		// This machine has none of the file's addresses (10.77.0.x).
		const elsewhere = await runUnprivileged(stdout, ['m2']);
		expect(elsewhere.stderr).toBe('this is the part of m2, which has the address 10.77.0.12; this machine does not: run it on m2');
		expect(elsewhere.exitCode).toBe(1);
		expect(elsewhere.stdout).toBe('');
	});
});

describe('cluster setup --yes --root DIR', () => {
	it('writes each node’s files under DIR/NAME, a zoo.cfg an ensemble can start from, and cluster undo takes them all back', async () => {
		const file = await clusterFile();
		const root = await tempRoot();
		const {exitCode, stdout} = await runCli(['cluster', 'setup', file, '--yes', '--root', root]);
		expect(exitCode).toBe(0);
		expect(stdout).toContain('m2: wrote        /etc/zookeeper/conf/myid');
		// The ending says, per node, what this run changed and where the old files are kept.
		expect(stdout).toContain(`Done: every node's files are under ${root}/NAME; nothing went over SSH.\n`);
		// A fresh rehearsal replaces no file: nothing old is kept, and the line says so.
		expect(stdout).toMatch(/^m2: changed \d+ files, all new$/m);
		expect((await readdir(root)).sort()).toEqual(['a1', 'a2', 'm1', 'm2', 'm3']);
		for (const [index, name] of ['m1', 'm2', 'm3'].entries()) {
			expect(await readFile(path.join(root, name, 'etc/zookeeper/conf/myid'), 'utf8')).toBe(`${index + 1}\n`);
			const zooCfg = await readFile(path.join(root, name, 'etc/zookeeper/conf/zoo.cfg'), 'utf8');
			for (const line of ['tickTime=2000', 'initLimit=10', 'syncLimit=5', 'clientPort=2181', 'server.1=10.77.0.11:2888:3888', 'server.3=10.77.0.13:2888:3888']) expect(zooCfg).toContain(`${line}\n`);
			expect(await readFile(path.join(root, name, 'etc/mesos-master/ip'), 'utf8')).toBe(`10.77.0.1${index + 1}\n`);
		}
		const agent = await readTree(path.join(root, 'a2'), ownBookkeeping);
		expect(Buffer.from(agent['etc/mesos-slave/hostname']?.bytes ?? '', 'base64').toString()).toBe('10.77.0.22\n');
		// An agent installs mesos alone: no ZooKeeper, master or Marathon configuration; only the override
		// that keeps the master the mesos package also ships manual.
		expect(Object.keys(agent).filter(entry => /zookeeper|mesos-master|marathon/.test(entry)).sort()).toEqual(['etc/init/mesos-master.override']);
		const undone = await runCli(['cluster', 'undo', file, '--yes', '--root', root]);
		expect(undone.exitCode).toBe(0);
		for (const name of ['m1', 'm2', 'm3', 'a1', 'a2']) {
			expect(undone.stdout).toMatch(new RegExp(`^${name}: put back run \\S+ \\(\\d+ files\\)$`, 'm'));
			expect(await readTree(path.join(root, name), ownBookkeeping)).toEqual({});
		}
	});
});

describe('cluster setup --yes --root DIR, what the deploy would refuse or not write', () => {
	it('--dry-run writes nothing and says so, not where the files are', async () => {
		const file = await clusterFile();
		const root = path.join(await tempRoot(), 'R');
		const {exitCode, stdout} = await runCli(['cluster', 'setup', file, '--yes', '--root', root, '--dry-run']);
		expect(exitCode).toBe(0);
		expect(stdout.trimEnd().split('\n').at(-1)).toBe(`Dry run: nothing was written; mesos-setup cluster setup ${file} --root ${root} --yes would write every node's files under ${root}/NAME.`);
		expect(stdout).not.toContain('files are under');
		await expect(readdir(root)).rejects.toThrow(/ENOENT/);
	});

	it('refuses an unpinned apt key (exit 2) as the deploy does, before any node is rehearsed or reached', async () => {
		const file = await clusterFile(issueClusterFile('ssh: {user: admin}', 'settings: {repo.source: apt, repo.url: https://example.org/debian, repo.keyUrl: https://example.org/key.gpg}'));
		const root = await tempRoot();
		for (const args of [['--root', root], ['--root', root, '--dry-run'], []]) {
			const result = await runCli(['cluster', 'setup', file, '--yes', ...args]);
			expect(result.exitCode, args.join(' ')).toBe(2);
			expect(result.stderr).toContain('repo.fingerprint is not set: without a terminal nobody can confirm the apt source’s key, so an unpinned key is refused and nothing was changed.');
			expect(result.stdout).toBe('');
		}
		expect(await readdir(root)).toEqual([]);
	});
});

describe('a cluster file that cannot be a cluster', () => {
	const refusals: [string, string, RegExp][] = [
		['an even number of masters', 'masters:\n  - {name: m1, address: 10.0.0.1}\n  - {name: m2, address: 10.0.0.2}\nagents:\n  - {name: a1, address: 10.0.0.3}\n', /2 are listed; use an odd number \(1, 3, 5, 7\): an even ensemble survives no more failures than one node fewer/],
		['more than 7 masters', `masters:\n${Array.from({length: 9}, (_, i) => `  - {name: m${i}, address: 10.0.0.${i + 1}}\n`).join('')}agents:\n  - {name: a1, address: 10.0.1.1}\n`, /9 are listed/],
		['a repeated name', 'masters:\n  - {name: m1, address: 10.0.0.1}\nagents:\n  - {name: m1, address: 10.0.0.2}\n', /the name "m1" is given to 2 machines/],
		['a repeated address', 'masters:\n  - {name: m1, address: 10.0.0.1}\nagents:\n  - {name: a1, address: 10.0.0.1}\n', /the address "10.0.0.1" is given to 2 machines/],
		['no agent', 'masters:\n  - {name: m1, address: 10.0.0.1}\n', /agents: .*no machine would run tasks/],
		['names that differ only in case', 'masters:\n  - {name: m1, address: 10.0.0.1}\nagents:\n  - {name: M1, address: 10.0.0.2}\n', /the names "m1" \(masters\[0\]\) and "M1" \(agents\[0\]\) differ only in case/],
		// Named once, as the file's setting, whichever node a command would have planned first.
		['settings that do not hold together', 'masters:\n  - {name: m1, address: 10.0.0.1}\nagents:\n  - {name: a1, address: 10.0.0.2}\nsettings: {repo.source: folder}\n', /^[^\n]*cluster\.yaml: settings\.repo\.folder: a folder source needs the folder of \.deb files[^\n]*\nNothing was changed\./m],
		['a per-node setting under settings', 'masters:\n  - {name: m1, address: 10.0.0.1}\nagents:\n  - {name: a1, address: 10.0.0.2}\nsettings: {zookeeper.myid: "3"}\n', /settings\.zookeeper\.myid: .*must differ from node to node/],
	];
	it.each(refusals)('refuses %s with exit 2 and the reason, for every cluster command, writing nothing', async (_what, text, reason) => {
		const file = await clusterFile(text);
		const root = await tempRoot();
		for (const args of [['setup', file, '--yes', '--root', root], ['setup', file, '--yes'], ['plan', file], ['plan', file, '--script'], ['undo', file, '--yes'], ['status', file, '--once']]) {
			const result = await runCli(['cluster', ...args]);
			expect(result.exitCode, args.join(' ')).toBe(2);
			expect(result.stderr).toMatch(reason);
			expect(result.stderr).toContain('Nothing was changed.');
			expect(result.stdout).toBe('');
		}
		expect(await readdir(root)).toEqual([]);
	});

	it('refuses a missing file, a missing FILE argument and a cluster setup without --yes and without a terminal', async () => {
		const missing = await runCli(['cluster', 'plan', '/nonexistent/cluster.yaml']);
		expect(missing.exitCode).toBe(2);
		expect(missing.stderr).toContain('/nonexistent/cluster.yaml');
		const noFile = await runCli(['cluster', 'setup']);
		expect(noFile.exitCode).toBe(2);
		expect(noFile.stderr).toContain('cluster setup needs FILE');
		const noYes = await runCli(['cluster', 'setup', await clusterFile()]);
		expect(noYes.exitCode).toBe(2);
		expect(noYes.stderr).toContain('--yes');
	});
});
