// The unit files run beside the lab's (vitest.config.ts), so a lab test that looks at every process on
// the machine also sees theirs (a layout prediction's dpkg-deb, say). Every process a unit file starts
// inherits this variable from its worker; one that carries it is the unit files', never the lab's.
import {readFileSync} from 'node:fs';

export const unitProcessMark = {name: 'MESOS_SETUP_TEST_PROJECT', value: 'unit'} as const;

// Whether the process carries the mark (root reads every process's environment; a process that has
// ended meanwhile carries nothing).
export function startedByUnitFiles(pid: number): boolean {
	try {
		return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`${unitProcessMark.name}=${unitProcessMark.value}`);
	} catch {
		return false;
	}
}
