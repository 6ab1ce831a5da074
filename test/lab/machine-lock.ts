import {randomUUID} from 'node:crypto';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {isAlive} from './lab-processes.js';

const lockFile = '/run/lock/mesos-setup-lab.lock';

/**
 * Only one lab may own the machine at a time (vitest runs test files in parallel processes, and
 * every lab changes the same /etc, ports and packages). Waits for the holder, or takes over a lock
 * whose process is gone. Returns the release function.
 */
export async function acquireMachineLock(timeoutMs: number): Promise<() => void> {
	const token = `${process.pid} ${randomUUID()}`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			writeFileSync(lockFile, token, {flag: 'wx'});
			return () => {
				if (readHolder() === token) rmSync(lockFile, {force: true});
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = readHolder();
		const holderPid = Number(holder?.split(' ')[0]);
		if (holder !== undefined && !isAlive(holderPid)) {
			rmSync(lockFile, {force: true});
			continue;
		}
		if (Date.now() > deadline) throw new Error(`the lab is held by process ${holderPid} (${lockFile}); waited ${timeoutMs / 1000}s`);
		await new Promise(resolve => setTimeout(resolve, 500));
	}
}

function readHolder(): string | undefined {
	try {
		return readFileSync(lockFile, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}
