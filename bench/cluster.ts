// Several machines: `cluster setup` of 5 nodes against 1 node, and `cluster status --once` of 5
// against 1, each in the lab of several machines on this one (test/lab/nodes: namespaces, sshd),
// run on its control machine. Measured only where it can be: the built CLI has the cluster
// commands and the lab can run (root, Debian with apt, network namespaces); otherwise the figure
// says why it was not measured, and no number is printed.
// Run on its own (as root): npm run build && node --import tsx bench/cluster.ts
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {type Figure, meets, notMeasured, ratioLine} from './figures.js';

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

// The cluster file of the design (shared/design.md, "Several machines"): masters and agents by name
// and address. The first node is the master (and an agent); the others are agents.
function clusterFile(nodes: {name: string; address: string}[]): string {
	const [master, ...agents] = nodes;
	if (!master) throw new Error('a cluster needs a node');
	const lines = ['masters:', `  - name: ${master.name}`, `    address: ${master.address}`, '    role: master+agent'];
	if (agents.length > 0) lines.push('agents:', ...agents.flatMap(agent => [`  - name: ${agent.name}`, `    address: ${agent.address}`]));
	return `${lines.join('\n')}\n`;
}

type Timed = {setupMs: number; statusMs: number};

async function timeCluster(size: number): Promise<Timed> {
	const {startNodes} = await import('../test/lab/nodes/lab-nodes.js');
	const {mesosSetupOnControl} = await import('../test/lab/nodes/control-cli.js');
	const specs = Array.from({length: size}, (_, i) => ({name: `n${i + 1}`, address: `10.77.0.${11 + i}`}));
	const lab = await startNodes(specs);
	try {
		const file = '/root/cluster.yaml';
		await lab.control.writeFile(file, clusterFile(specs));
		const timed = async (args: string[]): Promise<number> => {
			const began = performance.now();
			const run = await mesosSetupOnControl(lab, args);
			if (run.exitCode !== 0) throw new Error(`mesos-setup ${args.join(' ')} on ${size} node(s) exited ${run.exitCode}: ${run.all.trim().split('\n').slice(-3).join(' / ')}`);
			return performance.now() - began;
		};
		const setupMs = await timed(['cluster', 'setup', file, '--yes']);
		const statusMs = await timed(['cluster', 'status', file, '--once']);
		return {setupMs, statusMs};
	} finally {
		await lab.stop();
	}
}

export async function benchCluster(options: {target?: number} = {}): Promise<Figure> {
	const target = options.target ?? 1.5;
	const reason = await unavailable();
	if (reason) return notMeasured('cluster setup and status, 5 nodes against 1', reason);
	let one: Timed;
	let five: Timed;
	try {
		one = await timeCluster(1);
		five = await timeCluster(5);
	} catch (error) {
		return notMeasured('cluster setup and status, 5 nodes against 1', (error as Error).message);
	}
	const setupRatio = five.setupMs / one.setupMs;
	const statusRatio = five.statusMs / one.statusMs;
	return {
		name: 'cluster',
		ratio: Math.max(setupRatio, statusRatio),
		target,
		pass: meets(setupRatio, target, false) && meets(statusRatio, target, false),
		lines: [
			ratioLine(`cluster setup, 5 nodes: ${(five.setupMs / 1000).toFixed(1)} s against 1 node's ${(one.setupMs / 1000).toFixed(1)} s`, setupRatio, target, false),
			ratioLine(`cluster status --once, 5 nodes: ${five.statusMs.toFixed(0)} ms against 1 node's ${one.statusMs.toFixed(0)} ms`, statusRatio, target, false),
		],
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchCluster();
	for (const line of result.lines) process.stdout.write(`${line}\n`);
}
