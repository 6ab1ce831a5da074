// Proves the lab of several machines by hand, without mesos-setup: nodes in their own namespaces,
// real SSH between them, systemd as a node's PID 1, the lab's package installed with apt over the
// lab network, a real ZooKeeper ensemble, the stand-in masters electing one leader, faults, clean-up.
import {spawn} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {rm, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {execa} from 'execa';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {listProcesses} from '../lab-processes.js';
import {describeLab} from '../require-lab.js';
import {waitFor} from '../../helpers/wait-for.js';
import {agentFiles, configureMaster, installMesosphere, writeFiles, zookeeperLogFile} from './cluster-by-hand.js';
import {controlJson, ensembleModes, formedEnsemble, marathonLeaders, registeredCluster, zookeeperMode} from './cluster-probes.js';
import {labCgroupRoot} from './lab-cgroups.js';
import {mesosSetupOnControl} from './control-cli.js';
import {labNamespaces} from './lab-network.js';
import {adminUser, startNodes, type LabNode, type LabNodes} from './lab-nodes.js';

const minute = 60_000;
// startNodes waits up to 15 minutes for the machine lock while another lab owns the machine.
const lockWait = 15 * minute;
const canaries = [`/tmp/mesos-setup-lab-canary-${process.pid}`, `/var/tmp/mesos-setup-lab-canary-${process.pid}`];
const seconds = (since: number) => Number(((Date.now() - since) / 1000).toFixed(1));
const figures: Record<string, number> = {};

/** Everything the lab could leave on the host: namespaces, mounts, cgroups, processes. */
async function labLeftovers() {
	return {
		namespaces: await labNamespaces(),
		// /run/netns is ip's own mount point: the lab takes it away when no namespace at all is left.
		mounts: readFileSync('/proc/mounts', 'utf8').split('\n').filter(line => /mslab|overlay/.test(line)
			|| (line.includes(' /run/netns ') && (existsSync('/run/netns') ? readdirSync('/run/netns') : []).length === 0)),
		cgroups: existsSync(labCgroupRoot()) ? readdirSync(labCgroupRoot()) : [],
		processes: listProcesses().filter(entry => entry.state !== 'Z' && /mesosphere-lab|org\.apache\.zookeeper|sshd|node-init\.sh|systemd --system|lab-servers\.mjs/.test(entry.command))
			.map(entry => `${entry.pid} ${entry.command}`),
	};
}
const nothingLeft = {namespaces: [], mounts: [], cgroups: [], processes: []};

async function service(node: LabNode, name: string, action: 'start' | 'stop'): Promise<void> {
	// On a systemd node, Debian's `service` hands over to systemctl, as on a real machine.
	await node.run(['service', name, action], {timeout: minute});
}

describeLab('the lab of several machines, by hand', () => {
	let lab: LabNodes | undefined;
	let masters: LabNode[] = [];
	let agents: LabNode[] = [];
	const need = () => {
		if (!lab) throw new Error('the lab did not start');
		return lab;
	};

	/** The masters, the agents, then Marathon on the masters; resolves once one master leads with every agent active. */
	const startMesos = async () => {
		await Promise.all(masters.map(async master => service(master, 'mesos-master', 'start')));
		await Promise.all(agents.map(async agent => service(agent, 'mesos-slave', 'start')));
		await Promise.all(masters.map(async master => service(master, 'marathon', 'start')));
		return waitFor(`one of ${masters.length} masters elected, every agent active with it`, async () => registeredCluster(need().control, masters, agents), 2 * minute);
	};

	beforeAll(async () => {
		for (const canary of canaries) await writeFile(canary, 'the host\'s /tmp must survive the lab\n');
		const started = Date.now();
		lab = await startNodes([
			{name: 'm1', address: '10.77.0.11'},
			{name: 'm2', address: '10.77.0.12'},
			{name: 'm3', address: '10.77.0.13', init: 'systemd'},
			{name: 'a1', address: '10.77.0.21'},
			{name: 'a2', address: '10.77.0.22', init: 'systemd'},
		]);
		figures['startNodes, lock wait included (s)'] = seconds(started);
		figures['waiting for the machine lock (s)'] = need().startup.lockWaitMs / 1000;
		figures['building key, package, repository (s)'] = need().startup.buildMs / 1000;
		figures['starting control + 5 nodes with sshd (s)'] = need().startup.machinesMs / 1000;
		masters = ['m1', 'm2', 'm3'].map(name => need().node(name));
		agents = ['a1', 'a2'].map(name => need().node(name));
	}, lockWait + 5 * minute);

	afterAll(async () => {
		await lab?.stop();
		for (const canary of canaries) await rm(canary, {force: true});
		console.log(`lab of several machines, figures: ${JSON.stringify(figures)}`);
	}, 5 * minute);

	it('gives every node its own hostname, address, /etc, processes and no route out', async () => {
		const {nodes} = need();
		for (const node of nodes) {
			expect((await node.run(['hostname'])).stdout).toBe(node.name);
			const addresses = (await node.run(['ip', '-4', '-o', 'addr', 'show'])).stdout;
			expect(addresses.match(/inet \S+/g)).toEqual(['inet 127.0.0.1/8', `inet ${node.address}/24`]);
			// Only the lab's subnet: a lookup for any other address finds no route (and sends nothing).
			expect((await node.run(['ip', 'route'])).stdout.trim()).toBe(`10.77.0.0/24 dev eth0 proto kernel scope link src ${node.address}`);
			expect((await node.run(['ip', 'route', 'get', '192.0.2.1'], {reject: false})).stderr).toMatch(/unreachable/i);
			expect((await node.run(['cat', '/proc/1/comm'])).stdout).toBe(node.init === 'systemd' ? 'systemd' : 'bash');
			await node.writeFile('/etc/mesos-setup-lab-probe', `${node.name}\n`);
			expect(await node.readFile('/etc/mesos-setup-lab-probe')).toBe(`${node.name}\n`);
		}
		expect(existsSync('/etc/mesos-setup-lab-probe')).toBe(false);
		expect((await need().node('m1').run(['cat', '/etc/mesos-setup-lab-probe'])).stdout).toBe('m1');
		// Its own PID namespace: the host's processes are not there.
		expect((await need().node('m1').run(['ps', '-e', '-o', 'comm='])).stdout).not.toMatch(/vitest|process_api/);
	});

	it('reaches every node over real SSH from the control machine, host keys verified, sudo -n for the admin user', async () => {
		const {nodes, control} = need();
		await Promise.all(nodes.map(async node => {
			const strict = ['-o', 'StrictHostKeyChecking=yes'];
			expect((await need().ssh(node.name, 'hostname', {sshOptions: strict})).stdout).toBe(node.name);
			expect((await need().ssh(node.name, 'sudo -n id -u && id -un', {user: adminUser, sshOptions: strict})).stdout).toBe(`0\n${adminUser}`);
			// known_hosts holds the key the node really serves.
			expect(node.hostKey.split(' ').slice(0, 2).join(' ')).toBe((await node.run(['cat', '/etc/ssh/ssh_host_ed25519_key.pub'])).stdout.split(' ').slice(0, 2).join(' '));
			const unknown = await need().ssh(node.name, 'true', {reject: false, sshOptions: [...strict, '-o', 'UserKnownHostsFile=/dev/null']});
			expect(unknown.exitCode).toBe(255);
			expect(unknown.stderr).toMatch(/Host key verification failed/);
		}));
		// Every node has a host key of its own, and none is the host's.
		const keys = new Set(nodes.map(node => node.hostKey.split(' ')[1]));
		expect(keys.size).toBe(nodes.length);
		if (existsSync('/etc/ssh/ssh_host_ed25519_key.pub')) expect(keys.has(readFileSync('/etc/ssh/ssh_host_ed25519_key.pub', 'utf8').split(' ')[1])).toBe(false);
		expect((await control.run(['hostname'])).stdout).toBe('control');
		// The control machine runs the built CLI from the repository, as "this machine" of a cluster would.
		const cli = await mesosSetupOnControl(need(), ['--version']);
		expect(cli.exitCode, cli.all).toBe(0);
		expect(cli.stdout).toBe(JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version);
	}, 2 * minute);

	it('boots systemd as PID 1 with a private /tmp: journald reads a unit\'s log, the host\'s /tmp is intact', async () => {
		for (const node of need().nodes.filter(candidate => candidate.init === 'systemd')) {
			expect((await node.run(['systemctl', 'is-system-running'])).stdout).toBe('running');
			// A transient unit whose output goes to the journal (no --wait: that needs D-Bus, which the node does not run).
			await node.run(['systemd-run', '--unit=lab-journal-probe', 'sh', '-c', `echo journal says hello from ${node.name}`]);
			const journal = await waitFor(`the probe's line in ${node.name}'s journal`, async () => {
				const {stdout} = await node.run(['journalctl', '-u', 'lab-journal-probe', '--no-pager', '-o', 'cat']);
				return stdout.includes(`journal says hello from ${node.name}`) ? stdout : undefined;
			});
			expect(journal).toContain(`journal says hello from ${node.name}`);
			expect((await node.run(['findmnt', '-n', '-o', 'FSTYPE', '/tmp'])).stdout).toBe('tmpfs');
		}
		for (const canary of canaries) expect(readFileSync(canary, 'utf8')).toContain('must survive');
	});

	it('installs mesosphere on every node with apt from the lab network: the key from its key server, the package from its signed repository', async () => {
		const started = Date.now();
		await Promise.all(need().nodes.map(async node => installMesosphere(need(), node)));
		figures['apt install on 5 nodes (s)'] = seconds(started);
		for (const node of need().nodes) {
			expect((await node.run(['dpkg-query', '-W', '-f=${Status} ${Version}', 'mesosphere'])).stdout).toBe('install ok installed 0.1.0-lab1');
			expect((await node.run(['apt-cache', 'policy', 'mesosphere'])).stdout).toContain(need().repoUrl);
		}
		// The host's package database is not the nodes'.
		const host = await execa('dpkg-query', ['-W', '-f=${Status}', 'mesosphere'], {reject: false});
		expect(host.stdout).not.toBe('install ok installed');
	}, 5 * minute);

	it('forms a ZooKeeper ensemble of 3 (m3 under systemd) that elects one leader', async () => {
		await Promise.all(masters.map(async (master, index) => configureMaster(master, masters, index)));
		await Promise.all(agents.map(async agent => writeFiles(agent, agentFiles(masters, agent))));
		const started = Date.now();
		await Promise.all(masters.map(async master => master.init === 'systemd'
			? master.run(['systemctl', 'start', 'zookeeper'])
			: service(master, 'zookeeper', 'start')));
		const modes = await waitFor('one ZooKeeper leader and two followers (srvr)', async () => formedEnsemble(need().control, masters), 2 * minute)
			.catch(async (error: unknown) => {
				throw new Error(`${String(error)}\n${(await Promise.all(masters.map(async master => `${master.name}: ${(await master.run(['tail', '-5', zookeeperLogFile], {reject: false})).all}`))).join('\n')}`);
			});
		figures['ZooKeeper ensemble of 3 formed (s)'] = seconds(started);
		expect(Object.values(modes).sort()).toEqual(['follower', 'follower', 'leader']);
		const m3 = need().node('m3');
		expect((await m3.run(['systemctl', 'show', 'zookeeper', '-p', 'ActiveState', '--value'])).stdout).toBe('active');
		expect((await m3.run(['journalctl', '-u', 'zookeeper', '--no-pager'])).stdout).toMatch(/Started zookeeper\.service/);
	}, 3 * minute);

	it('elects ONE stand-in master through ZooKeeper; both agents register with it; every Marathon names one leader', async () => {
		const started = Date.now();
		const view = await startMesos();
		figures['Mesos leader elected, 2 agents registered (s)'] = seconds(started);
		expect(view.elected).toHaveLength(1);
		const leader = need().node(view.elected[0] ?? '');
		expect(view.state?.leader).toBe(`master@${leader.address}:5050`);
		expect(view.state?.hostname).toBe(leader.address);
		expect(Object.values(view.leaderByMaster)).toEqual([view.state?.leader, view.state?.leader, view.state?.leader]);
		expect(view.state?.slaves.map(slave => slave.pid).sort()).toEqual(['slave(1)@10.77.0.21:5051', 'slave(1)@10.77.0.22:5051']);

		const marathons = await waitFor('every Marathon to name the same leader', async () => {
			const leaders = await marathonLeaders(need().control, masters);
			const values = new Set(Object.values(leaders));
			return values.size === 1 && !values.has(undefined) ? leaders : undefined;
		});
		expect(masters.map(master => `${master.address}:8080`)).toContain(Object.values(marathons)[0]);
		const framework = await waitFor('Marathon registered as a framework with the leading master', async () => {
			const state = (await registeredCluster(need().control, masters, agents))?.state;
			return state?.frameworks.find(candidate => candidate.name === 'marathon' && candidate.active);
		});
		expect(framework.name).toBe('marathon');
	}, 3 * minute);

	it('fault: a node whose cable is pulled cannot be reached, and ssh names it; plugged back it answers', async () => {
		const a1 = need().node('a1');
		await a1.unplug();
		try {
			const failed = await need().ssh('a1', 'true', {reject: false});
			expect(failed.exitCode).toBe(255);
			expect(failed.stderr).toMatch(/10\.77\.0\.21 port 22: (Connection timed out|No route to host)/);
		} finally {
			await a1.plug();
		}
		expect((await need().ssh('a1', 'hostname')).stdout).toBe('a1');
	});

	it('fault: the leading master\'s daemon killed, another master is elected and both agents follow it', async () => {
		const before = await waitFor('a registered cluster', async () => registeredCluster(need().control, masters, agents));
		const old = need().node(before.elected[0] ?? '');
		const killedAt = Date.now();
		// Under systemd the lab's packages run a native unit (no pidfile): its MainPID is the daemon.
		await old.run(old.init === 'systemd'
			? 'kill -KILL "$(systemctl show -p MainPID --value mesos-master)"'
			: 'kill -KILL "$(cat /run/mesos-master.pid)"');
		const after = await waitFor('a new leader with both agents active', async () => {
			const view = await registeredCluster(need().control, masters.filter(master => master !== old), agents);
			return view && view.elected[0] !== old.name ? view : undefined;
		}, 2 * minute);
		figures['new Mesos leader after SIGKILL, agents re-registered (s)'] = seconds(killedAt);
		expect(after.elected).toHaveLength(1);
		expect(after.elected[0]).not.toBe(old.name);
		expect(after.state?.leader).toBe(`master@${need().node(after.elected[0] ?? '').address}:5050`);
		await service(old, 'mesos-master', 'stop');
		await service(old, 'mesos-master', 'start');
		// Back, it follows: still one leader, and every master names it.
		const rejoined = await waitFor('the old leader back as a follower', async () => {
			const view = await registeredCluster(need().control, masters, agents);
			return view?.leaderByMaster[old.name] === after.state?.leader ? view : undefined;
		}, minute);
		expect(rejoined.elected).toEqual(after.elected);
	}, 3 * minute);

	it('fault: one ZooKeeper of three stopped (the leader), the other two keep quorum and one leader', async () => {
		const modes = await ensembleModes(need().control, masters);
		const zookeeperLeader = need().node(Object.entries(modes).find(([, mode]) => mode === 'leader')?.[0] ?? '');
		const stoppedAt = Date.now();
		await service(zookeeperLeader, 'zookeeper', 'stop');
		const held = await waitFor('2 of 3 ZooKeepers answering, one of them leader', async () => {
			const now = await formedEnsemble(need().control, masters, 2);
			return now?.[zookeeperLeader.name] === 'down' ? now : undefined;
		}, minute);
		figures['ZooKeeper quorum re-formed after its leader stopped (s)'] = seconds(stoppedAt);
		expect(Object.values(held).sort()).toEqual(['down', 'follower', 'leader']);
		// Mesos still has its one leader, reached through the ZooKeepers left.
		expect(await waitFor('the cluster still registered', async () => registeredCluster(need().control, masters, agents))).toBeDefined();
		await service(zookeeperLeader, 'zookeeper', 'start');
		await waitFor('the stopped ZooKeeper back as a follower', async () =>
			await zookeeperMode(need().control, zookeeperLeader.address) === 'follower' || undefined, minute);
	}, 3 * minute);

	it('grows to 5 masters (quorum 3): an ensemble of 5, one elected master, both agents, one Marathon leader', async () => {
		await Promise.all(need().nodes.map(async node =>
			node.run('for s in marathon mesos-slave mesos-master zookeeper; do service $s stop >/dev/null 2>&1 || true; done')));
		// A new ensemble: the three old members forget the old one.
		await Promise.all(masters.map(async master => master.run('rm -rf /var/lib/zookeeper/version-2')));
		const added = await need().addNodes([{name: 'm4', address: '10.77.0.14'}, {name: 'm5', address: '10.77.0.15'}]);
		await Promise.all(added.map(async node => installMesosphere(need(), node)));
		masters = [...masters, ...added];
		await Promise.all(masters.map(async (master, index) => configureMaster(master, masters, index)));
		await Promise.all(agents.map(async agent => writeFiles(agent, agentFiles(masters, agent))));
		expect((await need().node('m5').readFile('/etc/mesos-master/quorum'))).toBe('3\n');
		expect((await need().node('a1').readFile('/etc/mesos/zk'))).toBe('zk://10.77.0.11:2181,10.77.0.12:2181,10.77.0.13:2181,10.77.0.14:2181,10.77.0.15:2181/mesos\n');

		const started = Date.now();
		await Promise.all(masters.map(async master => service(master, 'zookeeper', 'start')));
		const modes = await waitFor('one ZooKeeper leader and four followers', async () => formedEnsemble(need().control, masters), 2 * minute);
		figures['ZooKeeper ensemble of 5 formed (s)'] = seconds(started);
		expect(Object.values(modes).filter(mode => mode === 'follower')).toHaveLength(4);
		const view = await startMesos();
		figures['5 masters: leader elected, agents registered (s)'] = seconds(started);
		expect(view.elected).toHaveLength(1);
		expect(new Set(Object.values(view.leaderByMaster)).size).toBe(1);
		const flags = (await controlJson<{flags: Record<string, string>}>(need().control, `http://${need().node(view.elected[0] ?? '').address}:5050/master/state`))?.flags;
		expect(flags?.quorum).toBe('3');
		const marathons = await waitFor('five Marathons naming one leader', async () => {
			const leaders = Object.values(await marathonLeaders(need().control, masters));
			return new Set(leaders).size === 1 && leaders[0] !== undefined ? leaders : undefined;
		});
		expect(marathons).toHaveLength(5);
	}, 5 * minute);

	it('stops leaving no namespace, mount, cgroup or process behind, and the host\'s /tmp intact', async () => {
		const report = await need().stop();
		lab = undefined;
		expect(report.killedPids).toEqual([]);
		expect(await labLeftovers()).toEqual(nothingLeft);
		for (const canary of canaries) expect(readFileSync(canary, 'utf8')).toContain('must survive');
	}, 2 * minute);

	it('sweeps what a killed run left: its machines, namespaces and work directory go at the next start', async () => {
		const main = fileURLToPath(new URL('start-nodes-main.ts', import.meta.url));
		const child = spawn(process.execPath, ['--import', 'tsx', main, 'k1=10.77.0.31', 'k2=10.77.0.32:systemd'], {stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		const exited = new Promise(resolve => child.once('exit', resolve));
		// It waits for the machine lock like any lab (another engineer's lab may take it between two of ours).
		await waitFor('the other run to start its lab', () => output.includes('Ctrl-C stops it') || undefined, lockWait + 2 * minute)
			.catch((error: unknown) => {
				child.kill('SIGKILL');
				throw new Error(`${String(error)}\n${output}`);
			});
		child.kill('SIGKILL');
		await exited;
		expect(await labNamespaces()).toEqual(expect.arrayContaining(['mslab-k1', 'mslab-k2', 'mslab-switch']));
		expect((await labLeftovers()).processes.length).toBeGreaterThan(0);

		lab = await startNodes([]);
		expect((await labNamespaces()).sort()).toEqual(['mslab-control', 'mslab-switch']);
		const report = await lab.stop();
		lab = undefined;
		expect(report.killedPids).toEqual([]);
		expect(await labLeftovers()).toEqual(nothingLeft);
	}, 2 * lockWait + 4 * minute);
});
