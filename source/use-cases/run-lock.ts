// One run at a time: setup, edit and undo take the run lock (system/run-lock.ts) while they change
// the machine, and clear the temp files a killed run left. A dry run changes nothing and takes none;
// a second run is refused with who holds it (LockHeldError: exit 1, or said on the screen).
// The cluster's locks are in cluster-lock.ts, so setup, edit and undo load nothing of SSH.
import {beginExclusiveRun} from '../system/exclusive-run.js';
import type {HeldLock} from '../system/run-lock.js';
import type {System} from '../system/system.js';

const noLock: HeldLock = {release: () => undefined};

export async function holdRunLock(system: System, command: string, notice: (line: string) => void): Promise<HeldLock> {
	if (system.dryRun) return noLock;
	return beginExclusiveRun(system, command, notice);
}

// `work` under the lock, released when it ends however it ends.
export async function underRunLock<T>(system: System, command: string, notice: (line: string) => void, work: () => Promise<T>): Promise<T> {
	const lock = await holdRunLock(system, command, notice);
	try {
		return await work();
	} finally {
		lock.release();
	}
}
