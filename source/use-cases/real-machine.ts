// The real machine is changed only by root on a Debian-family system with apt; anywhere else the
// use cases refuse before they change anything, and say how to rehearse instead.
import {InputError} from '../model/errors.js';
import type {System} from '../system/system.js';

export function refuseUnsafeRealRun(system: Pick<System, 'sandbox' | 'dryRun' | 'facts'>, command: string, does = 'changes files in /etc and runs apt-get and service'): void {
	if (system.sandbox || system.dryRun) return;
	const rehearse = `mesos-setup ${command} --root ./mesos-rehearsal`;
	if (!system.facts.isRoot) {
		throw new InputError([
			`mesos-setup ${command} ${does}, so it needs root.`,
			`Run it with sudo (sudo mesos-setup ${command}), or rehearse without changing this machine: ${rehearse}`,
		]);
	}
	if (!system.facts.hasApt) {
		throw new InputError([
			`This machine is not a Debian-family system with apt (found ${system.facts.distro} ${system.facts.codename}); mesos-setup installs with apt.`,
			`Rehearse in a sandbox instead: ${rehearse}`,
		]);
	}
}
