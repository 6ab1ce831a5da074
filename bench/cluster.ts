// Several machines: `cluster setup` of 5 nodes against 1 node, and `cluster status --once` of 5
// against 1, in the lab of several machines on this one (test/lab/nodes: namespaces, sshd, the
// lab's signed repository), run on its control machine; the lab takes the machine-wide lab lock.
// Measured only where it can be: the built CLI has the cluster commands and the lab can run (root,
// Debian with apt, network namespaces); otherwise the figure says why it was not measured, and no
// number is printed.
// Run on its own (as root): npm run build && node --import tsx bench/cluster.ts
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import type {LabNodes} from '../test/lab/nodes/lab-nodes.js';
import {setUpByHand} from './cluster-by-hand.js';
import {type Figure, median, meets, notMeasured, ratioLine} from './figures.js';
import {cores, traceLabCpu} from './lab-cpu.js';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

// Why the cluster figures cannot be measured here, or undefined when they can.
async function unavailable(): Promise<string | undefined> {
	// --help is made from the command line's table (source/cli/command-line.ts), so it lists the
	// cluster commands once they exist.
	const help = spawnSync(process.execPath, [cli, '--help'], {encoding: 'utf8', env: {...process.env, CI: 'true'}});
	if (help.status !== 0) return `mesos-setup --help exited ${help.status}`;
	if (!/\bcluster setup\b/.test(help.stdout)) return 'this build has no `mesos-setup cluster` command (its --help lists no `cluster setup`; the cluster commands are not on this branch yet)';
	// What test/lab/require-lab.ts asks (that file is for vitest; this one runs outside it).
	if (process.getuid?.() !== 0) return 'the lab needs root (it installs packages and writes /etc)';
	if (!existsSync('/usr/bin/apt-get') || !existsSync('/usr/sbin/service')) return 'the lab needs apt-get and service';
	const netns = spawnSync('ip', ['netns', 'list'], {encoding: 'utf8'});
	if (netns.status !== 0) return `the lab of several machines needs network namespaces (ip netns list: ${netns.error?.message ?? netns.stderr.trim()})`;
	return undefined;
}

type Machine = {name: string; address: string};

// A cluster file in the format `cluster setup` reads (model/cluster-file.ts), pointed at the lab's
// own signed repository and key server, its nodes reached as the lab's admin user (sudo -n), as
// test/lab/nodes/cluster-setup.e2e.test.ts writes it.
function clusterFile(lab: Pick<LabNodes, 'repoUrl' | 'keyserver' | 'fingerprint'>, masters: Machine[], agents: Machine[], user: string): string {
	const entries = (machines: Machine[], role?: string) => machines.map(machine => `  - {name: ${machine.name}, address: ${machine.address}${role ? `, role: ${role}` : ''}}\n`).join('');
	return `masters:\n${entries(masters, agents.length === 0 ? 'master+agent' : undefined)}${agents.length > 0 ? `agents:\n${entries(agents)}` : ''}ssh: {user: ${user}}
settings: {repo.url: "${lab.repoUrl}", repo.keyserver: "${lab.keyserver}", repo.key: "${lab.fingerprint}"}
`;
}

// A stage's wall time, the CPU seconds the cluster's machines and the control machine spent in it
// (the busiest node's alone), and what this whole machine spent, whoever for (lab-cpu.ts).
type StageTime = {seconds: number; cpu: number; busiest: number; machine: number};
// `processes`: how many each node started during the setup, by name (its PID namespace's last PID).
type Timed = {setupMs: number; statusMs: number; stages: Map<string, StageTime>; processes: Map<string, number>};

// One node that is master and agent; five as a cluster is built (the article's three masters for
// a quorum, and two agents). Both in one lab (one start of its repository and machines), the single
// node first and its services stopped before the five start, so neither run pays for the other.
const one: {masters: Machine[]; agents: Machine[]} = {masters: [{name: 's1', address: '10.77.0.31'}], agents: []};
const five: {masters: Machine[]; agents: Machine[]} = {
	masters: [
		{name: 'm1', address: '10.77.0.11'},
		{name: 'm2', address: '10.77.0.12'},
		{name: 'm3', address: '10.77.0.13'},
	],
	agents: [
		{name: 'a1', address: '10.77.0.21'},
		{name: 'a2', address: '10.77.0.22'},
	],
};
// Five nodes with one master: no quorum to form, so only how the stages run the nodes side by side
// differs from one node (printed beside the figure, not judged).
const wide: {masters: Machine[]; agents: Machine[]} = {
	masters: [{name: 'w1', address: '10.77.0.41'}],
	agents: ['w2', 'w3', 'w4', 'w5'].map((name, i) => ({name, address: `10.77.0.${42 + i}`})),
};
// The same two clusters on nodes of their own, set up by hand (cluster-by-hand.ts): the floor.
const handOne: {masters: Machine[]; agents: Machine[]} = {masters: [{name: 'h1', address: '10.77.0.51'}], agents: []};
const handFive: {masters: Machine[]; agents: Machine[]} = {
	masters: ['hm1', 'hm2', 'hm3'].map((name, i) => ({name, address: `10.77.0.${61 + i}`})),
	agents: ['ha1', 'ha2'].map((name, i) => ({name, address: `10.77.0.${71 + i}`})),
};
// A node of its own whose install, unmeasured, comes first: every measured run then finds the lab's
// caches (the repository's files, the host's page cache under every node's overlay) as warm.
const warmUp: Machine = {name: 'warm', address: '10.77.0.81'};
const statusRounds = 5;

// Seconds from each stage's heading ("==== Preflight on every node: …") to the next line of
// output after its last one, by the stamps setupByStage puts before each line; first, what came
// before the first heading, from the command's start (`startedAt`, seconds since the epoch).
export const beforeStages = 'Before the first stage (SSH, detection on each node, run locks, target checks)';

export type StageWindow = {title: string; from: number; to: number};

export function stageWindows(stamped: string, startedAt: number): StageWindow[] {
	const windows: StageWindow[] = [];
	let current: {title: string; at: number} = {title: beforeStages, at: startedAt};
	let last = 0;
	for (const line of stamped.split('\n')) {
		const match = /^(\d+\.\d+) (.*)$/.exec(line);
		if (!match) continue;
		const at = Number(match[1]);
		const heading = /^==== ([^:]+)/.exec(match[2] ?? '');
		if (heading && !(match[2] ?? '').endsWith(' failed')) {
			windows.push({title: current.title, from: current.at, to: at});
			current = {title: heading[1] ?? '', at};
		}
		last = at;
	}
	windows.push({title: current.title, from: current.at, to: last});
	return windows;
}

type Hand = {oneMs: number; fiveMs: number};

async function timeClusters(): Promise<{one: Timed; five: Timed; wide: Timed; hand: Hand; startMs: number}> {
	const {startNodes, adminUser} = await import('../test/lab/nodes/lab-nodes.js');
	const {mesosSetupOnControl} = await import('../test/lab/nodes/control-cli.js');
	const {cliPath} = await import('../test/lab/mesos-setup-cli.js');
	const {installMesosphere} = await import('../test/lab/nodes/cluster-by-hand.js');
	const lab = await startNodes([...[one, five, wide, handOne, handFive].flatMap(cluster => [...cluster.masters, ...cluster.agents]), warmUp]);
	try {
		const timeCluster = async (cluster: typeof one, file: string): Promise<Timed> => {
			await lab.control.writeFile(file, clusterFile(lab, cluster.masters, cluster.agents, adminUser));
			const timed = async (args: string[]): Promise<number> => {
				const began = performance.now();
				const run = await mesosSetupOnControl(lab, [...args.slice(0, 2), file, ...args.slice(2)], 15 * 60_000);
				if (run.exitCode !== 0) throw new Error(`mesos-setup ${args.join(' ')} on ${file} exited ${run.exitCode}: ${run.all.trim().split('\n').slice(-3).join(' / ')}`);
				return performance.now() - began;
			};
			const setup = await setupByStage(cluster, file);
			// Status is a fraction of a second: the median of several looks.
			const looks: number[] = [];
			for (let round = 0; round < statusRounds; round++) looks.push(await timed(['cluster', 'status', '--once']));
			return {...setup, statusMs: median(looks)};
		};
		// cluster setup --yes as mesosSetupOnControl runs it, each line of its output stamped as it
		// comes (bash's own clock, no process a line), so each stage's time shows where 5 nodes cost more.
		const setupByStage = async (cluster: typeof one, file: string): Promise<Omit<Timed, 'statusMs'>> => {
			const names = [...cluster.masters, ...cluster.agents].map(machine => machine.name);
			// Each node has a PID namespace of its own: PIDs are handed out in order there, so the
			// last one given counts the processes started (the reading's own cat is one of them).
			const lastPids = async () => Promise.all(names.map(async name => Number((await lab.node(name).run(['cat', '/proc/sys/kernel/ns_last_pid'])).stdout.trim())));
			const pidsBefore = await lastPids();
			const trace = traceLabCpu();
			const began = performance.now();
			const startedAt = Date.now() / 1000;
			const stamp = 'cd /root && "$0" "$@" 2>&1 | while IFS= read -r line; do printf "%s %s\\n" "$EPOCHREALTIME" "$line"; done; exit "${PIPESTATUS[0]}"';
			const run = await lab.control.run(['bash', '-c', stamp, process.execPath, cliPath, 'cluster', 'setup', file, '--yes'], {reject: false, timeout: 15 * 60_000, env: {CI: 'false', NO_COLOR: '1'}}).finally(() => trace.stop());
			const cpu = trace.stop();
			const setupMs = performance.now() - began;
			if (run.exitCode !== 0) throw new Error(`mesos-setup cluster setup ${file} --yes exited ${run.exitCode}: ${run.stdout.trim().split('\n').slice(-3).join(' / ')}`);
			const processes = new Map((await lastPids()).map((last, i) => [names[i] as string, last - (pidsBefore[i] ?? 0) - 1]));
			// MESOS_SETUP_BENCH_LOGS=DIR keeps each setup's stamped output there, to see what a stage waited on.
			const logs = process.env.MESOS_SETUP_BENCH_LOGS;
			if (logs) await writeFile(path.join(logs, `${path.basename(file, '.yaml')}-setup.log`), run.stdout);
			const stages = stageWindows(run.stdout, startedAt).map(({title, from, to}): [string, StageTime] => {
				const perNode = names.map(name => cpu.between(name, from, to));
				const cpuSeconds = perNode.reduce((sum, seconds) => sum + seconds, cpu.between('control', from, to));
				return [title, {seconds: to - from, cpu: cpuSeconds, busiest: Math.max(...perNode), machine: cpu.between('machine', from, to)}];
			});
			return {setupMs, stages: new Map(stages), processes};
		};
		// What a status look costs before it asks anything: the CLI starting on the control machine.
		const starts: number[] = [];
		for (let round = 0; round < statusRounds; round++) {
			const began = performance.now();
			await mesosSetupOnControl(lab, ['--version']);
			starts.push(performance.now() - began);
		}
		// Each cluster's services stopped once it is measured, so the next one runs beside none.
		const stopped = async <T>(cluster: typeof one, timed: T): Promise<T> => {
			for (const machine of [...cluster.masters, ...cluster.agents]) {
				for (const service of ['marathon', 'mesos-slave', 'mesos-master', 'zookeeper']) await lab.node(machine.name).run(['service', service, 'stop'], {reject: false, timeout: 60_000});
			}
			return timed;
		};
		await installMesosphere(lab, lab.node(warmUp.name));
		// Each by-hand run beside the run of mesos-setup it is compared with: one node by hand after
		// cluster setup's, five by hand before.
		const single = await stopped(one, await timeCluster(one, '/root/one.yaml'));
		const handOneMs = await stopped(handOne, await setUpByHand(lab, handOne));
		const hand = {oneMs: handOneMs, fiveMs: await stopped(handFive, await setUpByHand(lab, handFive))};
		const five5 = await stopped(five, await timeCluster(five, '/root/five.yaml'));
		const wide5 = await stopped(wide, await timeCluster(wide, '/root/wide.yaml'));
		return {one: single, five: five5, wide: wide5, hand, startMs: median(starts)};
	} finally {
		await lab.stop();
	}
}

const stageLine = (stage: StageTime, nodes: string): string =>
	`${stage.seconds.toFixed(1)} s with ${nodes} (CPU ${stage.cpu.toFixed(1)} s, busiest node ${stage.busiest.toFixed(1)} s, cores ${stage.seconds > 0 ? Math.round((100 * stage.machine) / (stage.seconds * cores())) : 0}% busy)`;

export async function benchCluster(options: {target?: number} = {}): Promise<Figure> {
	const target = options.target ?? 1.5;
	const reason = await unavailable();
	if (reason) return notMeasured('cluster setup and status, 5 nodes against 1', reason);
	let times: Awaited<ReturnType<typeof timeClusters>>;
	try {
		times = await timeClusters();
	} catch (error) {
		return notMeasured('cluster setup and status, 5 nodes against 1', (error as Error).message);
	}
	const setupRatio = times.five.setupMs / times.one.setupMs;
	const statusRatio = times.five.statusMs / times.one.statusMs;
	return {
		name: 'cluster',
		ratio: Math.max(setupRatio, statusRatio),
		target,
		pass: meets(setupRatio, target, false) && meets(statusRatio, target, false),
		lines: [
			...[...times.five.stages].map(([stage, five]) => `  ${stage}: ${stageLine(five, '5 nodes')}; ${times.one.stages.has(stage) ? stageLine(times.one.stages.get(stage) as StageTime, '1') : 'none with 1'}`),
			`  processes started on each node during cluster setup (apt, dpkg and the services' own too): ${[...times.five.processes].map(([name, count]) => `${name} ${count}`).join(', ')}; 1 node: ${[...times.one.processes].map(([name, count]) => `${name} ${count}`).join(', ')}`,
			`  CPU: seconds of CPU the nodes and the control machine spent (the busiest node's), and how busy this machine's ${cores()} cores were, for everything running on it`,
			ratioLine(`cluster setup --yes, 5 nodes (3 masters, 2 agents): ${(times.five.setupMs / 1000).toFixed(1)} s against 1 node's (master and agent) ${(times.one.setupMs / 1000).toFixed(1)} s`, setupRatio, target, false),
			`  by hand, the floor (cluster-by-hand.ts: the article's commands run in each node, no mesos-setup, no SSH): 5 nodes ${(times.hand.fiveMs / 1000).toFixed(1)} s against 1 node's ${(times.hand.oneMs / 1000).toFixed(1)} s, ratio ${(times.hand.fiveMs / times.hand.oneMs).toFixed(2)} on this machine's ${cores()} cores; cluster setup took ${(times.one.setupMs / times.hand.oneMs).toFixed(2)}× that with 1 node and ${(times.five.setupMs / times.hand.fiveMs).toFixed(2)}× with 5`,
			`  5 nodes with one master (4 agents, no quorum to form): cluster setup ${(times.wide.setupMs / 1000).toFixed(1)} s (${(times.wide.setupMs / times.one.setupMs).toFixed(2)}× 1 node), status ${times.wide.statusMs.toFixed(0)} ms`,
			ratioLine(`cluster status --once, 5 nodes: ${times.five.statusMs.toFixed(0)} ms against 1 node's ${times.one.statusMs.toFixed(0)} ms (median of ${statusRounds}; the CLI's own start there, --version, ${times.startMs.toFixed(0)} ms)`, statusRatio, target, false),
		],
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchCluster();
	for (const line of result.lines) process.stdout.write(`${line}\n`);
}
