// The command line with a package source and a role (issue 11 points 2 and 4): `plan` and
// `setup --yes --root DIR` for each role and source, and the refusals that change nothing.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';
import {agentAnswers} from '../helpers/agent-answers.js';

const sets = (values: Record<string, string>): string[] => Object.entries(values).flatMap(([id, value]) => ['--set', `${id}=${value}`]);
const fingerprint = '0123456789ABCDEF0123456789ABCDEF01234567';

describe('a role per machine on the command line', () => {
	it('setup --yes --root for an agent writes only the agent’s files; for a master, no agent file', async () => {
		const agentRoot = await tempRoot();
		const agent = await runCli(['setup', '--yes', '--root', agentRoot, ...sets(agentAnswers)]);
		expect(agent.exitCode, agent.stderr).toBe(0);
		expect(Object.keys(await readTree(agentRoot, ownBookkeeping)).sort()).toEqual([
			'etc/apt/sources.list.d/mesosphere.list',
			'etc/default/mesos',
			'etc/default/mesos-slave',
			'etc/init/mesos-master.override',
			'etc/init/mesos-slave.override',
			'etc/mesos-slave/containerizers',
			'etc/mesos-slave/executor_registration_timeout',
			'etc/mesos-slave/hostname',
			'etc/mesos-slave/ip',
			'etc/mesos/zk',
		]);
		expect(agent.stdout).toMatch(/apt-get install -y --no-install-recommends mesos/);
		const masterRoot = await tempRoot();
		const master = await runCli(['setup', '--yes', '--root', masterRoot, ...sets({'node.role': 'master'})]);
		expect(master.exitCode, master.stderr).toBe(0);
		const files = Object.keys(await readTree(masterRoot, ownBookkeeping));
		expect(files.filter(file => file.includes('mesos-slave/') || file === 'etc/default/mesos-slave')).toEqual([]);
		expect(files).toEqual(expect.arrayContaining(['etc/zookeeper/conf/zoo.cfg', 'etc/mesos-master/quorum', 'etc/marathon/conf/master']));
	});

	it('edit on an agent refuses a master’s setting and a change of role, writing nothing; an agent’s setting it writes', async () => {
		const root = await tempRoot();
		expect((await runCli(['setup', '--yes', '--root', root, ...sets(agentAnswers)])).exitCode).toBe(0);
		const before = await readTree(root);
		const port = await runCli(['edit', 'master.port', '5055', '--yes', '--root', root]);
		expect(port.exitCode).toBe(2);
		expect(port.stderr).toContain('master.port is read by mesos-master, which this machine does not run (node.role is agent, which runs mesos-slave)');
		const role = await runCli(['edit', 'node.role', 'master', '--yes', '--root', root]);
		expect(role.exitCode).toBe(2);
		expect(role.stderr).toContain('run mesos-setup setup --set node.role=master instead of edit');
		expect(await readTree(root)).toEqual(before);
		const zk = await runCli(['edit', 'mesos.zk', 'zk://10.0.0.1:2181/mesos', '--yes', '--root', root]);
		expect(zk.exitCode, zk.stderr).toBe(0);
		expect(zk.stdout).toContain('Not restarted here (--root): mesos-slave would be restarted.');
		// Back to loopback: the agent would look for a ZooKeeper this machine does not run.
		const written = await readTree(root);
		const loopback = await runCli(['edit', 'slave.ip', '127.0.0.1', '--yes', '--root', root]);
		expect(loopback.exitCode).toBe(2);
		expect(loopback.stderr).toContain('slave.ip: "127.0.0.1" is this machine only to itself, but this machine’s role is agent');
		expect(await readTree(root)).toEqual(written);
	});

	// Review 3, #12: an agent on the loopback defaults was written without a word.
	it('setup --yes and plan refuse an agent on loopback, naming each setting and what to set, and write nothing', async () => {
		const root = await tempRoot();
		for (const command of [['setup', '--yes'], ['plan']]) {
			const result = await runCli([...command, '--root', root, ...sets({'node.role': 'agent'})]);
			expect(result.exitCode, command.join(' ')).toBe(2);
			expect(result.stderr).toContain('mesos.zk: "zk://127.0.0.1:2181/mesos" names only this machine, but this machine’s role is agent: it runs no ZooKeeper and no master, they are on other machines; set mesos.zk to the masters’ ZooKeeper, such as zk://MASTER:2181/mesos');
			expect(result.stderr).toContain('slave.ip: "127.0.0.1" is this machine only to itself');
			expect(result.stderr).toContain('slave.hostname: "127.0.0.1" is this machine only to itself');
		}
		expect(await readTree(root)).toEqual({});
		// What the message says to set is enough.
		const mended = await runCli(['plan', '--root', root, ...sets({'node.role': 'agent', 'mesos.zk': 'zk://10.0.0.11:2181/mesos', 'slave.ip': '10.0.0.21', 'slave.hostname': 'agent1'})]);
		expect(mended.exitCode, mended.stderr).toBe(0);
		expect(mended.stdout).toMatch(/MASTER=zk:\/\/10\.0\.0\.11:2181\/mesos/);
	});

	it('refuses a role that is not one, naming the three', async () => {
		const root = await tempRoot();
		const result = await runCli(['setup', '--yes', '--root', root, ...sets({'node.role': 'worker'})]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('node.role: "worker" is not allowed; use one of master+agent, master, agent.');
		expect(await readTree(root)).toEqual({});
	});
});

describe('package sources on the command line', () => {
	it('plan shows an apt source’s key from its URL, its signed-by line and the index preflight reads', async () => {
		// A sandbox, not this machine: as root the plan would read this machine's saved answers and /etc,
		// which a lab test running beside this one changes (its role decides the packages named below).
		const result = await runCli(['plan', '--root', await tempRoot(), ...sets({'repo.source': 'apt', 'repo.url': 'https://m.example.org/mesos', 'repo.suite': 'stable', 'repo.keyUrl': 'https://m.example.org/key.asc', 'repo.fingerprint': fingerprint})]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toContain('run    curl -fsSL --proto =https --max-time 60 -- https://m.example.org/key.asc   (in a throwaway GNUPGHOME)');
		expect(result.stdout).toContain(`check  the key has the full fingerprint ${fingerprint}; otherwise nothing is trusted`);
		expect(result.stdout).toContain('| deb [signed-by=/usr/share/keyrings/mesos-setup-source-keyring.gpg] https://m.example.org/mesos stable main');
		expect(result.stdout).toMatch(/^check {2}The repository holds mesos, marathon for \S+ stable$/m);
	});

	it('setup --yes refuses an apt source whose key is not pinned, exit 2, nothing written', async () => {
		const root = await tempRoot();
		const result = await runCli(['setup', '--yes', '--root', root, ...sets({'repo.source': 'apt', 'repo.url': 'https://m.example.org/mesos', 'repo.keyUrl': 'https://m.example.org/key.asc'})]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('repo.fingerprint is not set: without a terminal nobody can confirm the apt source’s key');
		expect(await readTree(root)).toEqual({});
	});

	it('setup --yes --root with a folder copies its .debs into the local repository and points apt at it; a folder without mesos is refused', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'srv/debs'), {recursive: true});
		await writeFile(path.join(root, 'srv/debs/mesos_1.11.0-1_amd64.deb'), 'not really a package');
		await writeFile(path.join(root, 'srv/debs/marathon_1.10.26-1_all.deb'), 'nor this');
		const result = await runCli(['setup', '--yes', '--root', root, ...sets({'repo.source': 'folder', 'repo.folder': '/srv/debs'})]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/^passed +\/srv\/debs holds the Mesos packages: found marathon 1\.10\.26-1, mesos 1\.11\.0-1$/m);
		const tree = await readTree(root, ownBookkeeping);
		expect(Buffer.from(tree['var/cache/mesos-setup/packages/mesos_1.11.0-1_amd64.deb']?.bytes ?? '', 'base64').toString()).toBe('not really a package');
		expect(Buffer.from(tree['etc/apt/sources.list.d/mesosphere.list']?.bytes ?? '', 'base64').toString()).toBe('deb [trusted=yes] file:/var/cache/mesos-setup/packages ./\n');
		const undone = await runCli(['undo', '--yes', '--root', root]);
		expect(undone.exitCode, undone.stderr).toBe(0);
		expect(Object.keys(await readTree(root, ownBookkeeping)).sort()).toEqual(['srv/debs/marathon_1.10.26-1_all.deb', 'srv/debs/mesos_1.11.0-1_amd64.deb']);

		// Another source's setting is refused on edit, and the way it names to change the source works as printed.
		const article = await tempRoot();
		await mkdir(path.join(article, 'srv/debs'), {recursive: true});
		await writeFile(path.join(article, 'srv/debs/mesos_1.11.0-1_amd64.deb'), 'x');
		expect((await runCli(['setup', '--yes', '--root', article])).exitCode).toBe(0);
		const other = await runCli(['edit', 'repo.folder', '/srv/debs', '--yes', '--root', article]);
		expect(other.exitCode).toBe(2);
		expect(other.stderr).toContain('to change the source, give both: mesos-setup edit repo.source SOURCE --set repo.folder=VALUE.');
		const switched = await runCli(['edit', 'repo.source', 'folder', '--set', 'repo.folder=/srv/debs', '--yes', '--root', article]);
		expect(switched.exitCode, switched.stderr).toBe(0);
		expect(switched.stdout).toContain('Changing repo.source: article → folder');
		expect(switched.stdout.match(/No service needs a restart/g)).toHaveLength(1);
		expect(Buffer.from((await readTree(article))['etc/apt/sources.list.d/mesosphere.list']?.bytes ?? '', 'base64').toString()).toBe('deb [trusted=yes] file:/var/cache/mesos-setup/packages ./\n');

		const empty = await tempRoot();
		await mkdir(path.join(empty, 'srv/debs'), {recursive: true});
		await writeFile(path.join(empty, 'srv/debs/marathon_1.10.26-1_all.deb'), 'x');
		const refused = await runCli(['setup', '--yes', '--root', empty, ...sets({'repo.source': 'folder', 'repo.folder': '/srv/debs'})]);
		expect(refused.exitCode).toBe(1);
		expect(refused.stdout).toContain('/srv/debs holds no mesos package (it holds marathon 1.10.26-1)');
		expect(Object.keys(await readTree(empty, ownBookkeeping))).toEqual(['srv/debs/marathon_1.10.26-1_all.deb']);
	});
});
