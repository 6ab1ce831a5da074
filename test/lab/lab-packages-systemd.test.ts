// Proves the lab's packages under systemd, by hand: on a lab node whose PID 1 is systemd, each
// variant's units start, restart and refuse through the wrapper, `systemctl show` tells their state
// and the journal holds their output. Then mesos-setup itself (the built CLI, run inside a node):
// status and edit on the node set up by hand follow the layout its packages read, and the whole
// `setup --yes` on a fresh systemd node: from the article's source for the article's packages, from
// an apt source for mesos-packaging's (no metapackage), whose agent layout and
// /etc/default/marathon the running daemons are checked to read.
import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {describeLab} from './require-lab.js';
import {waitFor} from '../helpers/wait-for.js';
import {agentFiles, configureMaster, installMesosphere, writeFiles} from './nodes/cluster-by-hand.js';
import {controlJson, registeredCluster} from './nodes/cluster-probes.js';
import {startNodes, type LabNode, type LabNodes} from './nodes/lab-nodes.js';
import type {PackageVariant} from './lab-packages.js';
import {cliPath, labSettings, requireBuiltCli, settingArgs} from './mesos-setup-cli.js';

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

type StatusJson = {healthy: boolean; services: {name: string; state: string; pid: number | null; init: string; healthy: boolean; log: {file: string | null; lines: string[]}}[]};

// Where the built CLI is copied on a node: the checkout may be under /tmp, which a systemd node
// has of its own (private), so the host's path to dist/cli.js is not there. .mjs: the bundle is an
// ES module and the node's copy has no package.json beside it to say so.
const cliOnNode = '/usr/local/lib/mesos-setup-lab/cli.mjs';
const cliCopied = new WeakSet<LabNode>();

/** The built CLI run inside a node (its own /etc, systemd and network), without a terminal. */
async function mesosSetupIn(node: LabNode, args: string[], timeout = 10 * minute) {
	requireBuiltCli();
	if (!cliCopied.has(node)) {
		await node.writeFile(cliOnNode, readFileSync(cliPath, 'utf8'), 0o755);
		cliCopied.add(node);
	}
	return node.run(['env', '--chdir=/root', process.execPath, cliOnNode, ...args], {reject: false, timeout, env: {CI: 'false', NO_COLOR: '1'}});
}

/**
 * `status --json` on the node once `services` (all by default) are healthy; a timeout shows the last
 * answer. (On the node set up by hand the master listens on the node's address only, where status,
 * which probes a one-machine setup's master on 127.0.0.1, does not look.)
 */
async function healthyStatus(node: LabNode, services?: string[]): Promise<StatusJson> {
	let last = '';
	return waitFor(`status --json: ${services?.join(', ') ?? 'every service'} healthy`, async () => {
		const run = await mesosSetupIn(node, ['status', '--json'], minute);
		last = `${run.stdout}\n${run.stderr}`;
		const status = JSON.parse(run.stdout) as StatusJson;
		const healthy = services ? services.every(name => status.services.find(service => service.name === name)?.healthy) : run.exitCode === 0 && status.healthy;
		return healthy ? status : undefined;
	}, 2 * minute).catch((error: unknown) => {
		throw new Error(`${String(error)}\n${last}`);
	});
}

/** What status says of a unit: running, MainPID the init system's, the journal's lines. */
async function expectRunningFromJournal(node: LabNode, status: StatusJson, unit: string, daemon: string) {
	const service = status.services.find(candidate => candidate.name === unit);
	expect(service, unit).toMatchObject({state: 'running', healthy: true, init: 'active/running'});
	expect(String(service?.pid)).toBe((await unitState(node, unit)).MainPID);
	expect(service?.log.file).toMatch(new RegExp(`^journalctl --quiet -u ${unit}\\.service -n \\d+ --no-pager -o cat$`));
	expect(service?.log.lines.join('\n'), unit).toMatch(new RegExp(`${daemon}|Command line|registered|leader|elected`, 'i'));
}

/**
 * The fresh node `setup --yes` sets up: the settings that point it at the lab's packages, the units
 * the plan keeps off at boot, and what the variant's layout must show on the node afterwards.
 */
type FreshNode = {
	name: string;
	address: string;
	settings: (lab: LabNodes) => string[];
	units: string[];
	// The folders the agent's and Marathon's files go to, named by the summary before the install.
	layout: {agent: string; marathon: string};
	expectLayout?: (node: LabNode) => Promise<void>;
};

/**
 * What `setup --yes` printed before the first change (its summary) names every configuration file
 * it then wrote (`wrote` or `unchanged` under its steps), in the variant's layout, and it never had
 * to say that the installed packages read elsewhere.
 */
function expectSummaryNamedWhatWasWritten(stdout: string, layout: FreshNode['layout']): void {
	const [summary = '', ...steps] = stdout.split(/^== /m);
	const configuration = (file: string) => /^\/etc\/(mesos|mesos-master|mesos-slave|mesos-agent|marathon|zookeeper|default)\b/.test(file);
	const shown = [...summary.matchAll(/^\s+write\s+(\/\S+)/gm)].map(match => match[1] ?? '').filter(configuration);
	const written = [...steps.join('').matchAll(/^(?:wrote|unchanged)\s+(\/\S+)/gm)].map(match => match[1] ?? '').filter(configuration);
	expect(written.length, stdout).toBeGreaterThan(0);
	expect([...written].sort(), 'the files written are the files the summary named').toEqual([...shown].sort());
	expect(shown.some(file => file.startsWith(`${layout.agent}/`)), `the summary names ${layout.agent}`).toBe(true);
	expect(shown.some(file => file.startsWith(layout.marathon)), `the summary names ${layout.marathon}`).toBe(true);
	expect(stdout).not.toContain('not what the summary showed');
}

function describeSystemdNode(variant: PackageVariant, address: string, configure: (lab: LabNodes, node: LabNode) => Promise<void>, agentDaemon: string, fresh?: FreshNode) {
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

		it('mesos-setup status reads systemctl show and the journal, and edit writes where the installed wrapper reads and restarts through systemctl', async () => {
			const status = await healthyStatus(node(), ['zookeeper', 'mesos-slave', 'marathon']);
			await expectRunningFromJournal(node(), status, 'mesos-slave', agentDaemon);
			await expectRunningFromJournal(node(), status, 'marathon', 'marathon');
			// ZooKeeper runs from Debian's sysv script: its log is its file, not the journal.
			expect(status.services.find(service => service.name === 'zookeeper')?.log.file ?? '').not.toMatch(/^journalctl/);
			const before = await mainProcess(node(), 'mesos-slave', agentDaemon);
			const edit = await mesosSetupIn(node(), ['edit', 'slave.executor_registration_timeout', '7mins', '--yes'], 3 * minute);
			expect(edit.exitCode, `${edit.stdout}\n${edit.stderr}`).toBe(0);
			expect(edit.stdout).toContain('Restarted: mesos-slave.');
			expect(await node().readFile(`${need().packages.layout.agent}/executor_registration_timeout`)).toBe('7mins\n');
			const after = await mainProcess(node(), 'mesos-slave', agentDaemon);
			expect(after).not.toBe(before);
			expect(await loggedCommandLine(node(), 'mesos-slave')).toEqual(expect.arrayContaining(['--executor_registration_timeout=7mins']));
			await clusterWithJournals('the agent active again after the edit', {name: 's1', address});
		}, 5 * minute);

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

		// The whole setup by mesos-setup itself on a machine whose PID 1 is systemd (s1's services are
		// stopped by now, so the two nodes do not share the machine's two cores).
		if (fresh) {
			it('sets up a fresh systemd node with setup --yes: kept off at boot by systemctl disable, started by systemctl, status from systemctl show and the journal', async () => {
				const [s2] = await need().addNodes([{...fresh, init: 'systemd'}]);
				if (!s2) throw new Error(`${fresh.name} did not start`);
				const settings = fresh.settings(need());
				const run = await mesosSetupIn(s2, ['setup', '--yes', ...settings]);
				expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
				expectSummaryNamedWhatWasWritten(run.stdout, fresh.layout);
				// The run's log names each command it ran; the plan for this machine, the service commands.
				const log = (await s2.run('cat /var/log/mesos-setup/*.log')).stdout;
				for (const unit of fresh.units) expect(log).toContain(`ran systemctl disable ${unit}`);
				const plan = await mesosSetupIn(s2, ['plan', ...settings], minute);
				for (const unit of ['zookeeper', 'mesos-master', 'mesos-slave', 'marathon']) expect(plan.stdout).toContain(`systemctl start ${unit}`);
				// The units the packages ship (ZooKeeper's is generated from Debian's sysv script).
				for (const unit of fresh.units.filter(name => name !== 'zookeeper')) {
					expect((await s2.run(['systemctl', 'is-enabled', unit], {reject: false})).stdout, unit).toBe('disabled');
				}
				const status = await healthyStatus(s2);
				await expectRunningFromJournal(s2, status, 'mesos-master', 'mesos-master');
				await expectRunningFromJournal(s2, status, 'mesos-slave', agentDaemon);
				await expectRunningFromJournal(s2, status, 'marathon', 'marathon');
				await fresh.expectLayout?.(s2);
				await s2.run(['systemctl', 'stop', 'marathon', 'mesos-slave', 'mesos-master', 'zookeeper'], {timeout: 2 * minute});
			}, 12 * minute);
		}
	});
}

/**
 * The mesos-packaging variant has no metapackage, so not the article's source: an apt source of the
 * lab's repository (its root above dists/, this machine's codename), its key from the key server, pinned.
 */
const packagingSource = (lab: LabNodes): string[] => settingArgs({
	'repo.source': 'apt', 'repo.url': `${lab.repoUrl}/${lab.distribution.distro}`, 'repo.component': 'main',
	'repo.keyserver': lab.keyserver, 'repo.fingerprint': lab.fingerprint,
});

/** The files of a folder on the node, name to content. */
async function folderFiles(node: LabNode, folder: string): Promise<Record<string, string>> {
	const names = (await node.run(['find', folder, '-maxdepth', '1', '-type', 'f', '-printf', '%f\\n'])).stdout.split('\n').filter(Boolean);
	return Object.fromEntries(await Promise.all(names.map(async name => [name, await node.readFile(`${folder}/${name}`)] as const)));
}

/**
 * What setup --yes left on a node whose packages read the agent layout and Marathon 1.5+'s defaults
 * file: the agent's files under /etc/mesos-agent and its MASTER in /etc/default/mesos-agent, which
 * the running agent's command line carries; Marathon's options only in /etc/default/marathon, which
 * the running Marathon has in its environment (its command line is empty).
 */
async function expectAgentLayout(node: LabNode): Promise<void> {
	const agent = await folderFiles(node, '/etc/mesos-agent');
	expect(Object.keys(agent).sort()).toEqual(expect.arrayContaining(['containerizers', 'executor_registration_timeout', 'hostname', 'ip', 'work_dir']));
	expect((await node.run(['ls', '/etc/mesos-slave'], {reject: false})).stdout.split('\n').filter(Boolean), 'the old layout\'s folder: only what the package ships').toEqual(['work_dir']);
	const master = /^MASTER=(.+)$/m.exec(await node.readFile('/etc/default/mesos-agent'))?.[1];
	expect(master, '/etc/default/mesos-agent').toBeDefined();
	const agentLine = await loggedCommandLine(node, 'mesos-slave');
	expect(agentLine).toEqual(expect.arrayContaining(Object.entries(agent).map(([name, content]) => `--${name}=${content.trim()}`)));
	const zk = (await node.readFile('/etc/mesos/zk')).trim();
	expect(agentLine).toContain(`--master=${master?.includes('/etc/mesos/zk') ? zk : master}`);

	const defaults = await node.readFile('/etc/default/marathon');
	const marathon = Object.fromEntries([...defaults.matchAll(/^(MARATHON_\w+)=(.*)$/gm)].map(([, key, value]) => [key, value]));
	expect(marathon).toMatchObject({MARATHON_MASTER: zk, MARATHON_ZK: `${zk.replace(/\/mesos$/, '')}/marathon`, MARATHON_HOSTNAME: expect.stringMatching(/\S/)});
	expect((await node.run(['find', '/etc/marathon', '-type', 'f'], {reject: false})).stdout, 'no /etc/marathon/conf files').toBe('');
	const pid = await mainProcess(node, 'marathon', 'marathon');
	const environment = (await node.run(['cat', `/proc/${pid}/environ`])).stdout.split('\0');
	expect(environment).toEqual(expect.arrayContaining(Object.entries(marathon).map(([key, value]) => `${key}=${value}`)));
	expect(await loggedCommandLine(node, 'marathon')).toEqual([]);
}

describeSystemdNode('mesosphere', '10.77.0.41', async (lab, node) => {
	const self = {address: '10.77.0.41'};
	await configureMaster(node, [self], 0);
	await writeFiles(node, agentFiles([self], self));
}, 'mesos-slave', {name: 's2', address: '10.77.0.43', settings: lab => labSettings(lab), units: ['chronos', 'zookeeper', 'marathon', 'mesos-master', 'mesos-slave'], layout: {agent: '/etc/mesos-slave', marathon: '/etc/marathon/conf/'}});

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
}, 'mesos-agent', {name: 's2', address: '10.77.0.44', settings: packagingSource, units: ['zookeeper', 'marathon', 'mesos-master', 'mesos-slave'], layout: {agent: '/etc/mesos-agent', marathon: '/etc/default/marathon'}, expectLayout: expectAgentLayout});
