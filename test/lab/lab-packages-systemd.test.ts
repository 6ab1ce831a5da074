// Proves the lab's packages under systemd, by hand and without mesos-setup: on a lab node whose PID 1
// is systemd, each variant's units start, restart and refuse through the wrapper, `systemctl show`
// tells their state and the journal holds their output.
import {afterAll, beforeAll, expect, it} from 'vitest';
import {describeLab} from './require-lab.js';
import {waitFor} from './wait-for.js';
import {agentFiles, configureMaster, installMesosphere, writeFiles} from './nodes/cluster-by-hand.js';
import {controlJson, registeredCluster} from './nodes/cluster-probes.js';
import {startNodes, type LabNode, type LabNodes} from './nodes/lab-nodes.js';
import type {PackageVariant} from './lab-packages.js';

const minute = 60_000;
// startNodes waits up to 15 minutes for the machine lock while another lab owns the machine.
const lockWait = 15 * minute;

type UnitState = {ActiveState: string; SubState: string; MainPID: string; ExecMainStatus: string};

async function unitState(node: LabNode, unit: string): Promise<UnitState> {
	const {stdout} = await node.run(['systemctl', 'show', unit, '-p', 'ActiveState', '-p', 'SubState', '-p', 'MainPID', '-p', 'ExecMainStatus']);
	return Object.fromEntries(stdout.split('\n').map(line => line.split('=', 2) as [string, string])) as UnitState;
}

/** The unit's output in the journal (journald keeps it in the node's private /run). */
const journal = async (node: LabNode, unit: string) => (await node.run(['journalctl', '-u', unit, '--no-pager', '-o', 'cat'])).stdout;

/** The last command line a stand-in logged to the journal. */
async function loggedCommandLine(node: LabNode, unit: string): Promise<string[] | undefined> {
	const lines = (await journal(node, unit)).split('\n').filter(line => line.includes('Command line: '));
	const last = lines.at(-1);
	return last ? JSON.parse(last.slice(last.indexOf('Command line: ') + 'Command line: '.length)) as string[] : undefined;
}

/**
 * The daemon behind a running unit: MainPID, once the wrapper has exec'd the stand-in for that daemon
 * (the PID stays the same from the wrapper's bash to the daemon).
 */
async function mainProcess(node: LabNode, unit: string, daemon: string): Promise<string> {
	return waitFor(`${unit} active, its MainPID the ${daemon} stand-in`, async () => {
		const state = await unitState(node, unit);
		if (state.ActiveState !== 'active' || state.MainPID === '0') return undefined;
		const argv = (await node.run(['cat', `/proc/${state.MainPID}/cmdline`], {reject: false})).stdout.split('\0');
		return /\/usr\/lib\/mesosphere-lab\/\w+\/standin\.mjs$/.test(argv[1] ?? '') && argv[2] === daemon ? state.MainPID : undefined;
	}, minute);
}

function describeSystemdNode(variant: PackageVariant, address: string, configure: (lab: LabNodes, node: LabNode) => Promise<void>, agentDaemon: string) {
	describeLab(`the lab's ${variant} packages under systemd, by hand`, () => {
		let lab: LabNodes | undefined;
		const need = () => {
			if (!lab) throw new Error('the lab did not start');
			return lab;
		};
		const node = () => need().node('s1');

		beforeAll(async () => {
			lab = await startNodes([{name: 's1', address, init: 'systemd'}], {packages: variant});
		}, lockWait + 5 * minute);

		afterAll(async () => {
			await lab?.stop();
		}, 2 * minute);

		// Waits for the master elected with this node's agent active; a timeout shows each daemon's journal.
		const clusterWithJournals = async (what: string, self: {name: string; address: string}) =>
			waitFor(what, () => registeredCluster(need().control, [self], [self]), 2 * minute)
				.catch(async (error: unknown) => {
					const tails = await Promise.all(['zookeeper', 'mesos-master', 'mesos-slave'].map(async unit =>
						`--- ${unit}\n${(await journal(node(), unit)).split('\n').slice(-15).join('\n')}`));
					throw new Error(`${String(error)}\n${tails.join('\n')}`);
				});

		it('installs the packages with apt; their own units are loaded, enabled and inactive', async () => {
			await installMesosphere(need(), node());
			for (const unit of ['mesos-master', 'mesos-slave', 'marathon', 'chronos']) {
				const {stdout} = await node().run(['systemctl', 'show', unit, '-p', 'FragmentPath', '-p', 'UnitFileState', '-p', 'ActiveState']);
				expect(stdout.split('\n').sort(), unit).toEqual(['ActiveState=inactive', `FragmentPath=/lib/systemd/system/${unit}.service`, 'UnitFileState=enabled']);
			}
		}, 5 * minute);

		it('starts ZooKeeper, the master, the agent and Marathon with systemctl: active, running, MainPID the daemon, healthy', async () => {
			await configure(need(), node());
			await node().run(['systemctl', 'start', 'zookeeper', 'mesos-master', 'mesos-slave', 'marathon'], {timeout: 2 * minute});
			await mainProcess(node(), 'mesos-master', 'mesos-master');
			await mainProcess(node(), 'mesos-slave', agentDaemon);
			await mainProcess(node(), 'marathon', 'marathon');
			const self = {name: 's1', address};
			await clusterWithJournals('the master elected with the agent active', self);
			const info = await waitFor('Marathon /v2/info', () => controlJson<{version: string}>(need().control, `http://${address}:8080/v2/info`));
			expect(info.version).toBe(need().packages.debs.find(deb => deb.name === 'marathon')?.version.replace(/-lab1$/, ''));
			expect(await unitState(node(), 'mesos-slave')).toMatchObject({ActiveState: 'active', SubState: 'running', ExecMainStatus: '0'});
		}, 4 * minute);

		it('logs to the journal: the wrapper\'s command line and the daemon\'s own lines', async () => {
			const output = await journal(node(), 'mesos-slave');
			expect(output).toContain(`Started mesos-slave.service`);
			expect(output).toContain(`Starting ${agentDaemon} (mesos-setup lab stand-in`);
			expect(await loggedCommandLine(node(), 'mesos-slave')).toEqual(expect.arrayContaining([`--ip=${address}`, `--hostname=${address}`]));
		});

		it('restarts through systemctl: a new MainPID, the agent back with the master', async () => {
			const before = await mainProcess(node(), 'mesos-slave', agentDaemon);
			await node().run(['systemctl', 'restart', 'mesos-slave'], {timeout: minute});
			const after = await mainProcess(node(), 'mesos-slave', agentDaemon);
			expect(after).not.toBe(before);
			const self = {name: 's1', address};
			await clusterWithJournals('the agent active again', self);
		}, 3 * minute);

		it('shows a daemon that refuses its configuration as auto-restart with exit status 1, the refusal in the journal', async () => {
			const file = `${need().packages.layout.agent}/executor_registration_timeout`;
			await node().writeFile(file, '5m\n');
			await node().run(['systemctl', 'restart', 'mesos-slave'], {timeout: minute});
			const state = await waitFor('mesos-slave waiting to restart', async () => {
				const current = await unitState(node(), 'mesos-slave');
				return current.SubState === 'auto-restart' ? current : undefined;
			}, minute);
			expect(state).toEqual({ActiveState: 'activating', SubState: 'auto-restart', MainPID: '0', ExecMainStatus: '1'});
			expect(await journal(node(), 'mesos-slave')).toContain(`refusing to start: ${file} holds '5m'`);
			await node().writeFile(file, '5mins\n');
			await node().run(['systemctl', 'restart', 'mesos-slave'], {timeout: minute});
			await mainProcess(node(), 'mesos-slave', agentDaemon);
		}, 3 * minute);

		it('takes "don\'t start at boot" as systemctl disable, and stops with systemctl stop', async () => {
			await node().run(['systemctl', 'disable', 'mesos-master', 'mesos-slave', 'marathon', 'chronos']);
			for (const unit of ['mesos-master', 'mesos-slave', 'marathon', 'chronos']) {
				expect((await node().run(['systemctl', 'is-enabled', unit], {reject: false})).stdout, unit).toBe('disabled');
			}
			await node().run(['systemctl', 'stop', 'marathon', 'mesos-slave', 'mesos-master', 'zookeeper'], {timeout: 2 * minute});
			expect(await unitState(node(), 'mesos-master')).toMatchObject({ActiveState: 'inactive', MainPID: '0'});
		}, 3 * minute);
	});
}

describeSystemdNode('mesosphere', '10.77.0.41', async (lab, node) => {
	const self = {address: '10.77.0.41'};
	await configureMaster(node, [self], 0);
	await writeFiles(node, agentFiles([self], self));
}, 'mesos-slave');

describeSystemdNode('mesos-packaging', '10.77.0.42', async (lab, node) => {
	const self = {address: '10.77.0.42'};
	await configureMaster(node, [self], 0);
	// The agent layout: the agent's files under /etc/mesos-agent, MASTER in /etc/default/mesos-agent,
	// and Marathon 1.5+'s options in /etc/default/marathon.
	for (const [file, content] of Object.entries(agentFiles([self], self))) {
		await node.writeFile(file.replace('/etc/mesos-slave/', '/etc/mesos-agent/').replace('/etc/default/mesos-slave', '/etc/default/mesos-agent'), content);
	}
	await node.writeFile('/etc/mesos-agent/work_dir', '/var/lib/mesos\n');
	await node.writeFile('/etc/default/marathon', [
		`MARATHON_MASTER=zk://${self.address}:2181/mesos`, `MARATHON_ZK=zk://${self.address}:2181/marathon`, `MARATHON_HOSTNAME=${self.address}`, '',
	].join('\n'));
	await node.run(['rm', '-rf', '/etc/marathon']);
}, 'mesos-agent');
