// Whether apt is at rest: no apt-get, dpkg or apt download method running, and none of apt's or
// dpkg's locks held by any process (read from /proc/locks, by the lock files' inodes). The unit files
// run beside the lab and read .deb files with dpkg-deb: their processes are not the lab's.
import {readFileSync, statSync} from 'node:fs';
import {startedByUnitFiles} from '../helpers/unit-process-mark.js';
import {listProcesses} from './lab-processes.js';

export const aptLockFiles = ['/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock', '/var/cache/apt/archives/lock', '/var/lib/apt/lists/lock'];

/** apt and dpkg processes still running, as "<pid> <command line>". */
export function aptProcesses(): string[] {
	return listProcesses()
		.filter(entry => entry.state !== 'Z')
		.filter(entry => /(^|\/)(apt-get|apt|dpkg|dpkg-deb)( |$)|\/usr\/lib\/apt\/methods\//.test(entry.command))
		.filter(entry => !startedByUnitFiles(entry.pid))
		.map(entry => `${entry.pid} ${entry.command}`);
}

/** The lock files some process holds a lock on. */
export function heldAptLocks(): string[] {
	const held = new Set(
		readFileSync('/proc/locks', 'utf8')
			.split('\n')
			.map(line => /\s(\S+):(\S+):(\d+)\s/.exec(line)?.[3])
			.filter((inode): inode is string => inode !== undefined),
	);
	return aptLockFiles.filter(file => {
		try {
			return held.has(String(statSync(file).ino));
		} catch {
			return false; // no such lock file: nothing holds it
		}
	});
}
