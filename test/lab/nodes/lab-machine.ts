import {spawn} from 'node:child_process';
import {closeSync, openSync, readFileSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {execa, type Result} from 'execa';
import {isAlive} from '../lab-processes.js';
import {waitFor} from '../../helpers/wait-for.js';
import {createMachineCgroup, removeCgroup} from './lab-cgroups.js';
import {namespaceOf} from './lab-network.js';

export type NodeInit = 'sysv' | 'systemd';

export type RunOptions = {
	/** Given to the command on standard input. */
	input?: string;
	/** Added to the machine's clean environment (PATH, HOME=/root, LANG, DEBIAN_FRONTEND). */
	env?: Record<string, string>;
	/** Default true: a non-zero exit throws with the command's output. */
	reject?: boolean;
	timeout?: number;
	/** Keep the output's final newline (reading a file byte for byte). */
	keepFinalNewline?: boolean;
};

export type RunResult = Result<{all: true; reject: false}>;

/** One machine of the lab: its own network, mount (an overlay of /), UTS, IPC, PID and cgroup namespace. */
export type LabMachine = {
	name: string;
	address: string;
	init: NodeInit;
	/** PID 1 of the machine, as the host numbers it. */
	pid: number;
	/** Its init's output (mount errors, systemd's boot). */
	logFile: string;
	/** Runs a command as root inside the machine (all its namespaces); a string is run by bash -c. */
	run(command: string | string[], options?: RunOptions): Promise<RunResult>;
	/**
	 * Reads and writes a file inside the machine, by a command run there: never through
	 * /proc/<pid>/root, where an absolute symlink (/etc/zookeeper/conf is one) leads back to the host's file.
	 */
	readFile(file: string): Promise<string>;
	/** Writes a file inside the machine, making its folder. */
	writeFile(file: string, content: string, mode?: number): Promise<void>;
	/** Ends every process of the machine by PID; its mounts go with its mount namespace. */
	stop(): Promise<void>;
};

const initScript = fileURLToPath(new URL('node-init.sh', import.meta.url));
const machinePath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type MachineOptions = {
	name: string;
	address: string;
	init: NodeInit;
	/** The lab's work directory: the machine's log and the tmpfs its overlay writes to go under it. */
	workDir: string;
	/** Host paths bind-mounted at the same place inside (the control machine's view of the repository). */
	shared?: string[];
};

/**
 * Starts a machine whose network namespace (namespaceOf(name)) is already cabled to the switch,
 * and resolves once its init runs (for systemd: once `systemctl is-system-running` says running).
 */
export async function startMachine(options: MachineOptions): Promise<LabMachine> {
	const {name, address, init, workDir} = options;
	const cgroup = await createMachineCgroup(name);
	const base = path.join(workDir, 'machines', name);
	await mkdir(base, {recursive: true});
	const logFile = path.join(workDir, 'machines', `${name}.log`);
	const log = openSync(logFile, 'a');
	// The process enters its cgroup before it makes the cgroup namespace, so that cgroup is the namespace's root.
	const launcher = spawn('bash', ['-c', 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"', 'lab', cgroup,
		'nsenter', `--net=/run/netns/${namespaceOf(name)}`,
		'unshare', '--pid', '--fork', '--mount', '--uts', '--ipc', '--cgroup', '--propagation', 'private', '--kill-child',
		'--', 'bash', initScript, name, base, init, ...options.shared ?? []], {stdio: ['ignore', log, log]});
	closeSync(log);
	const exited = new Promise<void>(resolve => launcher.once('exit', () => resolve()));
	const pid = await waitFor(`machine ${name} to start (${logFile})`, () => {
		if (launcher.exitCode !== null) throw new Error(`machine ${name} ended at start:\n${readFileSync(logFile, 'utf8')}`);
		if (!readFileSync(logFile, 'utf8').includes(`node ${name}: ready`)) return undefined;
		return initPid(launcher.pid ?? 0);
	}, 30_000);

	const stop = async () => {
		if (isAlive(pid)) process.kill(pid, 'SIGKILL');
		await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 10_000))]);
		await removeCgroup(cgroup);
	};
	const run = async (command: string | string[], runOptions: RunOptions = {}): Promise<RunResult> => {
		const argv = typeof command === 'string' ? ['bash', '-c', command] : command;
		// Entering its PID namespace is what ties the command to the machine: it ends with the machine's PID 1.
		// (Not its cgroup: each write to cgroup.procs waits for the kernel's RCU and made a run take seconds.)
		const result = await execa('nsenter', ['-t', String(pid), '-m', '-u', '-i', '-n', '-p', '-C', '--wd=/', '--', ...argv], {
			input: runOptions.input,
			env: {PATH: machinePath, HOME: '/root', LANG: 'C.UTF-8', DEBIAN_FRONTEND: 'noninteractive', ...runOptions.env},
			extendEnv: false,
			reject: false,
			all: true,
			timeout: runOptions.timeout ?? 5 * 60_000,
			stripFinalNewline: runOptions.keepFinalNewline !== true,
		});
		if (runOptions.reject !== false && result.exitCode !== 0) {
			throw new Error(`on ${name}: ${argv.join(' ')} exited ${result.exitCode ?? result.signal}:\n${result.all}`);
		}
		return result;
	};
	const machine: LabMachine = {
		name, address, init, pid, logFile, run, stop,
		readFile: async file => (await run(['cat', file], {keepFinalNewline: true})).stdout,
		async writeFile(file, content, mode = 0o644) {
			await run(['bash', '-c', 'mkdir -p "$(dirname "$1")" && cat >"$1" && chmod "$2" "$1"', 'write', file, mode.toString(8)], {input: content});
		},
	};
	try {
		if (init === 'systemd') {
			await waitFor(`systemd on ${name} to finish booting`, async () => {
				const {stdout} = await run(['systemctl', 'is-system-running'], {reject: false});
				if (stdout === 'degraded') throw new Error(`systemd on ${name} is degraded: ${(await run(['systemctl', '--failed', '--no-legend'], {reject: false})).stdout}`);
				return stdout === 'running' ? true : undefined;
			}, 60_000);
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return machine;
}

/** The PID namespace's init: the one child unshare --fork made. */
function initPid(unsharePid: number): number | undefined {
	const children = readFileSync(`/proc/${unsharePid}/task/${unsharePid}/children`, 'utf8').trim();
	const pid = Number(children.split(' ')[0]);
	return children && Number.isInteger(pid) ? pid : undefined;
}
