import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {rm, rmdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {isAlive} from '../lab-processes.js';
import {labCgroupRoot, removeCgroup} from './lab-cgroups.js';
import {deleteNamespace, labNamespaces, namespacePids} from './lab-network.js';

export const workDirPrefix = 'mesos-setup-nodes-';
const netnsDir = '/run/netns';

/** What a clean-up found and removed: PIDs ended, namespaces deleted, work directories removed. */
export type SweepReport = {killedPids: number[]; namespaces: string[]; workDirs: string[]};

/**
 * Removes every lab object, found by its name: the machines' cgroups (each process in them ended by
 * PID, which ends each machine's PID namespace and with it its mounts), the processes left in a lab
 * network namespace (the servers), the namespaces (their veths and the bridge go with them) and
 * the work directories. Called with the machine lock held, so whatever it finds is a killed run's.
 */
export async function sweepLab(): Promise<SweepReport> {
	const report: SweepReport = {killedPids: [], namespaces: [], workDirs: []};
	const cgroups = labCgroupRoot();
	if (existsSync(cgroups)) {
		for (const entry of readdirSync(cgroups, {withFileTypes: true})) {
			if (entry.isDirectory()) report.killedPids.push(...await removeCgroup(path.join(cgroups, entry.name)));
		}
		await rmdir(cgroups);
	}
	for (const namespace of await labNamespaces()) {
		for (const pid of await namespacePids(namespace)) {
			if (!isAlive(pid)) continue;
			process.kill(pid, 'SIGKILL');
			report.killedPids.push(pid);
		}
		await deleteNamespace(namespace);
		report.namespaces.push(namespace);
	}
	// `ip netns add` makes /run/netns a mount point of its own; with no namespace left in it, it goes too.
	if (existsSync(netnsDir) && readdirSync(netnsDir).length === 0 && readFileSync('/proc/self/mounts', 'utf8').includes(` ${netnsDir} `)) {
		await execa('umount', [netnsDir], {reject: false});
	}
	for (const name of readdirSync(tmpdir())) {
		if (!name.startsWith(workDirPrefix)) continue;
		await rm(path.join(tmpdir(), name), {recursive: true, force: true});
		report.workDirs.push(name);
	}
	return report;
}
