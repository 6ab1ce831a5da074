// Every node's layout through the built CLI (issue 11 point 3, for clusters): with a folder of the
// lab's mesos/mesos-packaging .debs in each node's sandbox, `cluster plan --root` names, per node,
// where those packages read (their agent unit and Marathon's version, read with dpkg-deb) before
// anything is installed, and `cluster setup --yes --root` says each node's files before the first
// change and then writes exactly those.
import {copyFile, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';
import {buildLabPackages, type LabPackages} from '../lab/lab-packages.js';

let workDir = '';
let packaging: LabPackages | undefined;

beforeAll(async () => {
	workDir = await mkdtemp(path.join(tmpdir(), 'mesos-setup-cluster-debs-'));
	packaging = await buildLabPackages(workDir, 'mesos-packaging');
}, 120_000);

afterAll(async () => {
	if (workDir) await rm(workDir, {recursive: true, force: true});
});

const nodes = ['m1', 'a1'];
const clusterText = `masters:
  - {name: m1, address: 10.77.0.11}
agents:
  - {name: a1, address: 10.77.0.21}
settings: {repo.source: folder, repo.folder: /srv/debs}
`;

// DIR with each node's sandbox DIR/NAME holding /srv/debs, and the cluster file beside it.
async function rehearsal(): Promise<{root: string; file: string}> {
	const root = await tempRoot();
	for (const node of nodes) {
		await mkdir(path.join(root, node, 'srv/debs'), {recursive: true});
		for (const deb of packaging?.debs ?? []) await copyFile(deb.file, path.join(root, node, 'srv/debs', path.basename(deb.file)));
	}
	const file = path.join(await tempRoot(), 'cluster.yaml');
	await writeFile(file, clusterText);
	return {root, file};
}

// The configuration files a node's lines name as written, in order (not apt's or init's files).
const configuration = (file: string): boolean => file.startsWith('/etc/') && !file.startsWith('/etc/init/') && !file.startsWith('/etc/apt/');
const writtenBy = (stdout: string, node: string): string[] => [...stdout.matchAll(new RegExp(`^${node}: +write +(/\\S+)`, 'gm'))].map(match => match[1] ?? '').filter(configuration);
const layoutOf = (node: string): string =>
	`${node}: Layout: the agent’s from /etc/mesos-agent/ and /etc/default/mesos-agent (mesos-init-wrapper agent), Marathon’s from /etc/default/marathon (MARATHON_* variables); predicted from /srv/debs (mesos 1.11.0-lab1: its agent service runs mesos-init-wrapper agent; marathon 1.10.26-lab1).`;

describe('each node’s layout predicted from its folder of .debs, before any install', () => {
	it('cluster plan --root names /etc/mesos-agent on the agent and /etc/default/marathon on the master, each with where it came from', async () => {
		const {root, file} = await rehearsal();
		const result = await runCli(['cluster', 'plan', file, '--root', root]);
		expect(result.exitCode, result.stderr).toBe(0);
		for (const node of nodes) expect(result.stdout).toContain(layoutOf(node));
		const a1 = result.stdout.slice(result.stdout.indexOf('######## a1'));
		const m1 = result.stdout.slice(result.stdout.indexOf('######## m1'), result.stdout.indexOf('######## a1'));
		expect(a1).toMatch(/^write {2}\/etc\/mesos-agent\/ip +\(new file\)\n {7}\| 10\.77\.0\.21$/m);
		expect(a1).toMatch(/^write {2}\/etc\/default\/mesos-agent /m);
		expect(m1).toMatch(/^write {2}\/etc\/default\/marathon +\(new file\)$/m);
		expect(result.stdout).not.toMatch(/^write {2}\/etc\/(mesos-slave\/|default\/mesos-slave|marathon\/)/m);
		// Only read: nothing was written, nothing installed.
		expect(Object.keys(await readTree(root, ownBookkeeping)).filter(each => !/^(m1|a1)\/srv\/debs\//.test(each))).toEqual([]);
	});

	it('cluster setup --yes --root says each node’s layout and files before the first change, then writes exactly those', async () => {
		const {root, file} = await rehearsal();
		const result = await runCli(['cluster', 'setup', file, '--yes', '--root', root]);
		expect(result.exitCode, result.stderr).toBe(0);
		const [before = ''] = result.stdout.split(/^==== /m);
		for (const node of nodes) {
			expect(before).toContain(layoutOf(node));
			const shown = writtenBy(before, node);
			const written = Object.keys(await readTree(path.join(root, node), ownBookkeeping))
				.map(each => `/${each}`)
				.filter(configuration);
			expect(written.sort(), node).toEqual([...shown].sort());
		}
		expect(writtenBy(before, 'a1')).toEqual(expect.arrayContaining(['/etc/mesos-agent/ip', '/etc/default/mesos-agent']));
		expect(writtenBy(before, 'm1')).toContain('/etc/default/marathon');
		expect(result.stdout + result.stderr).not.toContain('not what the summary showed');
	});
});
