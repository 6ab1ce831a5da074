// CPU time of each machine of the lab of several machines (test/lab/nodes), read from /proc while a
// cluster setup runs, so the cluster figure can say how much work each stage gave the machine's
// cores, not only how long it took. A lab machine is every process in its network namespace
// (/run/netns/mslab-NAME); each process counts its own time and that of the children it waited for,
// so one that ended counts once, in the process that reaped it. Plus the whole machine's busy time
// (/proc/stat), which includes whatever else runs here.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import os from 'node:os';

type Sample = {at: number; cpu: Map<string, number>};

// Seconds of CPU per lab machine (and `machine`: all of this machine's cores) at one moment.
function sample(ticks: number): Sample {
	const names = new Map<number, string>();
	for (const entry of readdirSafe('/run/netns')) {
		if (!entry.startsWith('mslab-')) continue;
		const inode = statSafe(`/run/netns/${entry}`);
		if (inode !== undefined) names.set(inode, entry.slice('mslab-'.length));
	}
	const cpu = new Map<string, number>();
	for (const pid of readdirSafe('/proc')) {
		if (!/^\d+$/.test(pid)) continue;
		const name = names.get(statSafe(`/proc/${pid}/ns/net`) ?? -1);
		if (!name) continue;
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			// utime, stime, cutime, cstime: fields 14 to 17, counted after the command's closing parenthesis.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const own = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
			cpu.set(name, (cpu.get(name) ?? 0) + own / ticks);
		} catch {
			// Ended between the listing and the read: its time is its parent's now.
		}
	}
	const [, ...times] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
	const busy = times.reduce((sum, value) => sum + value, 0) - (times[3] ?? 0) - (times[4] ?? 0);
	cpu.set('machine', busy / ticks);
	return {at: Date.now() / 1000, cpu};
}

const readdirSafe = (dir: string): string[] => {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
};

const statSafe = (file: string): number | undefined => {
	try {
		return statSync(file).ino;
	} catch {
		return undefined;
	}
};

export type CpuTrace = {
	// CPU seconds `machine` used between the two times (seconds since the epoch).
	between(machine: string, from: number, to: number): number;
};

// Samples every `everyMs` until stop(). A machine's total only grows: a process that ended is
// missing until its parent has waited for it, so each reading is the highest seen so far; a time
// between two samples reads in proportion between them, one before the first reads the first.
export function traceLabCpu(everyMs = 500): {stop(): CpuTrace} {
	const ticks = 100; // USER_HZ: what /proc counts in on Linux
	const samples: Sample[] = [sample(ticks)];
	const timer = setInterval(() => samples.push(sample(ticks)), everyMs);
	let trace: CpuTrace | undefined;
	return {
		// Once: a second call gives the same trace.
		stop() {
			if (trace) return trace;
			clearInterval(timer);
			samples.push(sample(ticks));
			// Each machine's readings, each the highest so far, read between two samples by their times.
			const at = (machine: string, time: number): number => {
				let highest = 0;
				let before = {when: samples[0]?.at ?? time, value: 0};
				for (const {at: when, cpu} of samples) {
					highest = Math.max(highest, cpu.get(machine) ?? 0);
					if (when >= time) return when === before.when ? highest : before.value + ((highest - before.value) * (time - before.when)) / (when - before.when);
					before = {when, value: highest};
				}
				return highest;
			};
			trace = {between: (machine, from, to) => Math.max(0, at(machine, to) - at(machine, from))};
			return trace;
		},
	};
}

export const cores = (): number => os.availableParallelism();
