// cluster setup --yes over real SSH, run on the lab's control machine against 3 masters and 2 agents
// (as admin, through sudo -n): preflight on every node first (a node unreachable is named and no node
// changes), the deploy in stages, the postflight; cluster status --once/--json; the leading master's
// daemon killed (a new leader), one ZooKeeper of three stopped (2 of 3, quorum holds); cluster undo;
// a node's unknown host key (refused by --yes with its fingerprint; shown, refused or accepted in
// the screens' flow, connectAll on the control machine);
// then, in the same lab, 5 masters (two more nodes added) and an agent: an ensemble of 5, quorum 3;
// and a node added to it deployed from a folder of mesos/mesos-packaging's .debs: its layout
// predicted on the node before anything changes, and exactly the files the summary named written.
import {mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {buildLabPackages} from '../lab-packages.js';
import {describeLab} from '../require-lab.js';
import {waitFor} from '../../helpers/wait-for.js';
import {mesosSetupOnControl} from './control-cli.js';
import {adminUser, controlSsh, startNodes, type LabNode, type LabNodes} from './lab-nodes.js';
import {onControl} from './on-control.js';

const minute = 60_000;
const figures: Record<string, number> = {};
const seconds = (since: number) => Number(((Date.now() - since) / 1000).toFixed(1));

type Health = {zookeeper: {leader: string | null; serving: number; total: number; quorum: number; hasQuorum: boolean}; mesos: {leader: string | null; agreed: boolean; agentsActive: number; agentsTotal: number}; marathon: {leader: string | null}; problems: string[]};

describeLab('cluster setup over SSH on the lab of several machines', () => {
	let lab: LabNodes | undefined;
	let clusterFile = '';
	const started = Date.now();
	const need = () => {
		if (!lab) throw new Error('the lab did not start');
		return lab;
	};
	const cli = async (...args: string[]) => mesosSetupOnControl(need(), ['cluster', ...args, clusterFile], 5 * minute);
	const status = async (): Promise<Health> => JSON.parse((await cli('status', '--json')).stdout) as Health;
	const masters = () => need().nodes.filter(node => node.name.startsWith('m'));
	/** What mesos-setup leaves on a node: its journals and the files it writes. */
	const touched = async (node: LabNode) => (await node.run(['bash', '-c', 'ls /var/backups/mesos-setup /etc/mesos-master/ip /etc/zookeeper/conf/myid 2>/dev/null; cat /etc/mesos/zk 2>/dev/null; true'])).stdout.trim();

	/** A cluster file on the control machine, where the CLI runs; the nodes by name. */
	const writeClusterFile = async (file: string, masterNames: string[], agentNames: string[]) => {
		const entries = (names: string[]) => names.map(name => `  - {name: ${name}, address: ${need().node(name).address}}\n`).join('');
		await need().control.run(['bash', '-c', `cat > ${file}`], {
			input: `masters:\n${entries(masterNames)}agents:\n${entries(agentNames)}ssh: {user: ${adminUser}}
settings: {repo.url: "${need().repoUrl}", repo.keyserver: "${need().keyserver}", repo.key: "${need().fingerprint}"}
`,
		});
		return file;
	};

	beforeAll(async () => {
		lab = await startNodes([
			{name: 'm1', address: '10.77.0.11'},
			{name: 'm2', address: '10.77.0.12'},
			{name: 'm3', address: '10.77.0.13'},
			{name: 'a1', address: '10.77.0.21'},
			{name: 'a2', address: '10.77.0.22'},
		]);
		clusterFile = await writeClusterFile('/root/cluster.yaml', ['m1', 'm2', 'm3'], ['a1', 'a2']);
		figures['lab start (s)'] = seconds(started);
	}, 20 * minute);

	afterAll(async () => {
		const left = await lab?.stop();
		figures['whole file (s)'] = seconds(started);
		console.log(`cluster setup figures: ${JSON.stringify(figures)}; processes the clean-up had to end: ${JSON.stringify(left?.killedPids)}`);
	}, 5 * minute);

	it('stops before any node changes when one cannot be reached at preflight, and names it', async () => {
		const a2 = need().node('a2');
		const before = await Promise.all(need().nodes.map(touched));
		await a2.unplug();
		try {
			const result = await cli('setup', '--yes');
			expect(result.exitCode).toBe(1);
			expect(result.stderr).toContain('nothing was changed on any node');
			expect(result.stderr).toMatch(/a2: a2 \(admin@10\.77\.0\.22\) cannot be reached over SSH/);
		} finally {
			await a2.plug();
		}
		expect(await Promise.all(need().nodes.map(touched))).toEqual(before);
	});

	it('is refused, naming the node, while a setup on a node holds that node’s run lock; nothing changes', async () => {
		const m2 = need().node('m2');
		const before = await Promise.all(need().nodes.map(touched));
		// A setup run on m2 as run-lock.ts leaves it: a live process named in /var/lib/mesos-setup/run.lock.
		const pid = (await m2.run(['bash', '-c', 'setsid sleep 300 </dev/null >/dev/null 2>&1 & mkdir -p /var/lib/mesos-setup; ln -s "$! $(date -u +%Y-%m-%dT%H:%M:%S.%3NZ) setup" /var/lib/mesos-setup/run.lock; echo $!'])).stdout;
		try {
			const result = await cli('setup', '--yes');
			expect(result.exitCode).toBe(1);
			expect(result.stderr).toContain('Another mesos-setup run holds m2; nothing was changed on any node.');
			expect(result.stderr).toContain(`another mesos-setup (setup, PID ${pid}) has been running on m2 since`);
		} finally {
			await m2.run(['bash', '-c', `kill ${pid}; rm -f /var/lib/mesos-setup/run.lock; rmdir /var/lib/mesos-setup`]);
		}
		expect(await Promise.all(need().nodes.map(touched))).toEqual(before);
		// No node kept a lock of this run.
		for (const node of need().nodes) expect((await node.run(['bash', '-c', 'ls /var/lib/mesos-setup 2>&1 || true'])).stdout).toMatch(/No such file/);
	});

	it('refuses an unknown host key with --yes, naming its fingerprint; the screens’ flow shows it, and a refusal changes nothing while an acceptance writes it', async () => {
		const {control} = need();
		const a2 = need().node('a2');
		const known = await control.readFile(controlSsh.knownHosts);
		const before = await Promise.all(need().nodes.map(touched));
		const fingerprint = (await a2.run(['ssh-keygen', '-l', '-f', '/etc/ssh/ssh_host_ed25519_key.pub'])).stdout.split(' ')[1] as string;
		const question = {node: 'a2', address: a2.address, keys: [{type: 'ED25519', fingerprint}]};
		const cluster = {nodes: need().nodes.map(node => ({name: node.name, address: node.address, role: node.name.startsWith('m') ? 'master' : 'agent'})), ssh: {user: adminUser}, settings: {}};
		type Seen = {asked: unknown[]; reached?: {node: string; distro: string}[]; error?: string; detail?: string[]};
		const connect = async (decisions: string[]) => onControl<Seen>(need(), 'test/lab/nodes/cluster-connect-main.ts', {cluster, decisions});
		try {
			const without = known.split('\n').filter(line => line !== '' && !line.startsWith('a2,')).map(line => `${line}\n`).join('');
			await control.writeFile(controlSsh.knownHosts, without);
			const yes = await cli('setup', '--yes');
			expect(yes.exitCode).toBe(1);
			expect(yes.stderr).toContain(`a2: its host key is not known here (ED25519 key ${fingerprint}); with --yes an unknown host key is refused.`);
			expect(await control.readFile(controlSsh.knownHosts)).toBe(without);

			const refused = await connect(['refuse']);
			expect(refused.asked).toEqual([question]);
			expect(refused.error).toBe('Not every node could be reached; nothing was changed on any node.');
			expect(refused.detail).toEqual([`a2: its host key (ED25519 key ${fingerprint}) was refused; known_hosts is unchanged.`]);
			expect(await control.readFile(controlSsh.knownHosts)).toBe(without);

			const accepted = await connect(['accept']);
			expect(accepted.asked).toEqual([question]);
			expect(accepted.reached?.map(each => each.node)).toEqual(['m1', 'm2', 'm3', 'a1', 'a2']);
			// Exactly the key shown is added, after what was there, as ssh writes it (Debian's ssh_config
			// hashes the host: HashKnownHosts yes), and ssh finds it for a2's address.
			const after = await control.readFile(controlSsh.knownHosts);
			expect(after.startsWith(without)).toBe(true);
			const added = after.slice(without.length).trim().split('\n');
			expect(added.map(line => line.split(' ').slice(1).join(' '))).toEqual([a2.hostKey.split(' ').slice(0, 2).join(' ')]);
			expect((await control.run(['ssh-keygen', '-F', a2.address, '-f', controlSsh.knownHosts])).stdout).toContain(added[0]);
			// Known now: asked about nothing.
			expect((await connect([])).asked).toEqual([]);
		} finally {
			await control.writeFile(controlSsh.knownHosts, known);
		}
		expect(await Promise.all(need().nodes.map(touched))).toEqual(before);
	});

	it('sets up 3 masters and 2 agents in stages, proves the cluster, and cluster status shows it', async () => {
		const since = Date.now();
		const result = await cli('setup', '--yes');
		figures['cluster setup --yes (s)'] = seconds(since);
		expect(result.stderr).not.toMatch(/failed/);
		expect(result.exitCode).toBe(0);
		const out = result.stdout;
		// Stages in order, each naming its nodes; every node's lines prefixed by its name.
		const stages = ['Preflight on every node: m1, m2, m3, a1, a2', 'Key, repository, packages and files on every node', 'The ZooKeeper ensemble on the masters: m1, m2, m3', 'The Mesos masters: m1, m2, m3', 'The Mesos agents: a1, a2', 'Marathon on the masters: m1, m2, m3'];
		const at = stages.map(stage => out.indexOf(`==== ${stage}`));
		expect(at.every(index => index >= 0)).toBe(true);
		expect([...at].sort((x, y) => x - y)).toEqual(at);
		expect(out).toMatch(/^a1: healthy +mesos-slave: http:\/\/10\.77\.0\.21:5051\/health answered 200/m);
		expect(out).toContain('==== Postflight: the cluster is proven');
		expect(out).toMatch(/ZooKeeper: 3 of 3 serving, leader m\d, quorum 2: holds/);
		expect(out).toMatch(/agents 2 of 2 active/);
		// Each node's own derived files, on the node itself.
		expect((await need().node('m2').run(['cat', '/etc/zookeeper/conf/myid'])).stdout).toBe('2');
		expect((await need().node('a2').run(['cat', '/etc/mesos-slave/ip'])).stdout).toBe('10.77.0.22');
		const once = await cli('status', '--once');
		expect(once.exitCode).toBe(0);
		expect(once.stdout).toContain('The cluster is healthy.');
		expect(once.stdout).toMatch(/Marathon: leader \S+, named by every master/);
	});

	it('shows a new Mesos leader after the leading master’s daemon is killed', async () => {
		const first = await status();
		const leaderAddress = first.mesos.leader?.split(':')[0];
		const leader = masters().find(node => node.address === leaderAddress);
		expect(leader).toBeDefined();
		const since = Date.now();
		await leader!.run(['bash', '-c', 'kill -KILL "$(cat /run/mesos-master.pid)"']);
		const next = await waitFor('a new leading master', async () => {
			const now = await status();
			return now.mesos.leader && now.mesos.leader !== first.mesos.leader && now.mesos.agentsActive === 2 ? now : undefined;
		}, 60_000);
		figures['new leader after SIGKILL (s)'] = seconds(since);
		expect(next.mesos.leader).not.toBe(first.mesos.leader);
		await leader!.run(['service', 'mesos-master', 'start'], {timeout: minute});
	});

	it('says 2 of 3 when one ZooKeeper of three is stopped, and that the quorum holds', async () => {
		const m3 = need().node('m3');
		await m3.run(['service', 'zookeeper', 'stop'], {timeout: minute});
		const seen = await waitFor('2 of 3 ZooKeepers serving', async () => {
			const result = await cli('status', '--once');
			return /ZooKeeper: 2 of 3 serving, leader m\d, quorum 2: holds/.test(result.stdout) ? result : undefined;
		}, 60_000);
		expect(seen.exitCode).toBe(1);
		expect(seen.stdout).toMatch(/problem: ZooKeeper on m3 \(10\.77\.0\.13:2181\) does not answer/);
		await m3.run(['service', 'zookeeper', 'start'], {timeout: minute});
	});

	it('cluster undo puts every node’s files back from its own journal', async () => {
		const result = await cli('undo', '--yes');
		expect(result.stderr).toBe('');
		expect(result.exitCode).toBe(0);
		for (const node of need().nodes) {
			expect(result.stdout).toMatch(new RegExp(`^${node.name}: put back run \\S+ \\(\\d+ files\\)$`, 'm'));
			// What the setup made is gone; what the packages shipped is back.
			expect((await node.run(['bash', '-c', 'ls /etc/mesos-master/ip /etc/mesos-slave/ip 2>&1 || true'])).stdout).not.toMatch(/^\/etc\/mesos-(master|slave)\/ip$/m);
			expect((await node.run(['cat', '/etc/mesos/zk'])).stdout).not.toContain('10.77.0.11');
		}
	});

	it('sets up 5 masters (quorum 3) and an agent in the same lab: an ensemble of 5 with one leader', async () => {
		// The three-master cluster is taken down (undo leaves services running on the files put back).
		const services: Record<string, string[]> = {m: ['marathon', 'mesos-master', 'zookeeper'], a: ['mesos-slave']};
		await Promise.all(need().nodes.map(async node => node.run(['bash', '-c', services[node.name[0] as string]!.map(service => `service ${service} stop`).join('; ')], {timeout: minute})));
		let since = Date.now();
		await need().addNodes([{name: 'm4', address: '10.77.0.14'}, {name: 'm5', address: '10.77.0.15'}]);
		figures['two more nodes (s)'] = seconds(since);
		clusterFile = await writeClusterFile('/root/cluster-5.yaml', ['m1', 'm2', 'm3', 'm4', 'm5'], ['a1']);
		since = Date.now();
		const result = await cli('setup', '--yes');
		figures['cluster setup --yes, 5 masters (s)'] = seconds(since);
		expect(result.stderr).not.toMatch(/failed/);
		expect(result.exitCode, result.stdout.slice(-3000)).toBe(0);
		expect(result.stdout).toContain('==== The ZooKeeper ensemble on the masters: m1, m2, m3, m4, m5');
		expect(result.stdout).toContain('==== Postflight: the cluster is proven');
		expect(result.stdout).toMatch(/ZooKeeper: 5 of 5 serving, leader m\d, quorum 3: holds/);
		expect((await need().node('m5').run(['cat', '/etc/zookeeper/conf/myid'])).stdout).toBe('5');
		expect((await need().node('m4').run(['cat', '/etc/mesos-master/quorum'])).stdout).toBe('3');
		const health = await status();
		expect(health.zookeeper).toMatchObject({serving: 5, total: 5, quorum: 3, hasQuorum: true});
		expect(health.zookeeper.leader).toMatch(/^m[1-5]$/);
		expect(health.mesos).toMatchObject({agreed: true, agentsActive: 1, agentsTotal: 1});
		expect(health.problems).toEqual([]);
	});

	it('deploys a node from a folder of mesos-packaging’s .debs on it: the summary says the agent layout and /etc/default/marathon, predicted on the node, and names exactly the files then written there', async () => {
		// The five-master cluster is taken down, so this node does not share the two cores with it
		// (what is not running, alone in a run of this case, is left as it is).
		const services: Record<string, string[]> = {m: ['marathon', 'mesos-master', 'zookeeper'], a: ['mesos-slave']};
		await Promise.all(need().nodes.map(async node => node.run(['bash', '-c', services[node.name[0] as string]!.map(service => `service ${service} stop`).join('; ')], {timeout: minute, reject: false})));
		const since = Date.now();
		const workDir = path.join(need().workDir, 'mesos-packaging');
		await mkdir(workDir, {recursive: true});
		const {debs} = await buildLabPackages(workDir, 'mesos-packaging');
		const [p1] = await need().addNodes([{name: 'p1', address: '10.77.0.31'}]);
		if (!p1) throw new Error('p1 did not start');
		// The folder is on the node, as a person who built the packages there would have it.
		for (const deb of debs) {
			await p1.run(['bash', '-c', 'mkdir -p /srv/debs && base64 -d > "/srv/debs/$1"', 'put', path.basename(deb.file)], {input: (await readFile(deb.file)).toString('base64')});
		}
		await need().control.run(['bash', '-c', 'cat > /root/cluster-folder.yaml'], {
			input: `masters:\n  - {name: p1, address: ${p1.address}, role: master+agent}\nagents:\nssh: {user: ${adminUser}}\nsettings: {repo.source: folder, repo.folder: /srv/debs}\n`,
		});
		clusterFile = '/root/cluster-folder.yaml';
		const result = await cli('setup', '--yes');
		figures['folder node: packages built, node added, cluster setup --yes (s)'] = seconds(since);
		expect(result.exitCode, `${result.stdout.slice(-3000)}\n${result.stderr}`).toBe(0);
		// Before the first stage: the layout read from the node's own folder, and every file it writes.
		const [summary = '', ...stages] = result.stdout.split(/^==== /m);
		expect(summary).toContain(
			'p1: Layout: the agent’s from /etc/mesos-agent/ and /etc/default/mesos-agent (mesos-init-wrapper agent), Marathon’s from /etc/default/marathon (MARATHON_* variables); predicted from /srv/debs on p1 (mesos 1.11.0-lab1: its agent service runs mesos-init-wrapper agent; marathon 1.10.26-lab1).',
		);
		const configuration = (file: string) => /^\/etc\/(mesos|mesos-master|mesos-slave|mesos-agent|marathon|zookeeper|default)\b/.test(file);
		const shown = [...summary.matchAll(/^p1: +write +(\/\S+)/gm)].map(match => match[1] ?? '').filter(configuration);
		const written = [...stages.join('').matchAll(/^p1: (?:wrote|unchanged) +(\/\S+)/gm)].map(match => match[1] ?? '').filter(configuration);
		expect(written.length, result.stdout).toBeGreaterThan(0);
		expect([...written].sort(), 'the files written are the files the summary named').toEqual([...shown].sort());
		expect(shown).toEqual(expect.arrayContaining(['/etc/mesos-agent/ip', '/etc/mesos-agent/work_dir', '/etc/default/mesos-agent', '/etc/default/marathon']));
		expect(result.stdout + result.stderr).not.toContain('not what the summary showed');
		expect(result.stdout).toContain('==== Postflight: the cluster is proven');
		// On the node: the agent layout and Marathon 1.5+'s defaults file, nothing in the article's.
		expect((await p1.run(['cat', '/etc/mesos-agent/ip'])).stdout).toBe(p1.address);
		expect((await p1.run(['cat', '/etc/default/marathon'])).stdout).toContain(`MARATHON_MASTER=zk://${p1.address}:2181/mesos`);
		expect((await p1.run(['ls', '/etc/mesos-slave'])).stdout.split('\n').filter(Boolean), 'only what the package ships').toEqual(['work_dir']);
		expect((await p1.run(['find', '/etc/marathon', '-type', 'f'], {reject: false})).stdout).toBe('');
	});
});
