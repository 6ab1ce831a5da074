// What setup, edit and undo do before anything else: take the run lock (a second run is refused,
// a stale lock taken over), then remove the temp files a killed run left. Notices say what was
// found, for the command line or screen to show.
import {localTime} from '../model/local-time.js';
import {removeLeftoverTempFiles} from './leftovers.js';
import {type HeldLock, takeRunLock} from './run-lock.js';
import type {System} from './system.js';

export async function beginExclusiveRun(system: Pick<System, 'fs' | 'now'>, command: string, notice: (line: string) => void = () => undefined): Promise<HeldLock> {
	const lock = takeRunLock(system.fs, command, system.now());
	try {
		const {takenOverFrom: was} = lock;
		if (was) notice(`An earlier mesos-setup (${was.command}, PID ${was.pid}, since ${localTime(was.since)}) ended without releasing its lock; it no longer runs, so this run took the lock over.`);
		const removed = await removeLeftoverTempFiles(system.fs);
		if (removed.length > 0) notice(`Removed ${removed.length} temp file${removed.length === 1 ? '' : 's'} a stopped run left: ${removed.join(', ')}.`);
	} catch (error) {
		lock.release();
		throw error;
	}
	return lock;
}
