import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {mkdir, rmdir} from 'node:fs/promises';
import path from 'node:path';
import {isAlive} from '../lab-processes.js';

/**
 * One cgroup (v2) per lab machine, under <cgroup2 mount>/mesos-setup-lab/<name>. Every process of a
 * machine starts in it (its init, and whatever the lab runs there), so the lab can list them by PID
 * after any failure; a systemd machine sees it as its root cgroup through its cgroup namespace.
 */
export const labCgroupName = 'mesos-setup-lab';

/** Where the host mounts cgroup2: /sys/fs/cgroup on a unified host, /sys/fs/cgroup/unified on a hybrid one. */
export function cgroup2Mount(): string {
	const line = readFileSync('/proc/self/mounts', 'utf8').split('\n').find(entry => entry.split(' ')[2] === 'cgroup2');
	const mountPoint = line?.split(' ')[1];
	if (!mountPoint) throw new Error('no cgroup2 file system is mounted (/proc/self/mounts): the lab machines need one');
	return mountPoint;
}

export const labCgroupRoot = () => path.join(cgroup2Mount(), labCgroupName);

export async function createMachineCgroup(name: string): Promise<string> {
	const dir = path.join(labCgroupRoot(), name);
	await mkdir(dir, {recursive: true});
	return dir;
}

/** The cgroup and every cgroup below it, deepest first. */
function cgroupTree(dir: string): string[] {
	if (!existsSync(dir)) return [];
	const below = readdirSync(dir, {withFileTypes: true}).filter(entry => entry.isDirectory())
		.flatMap(entry => cgroupTree(path.join(dir, entry.name)));
	return [...below, dir];
}

/** Host PIDs of every process in the cgroup or below it. */
export function cgroupPids(dir: string): number[] {
	return cgroupTree(dir).flatMap(group => {
		const text = existsSync(path.join(group, 'cgroup.procs')) ? readFileSync(path.join(group, 'cgroup.procs'), 'utf8') : '';
		return text.split('\n').filter(Boolean).map(Number);
	});
}

/**
 * Ends every process left in the cgroup by its PID (SIGKILL: the lab's machines hold nothing that
 * needs a clean stop), then removes the cgroups deepest first. Returns the PIDs it had to kill.
 */
export async function removeCgroup(dir: string, timeoutMs = 15_000): Promise<number[]> {
	const killed: number[] = [];
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const pids = cgroupPids(dir).filter(pid => isAlive(pid));
		for (const pid of pids) {
			try {
				process.kill(pid, 'SIGKILL');
				if (!killed.includes(pid)) killed.push(pid);
			} catch {
				// Gone between the listing and the kill.
			}
		}
		const groups = cgroupTree(dir);
		let left = 0;
		for (const group of groups) {
			try {
				await rmdir(group);
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code !== 'ENOENT') left++;
			}
		}
		if (left === 0) return killed;
		if (Date.now() > deadline) throw new Error(`cannot remove the lab's cgroup ${dir}: processes ${cgroupPids(dir).join(' ')} are still in it`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}
