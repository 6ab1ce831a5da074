import {mkdtemp, readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {buildAptRepository} from '../apt-repository.js';
import {installLabPrerequisites} from '../install-prerequisites.js';
import {bundleLabServers, startServerProcess, type ServerProcess} from '../lab-server-process.js';
import {acquireMachineLock} from '../machine-lock.js';
import {buildLabPackages, type PackageVariant} from '../lab-packages.js';
import type {Lab} from '../lab.js';
import {readDistribution} from '../os-release.js';
import {createSigningKey} from '../signing-key.js';
import {controlSharedPaths} from './control-cli.js';
import {startMachine, type LabMachine, type NodeInit, type RunResult} from './lab-machine.js';
import {cableMachine, controlAddress, createSwitch, machineProblem, namespaceOf, setCable} from './lab-network.js';
import {controlSsh, knownHostsLine, makeKeyPair, startSshServer} from './lab-ssh.js';
import {sweepLab, workDirPrefix, type SweepReport} from './stale-lab.js';

export {adminUser, controlSsh} from './lab-ssh.js';
export type {LabMachine, NodeInit, RunOptions, RunResult} from './lab-machine.js';

/** A node to start: its name (its hostname), its address in 10.77.0.0/24 and its init system (default sysv). */
export type NodeSpec = {name: string; address: string; init?: NodeInit};

export type LabNode = LabMachine & {
	/** The public half of its SSH host key, as the control machine's known_hosts holds it. */
	hostKey: string;
	/** The "unreachable" fault: its cable is pulled at the switch, and put back. */
	unplug(): Promise<void>;
	plug(): Promise<void>;
};

export type SshOptions = {user?: string; reject?: boolean; timeout?: number; sshOptions?: string[]};

/**
 * Several machines on one: nodes, a control machine, and the lab's repository and key server between them.
 * repoUrl and keyserver are on the control machine's address (10.77.0.1), reachable only inside the lab network.
 */
export type LabNodes = {
	/** "This machine": runs the CLI and ssh; root's ~/.ssh holds the lab's key and the nodes' host keys. */
	control: LabMachine;
	nodes: LabNode[];
	node(name: string): LabNode;
	/** Starts more nodes in the running lab (every machine's /etc/hosts and known_hosts learn them). */
	addNodes(specs: NodeSpec[]): Promise<LabNode[]>;
	/** Runs a command on a node over real SSH from the control machine (BatchMode, host key checked). */
	ssh(node: string, command: string, options?: SshOptions): Promise<RunResult>;
	/** Where startNodes spent its time (ms): waiting for the machine lock, building the repository, starting machines. */
	startup: {lockWaitMs: number; buildMs: number; machinesMs: number};
	/** Ends every machine and server by PID, deletes the namespaces and the work directory, releases the lock. */
	stop(): Promise<SweepReport>;
} & Pick<Lab, 'repoUrl' | 'keyserver' | 'fingerprint' | 'armoredKeyPath' | 'binaryKeyPath' | 'distribution' | 'packages' | 'workDir'>;

const lockTimeoutMs = 15 * 60_000;

/**
 * Builds the lab of several machines: takes the machine lock (the nodes overlay the host's /, which
 * the single-machine lab changes), sweeps what a killed run left, builds the signed repository and
 * key server and serves them on the control machine's address, then starts the nodes, each with sshd.
 */
export async function startNodes(specs: NodeSpec[], options: {packages?: PackageVariant} = {}): Promise<LabNodes> {
	const asked = Date.now();
	const releaseLock = await acquireMachineLock(lockTimeoutMs);
	const locked = Date.now();
	const machines: LabMachine[] = [];
	const servers: ServerProcess[] = [];
	const stop = async () => {
		try {
			for (const server of servers) await server.stop();
			// One machine that cannot stop cleanly must not keep the others: the sweep ends whatever is left.
			await Promise.allSettled(machines.map(async machine => machine.stop()));
			return await sweepLab();
		} finally {
			releaseLock();
		}
	};
	try {
		await installLabPrerequisites();
		await sweepLab();
		const workDir = await mkdtemp(path.join(tmpdir(), workDirPrefix));
		const distribution = await readDistribution();
		const key = await createSigningKey(workDir);
		const packages = await buildLabPackages(workDir, options.packages ?? 'mesosphere');
		const aptRoot = path.join(workDir, 'repository');
		await buildAptRepository(aptRoot, packages.debs.map(deb => deb.file), distribution, key);
		const bundle = path.join(workDir, 'lab-servers.mjs');
		await bundleLabServers(bundle);

		const built = Date.now();
		await createSwitch();
		await cableMachine('control', controlAddress);
		const control = await startMachine({name: 'control', address: controlAddress, init: 'sysv', workDir, shared: [...controlSharedPaths(), workDir]});
		machines.push(control);
		await freshRootShell(control);
		const inNetwork = {host: controlAddress, prefix: ['nsenter', `--net=/run/netns/${namespaceOf('control')}`]};
		const repository = await startServerProcess(bundle, ['repository', aptRoot, '0'], path.join(workDir, 'repository.log'), inNetwork);
		servers.push(repository);
		const keyserver = await startServerProcess(bundle, ['keyserver', key.fingerprint, key.armoredPublicKeyPath, '0'], path.join(workDir, 'keyserver.log'), inNetwork);
		servers.push(keyserver);

		const clientKey = await makeKeyPair(path.join(workDir, 'ssh', 'id_ed25519'), 'mesos-setup-lab@control');
		await control.writeFile(controlSsh.identity, await readFile(clientKey.privateKeyFile, 'utf8'), 0o600);
		await control.writeFile(`${controlSsh.identity}.pub`, `${clientKey.publicKey}\n`);
		await control.run(['chmod', '700', path.dirname(controlSsh.identity)]);

		const nodes: LabNode[] = [];
		const addNodes = async (more: NodeSpec[]) => {
			const taken = new Set([control, ...nodes].flatMap(machine => [machine.name, machine.address]));
			for (const spec of more) {
				const problem = machineProblem(spec.name, spec.address)
					?? (taken.has(spec.name) || taken.has(spec.address) ? `'${spec.name}' or '${spec.address}' is already in the lab` : undefined);
				if (problem) throw new Error(problem);
				taken.add(spec.name).add(spec.address);
			}
			const started = await Promise.all(more.map(async spec => startNode(spec, workDir, clientKey.publicKey, machine => machines.push(machine))));
			nodes.push(...started);
			await introduce(control, nodes);
			return started;
		};
		await addNodes(specs);

		const node = (name: string) => {
			const found = nodes.find(candidate => candidate.name === name);
			if (!found) throw new Error(`no node '${name}' in the lab (${nodes.map(candidate => candidate.name).join(', ')})`);
			return found;
		};
		return {
			control,
			nodes,
			node,
			addNodes,
			ssh: async (name, command, options = {}) => control.run(['ssh', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=5',
				...options.sshOptions ?? [], `${options.user ?? 'root'}@${node(name).address}`, command], options),
			repoUrl: `http://${controlAddress}:${repository.port}`,
			keyserver: `hkp://${controlAddress}:${keyserver.port}`,
			fingerprint: key.fingerprint,
			armoredKeyPath: key.armoredPublicKeyPath,
			binaryKeyPath: key.binaryPublicKeyPath,
			distribution,
			packages,
			workDir,
			startup: {lockWaitMs: locked - asked, buildMs: built - locked, machinesMs: Date.now() - built},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * One node: cabled, started, without the distribution's apt sources (its mirrors are out of the lab's
 * reach: a node's apt knows only the sources a test gives it), an SSH server with its own host key.
 */
async function startNode(spec: NodeSpec, workDir: string, clientKey: string, started: (machine: LabMachine) => void): Promise<LabNode> {
	await cableMachine(spec.name, spec.address);
	const machine = await startMachine({name: spec.name, address: spec.address, init: spec.init ?? 'sysv', workDir});
	started(machine);
	await machine.run('rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*');
	await freshRootShell(machine);
	const hostKey = await makeKeyPair(path.join(workDir, 'ssh', 'hosts', spec.name, 'ssh_host_ed25519_key'), `root@${spec.name}`);
	await startSshServer(machine, hostKey, clientKey);
	return {
		...machine,
		hostKey: hostKey.publicKey,
		unplug: async () => setCable(spec.name, false),
		plug: async () => setCable(spec.name, true),
	};
}

/**
 * Root's shell files as a fresh Debian has them, not this host's: bash reads ~/.bashrc even for a command
 * that sshd runs (or that a program runs with a socket as its input), and a host's own (a pyenv init that
 * rehashes in the background) would slow down, and hold open, every command sent to a node.
 */
async function freshRootShell(machine: LabMachine): Promise<void> {
	await machine.run(['cp', '/usr/share/base-files/dot.bashrc', '/root/.bashrc']);
	await machine.run(['cp', '/usr/share/base-files/dot.profile', '/root/.profile']);
}

/** Every machine's /etc/hosts names every machine; the control machine's known_hosts holds every node's host key. */
async function introduce(control: LabMachine, nodes: LabNode[]): Promise<void> {
	const hosts = ['127.0.0.1 localhost', '::1 localhost ip6-localhost ip6-loopback',
		...[control, ...nodes].map(machine => `${machine.address} ${machine.name}`)].join('\n');
	await Promise.all([control, ...nodes].map(async machine => machine.writeFile('/etc/hosts', `${hosts}\n`)));
	await control.writeFile(controlSsh.knownHosts, nodes.map(node => knownHostsLine(node, node.hostKey)).join(''));
}
