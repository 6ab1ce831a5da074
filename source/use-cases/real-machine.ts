// The real machine is changed only by root on a Debian-family system with apt; anywhere else the
// use cases refuse before they change anything, and say how to rehearse instead.
import {InputError} from '../model/errors.js';
import {commandText} from '../model/script.js';
import type {System} from '../system/system.js';

// `typed`: the words after mesos-setup as the person gave them, so the ways offered instead are that
// same command, with sudo or in a sandbox; by default the command alone. --root goes before a `--`,
// after which every word is an argument.
export function refuseUnsafeRealRun(system: Pick<System, 'sandbox' | 'dryRun' | 'facts'>, command: string, does = 'changes files in /etc and runs apt-get and service', typed: readonly string[] = [command]): void {
	if (system.sandbox || system.dryRun) return;
	const end = typed.includes('--') ? typed.indexOf('--') : typed.length;
	const rehearse = `mesos-setup ${commandText([...typed.slice(0, end), '--root', './mesos-rehearsal', ...typed.slice(end)])}`;
	if (!system.facts.isRoot) {
		throw new InputError([
			`mesos-setup ${command} ${does}, so it needs root.`,
			`Run it with sudo (sudo mesos-setup ${commandText(typed)}), or rehearse without changing this machine: ${rehearse}`,
		]);
	}
	if (!system.facts.hasApt) {
		throw new InputError([
			`This machine is not a Debian-family system with apt (found ${system.facts.distro} ${system.facts.codename}); mesos-setup installs with apt.`,
			`Rehearse in a sandbox instead: ${rehearse}`,
		]);
	}
}
