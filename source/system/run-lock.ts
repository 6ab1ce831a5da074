// One run at a time: setup, edit and undo hold <root>/var/lib/mesos-setup/run.lock while they
// run. The lock is a symbolic link whose text names the holder ("PID TIME COMMAND"), as Emacs
// locks files: making one is atomic, fails if one is there, and needs no free disk space (the text
// lives in the inode), so undo can still take it on a full disk. A lock whose process is gone is
// stale: it is taken over, under a second lock so that two runs cannot both take it over.
import {localTime} from '../model/local-time.js';
import {lstatSync, mkdirSync, readFileSync, readlinkSync, rmdirSync, symlinkSync, unlinkSync} from 'node:fs';
import path from 'node:path';
import {StepError} from '../model/errors.js';
import {codeOf} from './root-path.js';
import {stateDir} from './state.js';
import type {TargetFs} from './target-fs.js';

export const lockFile = `${stateDir}/run.lock`;

export type LockHolder = {pid: number; since: string; command: string};

export class LockHeldError extends StepError {
	constructor(
		readonly holder: LockHolder,
		where: string,
		// The node it runs on, for a cluster run's lock; this machine when absent.
		readonly node?: string,
	) {
		super(`another mesos-setup (${holder.command}, PID ${holder.pid}) has been running ${node ? `on ${node}` : 'here'} since ${localTime(holder.since)}: only one setup, edit or undo runs at a time`, [
			`Wait for it to end, or stop it (${node ? `on ${node}: ` : ''}kill ${holder.pid}), then run this again. Its lock is ${where}.`,
		]);
		this.name = 'LockHeldError';
	}
}

export type HeldLock = {
	// This run, as the lock names it (none for a dry run's): a cluster run started from one of its
	// nodes finds it there.
	holder?: LockHolder;
	// The holder of a stale lock this run took over, to say so.
	takenOverFrom?: LockHolder;
	release(): void;
};

export function parseHolder(text: string): LockHolder | undefined {
	const match = /^(\d+) (\S+) (\S+)$/.exec(text);
	if (!match) return undefined;
	return {pid: Number(match[1]), since: match[2] ?? '', command: match[3] ?? ''};
}

export const holderText = (holder: LockHolder): string => `${holder.pid} ${holder.since} ${holder.command}`;

// When a process started, from /proc (boot time + its start in clock ticks); undefined off Linux.
function processStart(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
		const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
		return Number.isFinite(ticks) && Number.isFinite(boot) ? (boot + ticks / 100) * 1000 : undefined;
	} catch (error) {
		if (codeOf(error) === 'ENOENT' || codeOf(error) === 'EACCES') return undefined;
		throw error;
	}
}

// The holder still runs: its PID is alive and was not reused by a process started after the lock.
export function holderAlive(holder: LockHolder): boolean {
	if (holder.pid <= 0 || holder.pid === process.pid) return false;
	try {
		process.kill(holder.pid, 0);
	} catch (error) {
		if (codeOf(error) === 'ESRCH') return false;
		if (codeOf(error) !== 'EPERM') throw error;
	}
	const started = processStart(holder.pid);
	const since = Date.parse(holder.since);
	return started === undefined || Number.isNaN(since) || started <= since + 2000;
}

function readHolder(file: string): LockHolder | undefined {
	try {
		return parseHolder(readlinkSync(file)) ?? {pid: 0, since: 'an unknown time', command: 'unknown'};
	} catch (error) {
		if (codeOf(error) === 'ENOENT') return undefined;
		// Not a link (a file put there by hand): not a lock this program made, so not one it may take over.
		if (codeOf(error) === 'EINVAL') throw new StepError(`${file} is not a lock mesos-setup made`, ['Move it aside, then run again.']);
		throw error;
	}
}

function tryCreate(file: string, holder: LockHolder): boolean {
	try {
		symlinkSync(holderText(holder), file);
		return true;
	} catch (error) {
		if (codeOf(error) === 'EEXIST') return false;
		throw error;
	}
}

// Makes a folder and its missing parents; returns the ones it made, outermost first.
function madeFolders(dir: string): string[] {
	const missing: string[] = [];
	for (let current = dir; ; current = path.dirname(current)) {
		try {
			lstatSync(current);
			break;
		} catch (error) {
			if (codeOf(error) !== 'ENOENT' || current === '/') throw error;
			missing.unshift(current);
		}
	}
	const made: string[] = [];
	for (const folder of missing) {
		try {
			mkdirSync(folder, {mode: 0o755});
			made.push(folder);
		} catch (error) {
			// Another run made it a moment ago: there, and not this run's to remove.
			if (codeOf(error) !== 'EEXIST') throw error;
		}
	}
	return made;
}

const sameHolder = (a: LockHolder | undefined, b: LockHolder | undefined): boolean => a !== undefined && b !== undefined && holderText(a) === holderText(b);

export function takeRunLock(fs: TargetFs, command: string, now: Date = new Date()): HeldLock {
	// The folder is resolved inside the root; the lock itself is a link, never followed.
	const file = path.join(fs.resolve(path.dirname(lockFile)).host, path.basename(lockFile));
	const guard = `${file}.takeover`;
	// The folders made for the lock go with it when they are still empty (a refused run leaves nothing).
	const made = madeFolders(path.dirname(file));
	const me: LockHolder = {pid: process.pid, since: now.toISOString(), command};
	let takenOverFrom: LockHolder | undefined;
	for (let attempt = 0; ; attempt++) {
		if (tryCreate(file, me)) break;
		const holder = readHolder(file);
		if (!holder) continue; // released between the two calls: try again
		if (holderAlive(holder)) throw new LockHeldError(holder, fs.hostPath(lockFile));
		if (attempt > 50) throw new StepError(`the lock ${fs.hostPath(lockFile)} could not be taken over`, ['Another mesos-setup may be starting: run this again.']);
		// Stale. Only the holder of the takeover guard may remove it, and only if it is still that one.
		if (!tryCreate(guard, me)) {
			const other = readHolder(guard);
			if (other && !holderAlive(other)) unlinkSync(guard);
			continue;
		}
		try {
			if (sameHolder(readHolder(file), holder)) {
				unlinkSync(file);
				takenOverFrom = holder;
			}
		} finally {
			unlinkSync(guard);
		}
	}
	let released = false;
	const release = (): void => {
		if (released) return;
		released = true;
		process.off('exit', release);
		// Only our own lock: a lock taken over from us (we were thought dead) is not ours to remove.
		if (sameHolder(readHolder(file), me)) unlinkSync(file);
		for (const dir of made.reverse()) {
			try {
				rmdirSync(dir);
			} catch (error) {
				if (codeOf(error) === 'ENOTEMPTY' || codeOf(error) === 'EEXIST' || codeOf(error) === 'ENOENT') break;
				throw error;
			}
		}
	};
	process.on('exit', release);
	return {holder: me, ...(takenOverFrom ? {takenOverFrom} : {}), release};
}
