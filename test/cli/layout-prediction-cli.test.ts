// The paths shown before the install are the paths written (issue 11 point 3): with a folder of the
// lab's .debs as the source, `plan --root` names where those packages read (their agent unit and
// Marathon's version, read with dpkg-deb) before anything is installed, and `setup --yes --root`
// writes exactly the files its summary named.
import {copyFile, mkdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {mkdtemp} from 'node:fs/promises';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';
import {buildLabPackages, type LabPackages, type PackageVariant} from '../lab/lab-packages.js';

const sets = (values: Record<string, string>): string[] => Object.entries(values).flatMap(([id, value]) => ['--set', `${id}=${value}`]);
const folderSource = sets({'repo.source': 'folder', 'repo.folder': '/srv/debs'});

let workDir = '';
const built: Partial<Record<PackageVariant, LabPackages>> = {};

beforeAll(async () => {
	workDir = await mkdtemp(path.join(tmpdir(), 'mesos-setup-layout-debs-'));
	built['mesos-packaging'] = await buildLabPackages(workDir, 'mesos-packaging');
	built.mesosphere = await buildLabPackages(workDir, 'mesosphere');
}, 120_000);

afterAll(async () => {
	if (workDir) await rm(workDir, {recursive: true, force: true});
});

// A sandbox whose /srv/debs holds the variant's .deb files.
async function rootWithDebs(variant: PackageVariant): Promise<string> {
	const root = await tempRoot();
	await mkdir(path.join(root, 'srv/debs'), {recursive: true});
	for (const deb of built[variant]?.debs ?? []) await copyFile(deb.file, path.join(root, 'srv/debs', path.basename(deb.file)));
	return root;
}

// The paths a summary or plan names as written, in order.
const writtenPaths = (stdout: string): string[] => [...stdout.matchAll(/^\s*write\s+(\/\S+)/gm)].map(match => match[1] ?? '');

describe('the layout predicted from a folder of .debs, before any install', () => {
	it('plan --root with mesos/mesos-packaging’s packages names /etc/mesos-agent and /etc/default/marathon, and says where that came from', async () => {
		const root = await rootWithDebs('mesos-packaging');
		const result = await runCli(['plan', '--root', root, ...folderSource]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toContain(
			'Layout: the agent’s from /etc/mesos-agent/ and /etc/default/mesos-agent (mesos-init-wrapper agent), Marathon’s from /etc/default/marathon (MARATHON_* variables); predicted from /srv/debs (mesos 1.11.0-lab1: its agent service runs mesos-init-wrapper agent; marathon 1.10.26-lab1).',
		);
		const paths = writtenPaths(result.stdout);
		expect(paths).toEqual(expect.arrayContaining(['/etc/default/mesos-agent', '/etc/mesos-agent/ip', '/etc/mesos-agent/work_dir', '/etc/default/marathon']));
		expect(paths.filter(file => file.startsWith('/etc/mesos-slave/') || file === '/etc/default/mesos-slave' || file.startsWith('/etc/marathon/'))).toEqual([]);
		expect(result.stdout).toContain('# Read by mesos-init-wrapper agent, as predicted from /srv/debs (mesos 1.11.0-lab1: its agent service runs mesos-init-wrapper agent)');
		// Only read: nothing was written, nothing installed.
		expect(Object.keys(await readTree(root, ownBookkeeping)).filter(file => !file.startsWith('srv/debs/'))).toEqual([]);
	});

	it('plan --root with the article’s packages (Mesosphere’s) names /etc/mesos-slave and /etc/marathon/conf', async () => {
		const root = await rootWithDebs('mesosphere');
		const result = await runCli(['plan', '--root', root, ...folderSource]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/^Layout: the agent’s from \/etc\/mesos-slave\/ .*; predicted from \/srv\/debs \(mesos \S+: its agent service runs mesos-init-wrapper slave; marathon 1\.4\.\S+\)\.$/m);
		const paths = writtenPaths(result.stdout);
		expect(paths).toEqual(expect.arrayContaining(['/etc/mesos-slave/ip', '/etc/marathon/conf/master']));
		expect(paths.filter(file => file.includes('mesos-agent') || file === '/etc/default/marathon')).toEqual([]);
	});

	it('plan --root says why nothing was predicted: a folder that does not exist, and one without mesos or marathon', async () => {
		const root = await tempRoot();
		const missing = await runCli(['plan', '--root', root, ...folderSource]);
		expect(missing.exitCode, missing.stderr).toBe(0);
		expect(missing.stdout).toContain('The layout could not be predicted from the package source: the folder could not be read: /srv/debs does not exist.');
		await mkdir(path.join(root, 'srv/debs'), {recursive: true});
		const empty = await runCli(['plan', '--root', root, ...folderSource]);
		expect(empty.stdout).toContain('The layout could not be predicted from the package source: /srv/debs holds no mesos or marathon package.');
		expect(empty.stdout).toContain('the article’s, assumed until the install shows otherwise.');
	});

	it('setup --yes --root writes the configuration files its summary named, and no other', async () => {
		const root = await rootWithDebs('mesos-packaging');
		const result = await runCli(['setup', '--yes', '--root', root, ...folderSource]);
		expect(result.exitCode, result.stderr).toBe(0);
		const [summary = ''] = result.stdout.split(/^== /m);
		const shown = writtenPaths(summary).filter(file => file.startsWith('/etc/') && !file.startsWith('/etc/init/') && !file.startsWith('/etc/apt/'));
		expect(shown).toEqual(expect.arrayContaining(['/etc/mesos-agent/ip', '/etc/default/marathon']));
		const written = Object.keys(await readTree(root, ownBookkeeping))
			.map(file => `/${file}`)
			.filter(file => file.startsWith('/etc/') && !file.startsWith('/etc/init/') && !file.startsWith('/etc/apt/'));
		expect(written.sort()).toEqual([...shown].sort());
		expect(result.stdout).not.toContain('not what the summary showed');
	});
});
