import {existsSync, readFileSync, readdirSync} from 'node:fs';

export type ProcessEntry = {pid: number; state: string; command: string};

function readProcess(pid: number): ProcessEntry | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
		// The state follows the parenthesised name, which may itself hold spaces or parentheses.
		const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
		return {pid, state, command};
	} catch (error) {
		// The process ended between listing /proc and reading it.
		if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
		throw error;
	}
}

export function listProcesses(): ProcessEntry[] {
	return readdirSync('/proc').filter(name => /^\d+$/.test(name))
		.map(name => readProcess(Number(name)))
		.filter((entry): entry is ProcessEntry => entry !== undefined);
}

/** Alive and not a zombie (PID 1 here reaps nothing, so exited orphans stay as zombies). */
export function isAlive(pid: number): boolean {
	const entry = readProcess(pid);
	return entry !== undefined && entry.state !== 'Z';
}

export function pidFromFile(pidfile: string): number | undefined {
	if (!existsSync(pidfile)) return undefined;
	const pid = Number(readFileSync(pidfile, 'utf8').trim());
	return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Sends SIGTERM to one PID, then SIGKILL if it is still there after the grace period. */
export async function stopPid(pid: number, graceMs = 10_000): Promise<void> {
	if (!isAlive(pid)) return;
	process.kill(pid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (isAlive(pid) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100));
	if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}
