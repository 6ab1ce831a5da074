// cluster undo through the built CLI on a rehearsed cluster (real sandboxes under --root DIR): a node
// that cannot be put back refuses the undo before any node changes, every refusing node named; a dry
// run changes no byte; each node names the run it puts back; and the hints for --dry-run without
// --root fit the command.
import {mkdir, writeFile, rm} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {filesUnder, ownBookkeeping, readTree} from '../helpers/tree.js';
import {issueClusterFile} from '../fixtures/issue-cluster-file.js';

const nodes = ['m1', 'm2', 'm3', 'a1', 'a2'];

async function clusterFile(text = issueClusterFile()): Promise<string> {
	const file = path.join(await tempRoot(), 'cluster.yaml');
	await writeFile(file, text);
	return file;
}

// A rehearsed cluster whose m2 had a quorum file of its own before, so its run keeps a backup.
async function rehearsed(): Promise<{file: string; root: string}> {
	const file = await clusterFile();
	const root = await tempRoot();
	await mkdir(path.join(root, 'm2/etc/mesos-master'), {recursive: true});
	await writeFile(path.join(root, 'm2/etc/mesos-master/quorum'), '9\n');
	const setup = await runCli(['cluster', 'setup', file, '--yes', '--root', root]);
	expect(setup.exitCode, setup.stderr).toBe(0);
	return {file, root};
}

describe('cluster undo --root DIR', () => {
	it('refuses before any node changes when one node cannot be put back, naming every refusing node and why', {timeout: 120_000}, async () => {
		const {file, root} = await rehearsed();
		const [backup] = await filesUnder(path.join(root, 'm2/var/backups/mesos-setup'), /-quorum$/);
		await rm(backup as string);
		const [journal] = await filesUnder(path.join(root, 'a1/var/backups/mesos-setup'), /^journal\.json$/);
		await writeFile(journal as string, 'not a journal');
		const before = await readTree(root);
		const undone = await runCli(['cluster', 'undo', file, '--yes', '--root', root]);
		expect(undone.exitCode).toBe(1);
		expect(undone.stderr).toContain('cluster undo did not start: m2, a1 cannot be put back, so no node was changed');
		expect(undone.stderr).toMatch(/^m2: {3}the backup of \/etc\/mesos-master\/quorum \(.*\) is missing$/m);
		expect(undone.stderr).toMatch(/^a1: a run journal is damaged/m);
		expect(undone.stderr).toContain('Nothing was changed on any node.');
		expect(undone.stdout).not.toMatch(/put back run|restored|removed/);
		// Not one byte changed on any node, m1, m3 and a2 included.
		expect(await readTree(root)).toEqual(before);
	});

	it('--dry-run says per node what would be put back and changes no byte', {timeout: 120_000}, async () => {
		const {file, root} = await rehearsed();
		const before = await readTree(root, () => false, {folders: true});
		const dry = await runCli(['cluster', 'undo', file, '--yes', '--root', root, '--dry-run']);
		expect(dry.exitCode, dry.stderr).toBe(0);
		expect(dry.stdout).toContain('m2: would restore /etc/mesos-master/quorum');
		expect(dry.stdout).toContain('a1: would remove /etc/mesos-slave/ip');
		for (const name of nodes) expect(dry.stdout).toMatch(new RegExp(`^${name}: would put back run \\S+ \\(\\d+ files\\)$`, 'm'));
		expect(dry.stdout).toContain('Dry run: nothing was changed on any node.');
		expect(await readTree(root, () => false, {folders: true})).toEqual(before);
	});

	it('names the run each node puts back and what kind it was', {timeout: 120_000}, async () => {
		const {file, root} = await rehearsed();
		const edit = await runCli(['edit', 'slave.hostname', 'agent-one', '--yes', '--root', path.join(root, 'a1')]);
		expect(edit.exitCode, edit.stderr).toBe(0);
		const undone = await runCli(['cluster', 'undo', file, '--yes', '--root', root]);
		expect(undone.exitCode, undone.stderr).toBe(0);
		expect(undone.stdout).toMatch(/^m1: puts back run \S+, a setup started \d{4}-\d\d-\d\d \d\d:\d\d$/m);
		expect(undone.stdout).toMatch(/^a1: puts back run \S+, a local edit \(mesos-setup edit on the node\) started /m);
		expect(undone.stdout).toContain('m2: restored  /etc/mesos-master/quorum');
		expect(undone.stdout).toMatch(/^a1: put back run \S+ \(1 file\)$/m);
		expect(undone.stderr).not.toContain('Nothing was changed');
		// a1's setup is still there (only its edit was put back); every other node is back as before.
		expect(Object.keys(await readTree(path.join(root, 'a1'), ownBookkeeping))).toContain('etc/mesos-slave/ip');
		for (const name of ['m1', 'm3', 'a2']) expect(await readTree(path.join(root, name), ownBookkeeping)).toEqual({});
	});
});

describe('--dry-run without --root', () => {
	it('cluster undo is refused with a hint about undo, not about the setup plan', async () => {
		const file = await clusterFile();
		const refused = await runCli(['cluster', 'undo', file, '--yes', '--dry-run']);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toContain('cluster undo --dry-run needs --root DIR (a rehearsal)');
		expect(refused.stderr).not.toContain('cluster plan');
	});

	it('cluster status only reads, so --dry-run --once is taken', {timeout: 60_000}, async () => {
		// No node is there: status says so (exit 1), as it does without --dry-run.
		const file = await clusterFile();
		const status = await runCli(['cluster', 'status', file, '--dry-run', '--once']);
		expect(status.stderr).not.toContain('needs --root');
		expect(status.exitCode).toBe(1);
		expect(status.stdout).toContain('problem:');
	});
});
