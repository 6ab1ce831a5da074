// A child started in a process group of its own (execa `detached`), and how it is ended: SIGTERM
// to the whole group, SIGKILL after a short grace. apt-get leaves its download methods and dpkg
// running when only apt-get is killed; signalling the group reaches all of them.
import {readdirSync, readFileSync} from 'node:fs';

export const stopGraceMs = 3000;

// Groups started and not yet ended: if this program exits first, they are ended with it.
const live = new Set<number>();
let exitHooked = false;

function hookExit(): void {
	if (exitHooked) return;
	exitHooked = true;
	process.on('exit', () => {
		for (const group of live) signalGroup(group, 'SIGKILL');
	});
}

function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
	// Never 0 or 1: -0 and -1 would reach this program's own group, or every process.
	if (!Number.isInteger(group) || group <= 1) return false;
	try {
		process.kill(-group, signal);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
		throw error;
	}
}

// Members of the group that still run. An ended member whose parent is gone stays a zombie where
// PID 1 reaps nothing (a container): it holds no lock and runs nothing, so it does not count.
export function groupRuns(group: number): boolean {
	let entries: string[];
	try {
		entries = readdirSync('/proc');
	} catch {
		return signalGroup(group, 0);
	}
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // ended between the listing and the read
		}
		// After the command name (in parentheses, which may hold anything): state, ppid, pgrp.
		const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (pgrp === String(group) && state !== 'Z') return true;
	}
	return false;
}

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export type ProcessGroup = {
	// SIGTERM to every member, SIGKILL to what is left after the grace; resolves once none runs.
	stop(graceMs?: number): Promise<void>;
	// The child has been waited for: nothing left to end.
	forget(): void;
};

export function processGroup(leader: number | undefined): ProcessGroup {
	if (leader === undefined) return {stop: async () => undefined, forget: () => undefined};
	hookExit();
	live.add(leader);
	let stopping: Promise<void> | undefined;
	return {
		stop(graceMs = stopGraceMs) {
			stopping ??= (async () => {
				signalGroup(leader, 'SIGTERM');
				const until = Date.now() + graceMs;
				while (groupRuns(leader) && Date.now() < until) await sleep(50);
				if (groupRuns(leader)) signalGroup(leader, 'SIGKILL');
				const killedUntil = Date.now() + 5000;
				while (groupRuns(leader) && Date.now() < killedUntil) await sleep(50);
				live.delete(leader);
			})();
			return stopping;
		},
		forget() {
			if (!stopping) live.delete(leader);
		},
	};
}
