// This machine as it would be without Node: a mount namespace (held open by a `sleep` the test
// starts and stops by PID) in which an overlay of / is mounted on a tmpfs, every node on PATH is
// removed from the overlay, and programs run chrooted into it. dpkg there changes the overlay's
// upper layer only: the host's dpkg database and /usr stay as they are. stop() unmounts everything
// it mounted, checks that nothing is left, and ends the namespace.
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtemp, readFile, readlink, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {execa} from 'execa';

// What a login on a stock machine has; nothing of this test's environment (NODE_OPTIONS, npm_*) leaks in.
export const stockPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const stockEnv = {PATH: stockPath, HOME: '/root', LANG: 'C.UTF-8', TERM: 'xterm-256color'};

export type Ran = {exitCode: number; stdout: string; stderr: string};

export class MachineWithoutNode {
	private constructor(
		// The folder the overlay is mounted under (empty on the host), and the merged root in it.
		readonly folder: string,
		readonly merged: string,
		// The namespace's holder.
		private readonly holder: ChildProcess,
		// Host folders seen at the same path inside.
		readonly shared: readonly string[],
	) {}

	get pid(): number {
		return this.holder.pid ?? -1;
	}

	static async start(shared: readonly string[]): Promise<MachineWithoutNode> {
		const folder = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-no-node-'));
		// unshare execs sleep: the sleep is the namespace's only process until nsenter joins it.
		const holder = spawn('unshare', ['--mount', '--propagation', 'private', 'sleep', 'infinity'], {stdio: 'ignore'});
		await new Promise<void>((resolve, reject) => {
			holder.once('spawn', resolve);
			holder.once('error', reject);
		});
		const machine = new MachineWithoutNode(folder, path.join(folder, 'merged'), holder, shared);
		try {
			await machine.waitForNamespace();
			const dirs = stockPath.split(':');
			await machine.insideOrThrow('mounting the overlay', [
				'sh',
				'-euc',
				[
					'F=$1; shift',
					'mount -t tmpfs mesos-setup-no-node "$F"',
					'mkdir "$F/upper" "$F/work" "$F/merged"',
					'mount -t overlay mesos-setup-no-node -o "lowerdir=/,upperdir=$F/upper,workdir=$F/work" "$F/merged"',
					'mount --rbind /proc "$F/merged/proc"',
					'mount --rbind /dev "$F/merged/dev"',
					'mount -t tmpfs mesos-setup-no-node-tmp "$F/merged/tmp"',
					// Node hidden: removed from the overlay only (the host keeps its node).
					`for dir in ${dirs.join(' ')}; do rm -f "$F/merged$dir/node" "$F/merged$dir/nodejs"; done`,
					'for dir in "$@"; do mkdir -p "$F/merged$dir" && mount --bind "$dir" "$F/merged$dir"; done',
				].join('\n'),
				'mount-overlay',
				folder,
				...shared,
			]);
		} catch (error) {
			await machine.stop().catch(() => undefined);
			throw error;
		}
		return machine;
	}

	// A command inside the namespace, on the host's root (for mounting and unmounting).
	async inside(command: readonly string[]): Promise<Ran> {
		const result = await execa('nsenter', ['--target', String(this.pid), '--mount', '--', ...command], {reject: false, stdin: 'ignore', timeout: 120_000});
		return {exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr)};
	}

	private async insideOrThrow(what: string, command: readonly string[]): Promise<void> {
		const ran = await this.inside(command);
		if (ran.exitCode !== 0) throw new Error(`${what} failed (exit ${ran.exitCode}): ${ran.stderr.trim()}`);
	}

	// The command line that runs `command` on the machine without Node, as root, with a stock
	// environment: for tmux, which starts programs itself.
	commandLine(command: readonly string[], env: Record<string, string> = {}): string[] {
		const vars = Object.entries({...stockEnv, ...env}).map(([key, value]) => `${key}=${value}`);
		return ['nsenter', '--target', String(this.pid), '--mount', '--', 'chroot', this.merged, '/usr/bin/env', '-i', ...vars, ...command];
	}

	async run(command: readonly string[], env: Record<string, string> = {}): Promise<Ran> {
		const [file = '', ...args] = this.commandLine(command, env);
		const result = await execa(file, args, {reject: false, stdin: 'ignore', timeout: 120_000});
		return {exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr)};
	}

	// The namespace's mounts under the folder (none once stopped cleanly).
	async mountsLeft(): Promise<string[]> {
		const table = await readFile(`/proc/${this.pid}/mountinfo`, 'utf8').catch(() => '');
		return table
			.split('\n')
			.map(line => line.split(' ')[4] ?? '')
			.filter(point => point === this.folder || point.startsWith(`${this.folder}/`));
	}

	// Unmounts everything under the folder (innermost first), checks none is left, ends the
	// namespace by its PID and removes the (empty) folder. Throws if a mount stayed.
	async stop(): Promise<void> {
		let left: string[] = [];
		if (this.holder.exitCode === null && this.holder.signalCode === null) {
			// Innermost first; one still busy is detached (nothing runs in the chroot any more by now).
			for (const point of (await this.mountsLeft()).reverse()) {
				if ((await this.inside(['umount', point])).exitCode !== 0) await this.inside(['umount', '--lazy', point]);
			}
			left = await this.mountsLeft();
			const ended = new Promise(resolve => this.holder.once('exit', resolve));
			this.holder.kill('SIGTERM');
			await ended;
		}
		await rm(this.folder, {recursive: true, force: true});
		if (left.length > 0) throw new Error(`mounts left in the namespace: ${left.join(', ')}`);
	}

	private async waitForNamespace(): Promise<void> {
		// Until unshare has made the namespace and exec'd sleep, nsenter would join the host's.
		const own = await readlinkNs(process.pid);
		for (let i = 0; i < 200; i++) {
			const theirs = await readlinkNs(this.pid);
			if (theirs && theirs !== own) return;
			await new Promise(resolve => setTimeout(resolve, 10));
		}
		throw new Error('unshare --mount did not make a mount namespace within 2 s');
	}
}

const readlinkNs = async (pid: number): Promise<string | undefined> => readlink(`/proc/${pid}/ns/mnt`).catch(() => undefined);
