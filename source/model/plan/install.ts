// Install: apt's lists refreshed, then the packages of this machine's role and what they depend on.
import type {Values} from '../answers.js';
import {dockerPackage, usesDocker} from '../docker.js';
import {roleOf, roleServices} from '../roles.js';
import {packageOf, packageServices, type ServiceName} from '../services.js';
import {type Action, minutes, type Step} from './types.js';

// apt's words are read (its progress, and the "Failed to fetch" that apt-get update exits 0 after):
// in the C locale they are the same on every machine. A machine set to another language prints
// them translated (LANGUAGE=de: "Fehlschlag beim Holen von …"), and the C.UTF-8 locale does not stop
// that: only C does, as Ansible's apt module runs apt too.
const aptInEnglish = {LC_ALL: 'C'};
const aptUnattended = {DEBIAN_FRONTEND: 'noninteractive', ...aptInEnglish};

export const refreshListsAction: Action = {kind: 'run', title: 'Refresh package lists', argv: ['apt-get', '-y', 'update'], env: aptInEnglish, timeoutMs: minutes(10), progress: 'apt'};

// The article's machine (both roles, from the article's repository) installs its metapackage; any
// other role or source the packages of the services the role runs.
export function packagesToInstall(values: Values): string[] {
	const role = roleOf(values['node.role']);
	if (role === 'master+agent' && values['repo.source'] === 'article') return ['mesosphere'];
	return [...new Set(roleServices(role).map(service => packageOf[service]))];
}

// ZooKeeper's server package comes from the distribution itself, never from a Mesos source (the
// article's mesosphere depends on it): a source's index or folder is not asked for it.
const distributionPackages: readonly string[] = ['zookeeperd'];
export const sourcePackages = (values: Values): string[] => packagesToInstall(values).filter(name => !distributionPackages.includes(name));

// The services the installed packages ship, whether the role runs them or not: each is kept from
// starting at boot (an agent's mesos package brings mesos-master too).
export function installedServices(values: Values): ServiceName[] {
	return [...new Set(packagesToInstall(values).flatMap(name => packageServices[name] ?? []))];
}

export function installStep(values: Values): Step {
	const packages = packagesToInstall(values);
	// mesos recommends zookeeperd: an agent takes only what it depends on, so no ZooKeeper comes along.
	const recommends = roleOf(values['node.role']) === 'agent' ? ['--no-install-recommends'] : [];
	return {
		id: 'install',
		title: 'Install',
		summary: `Refreshes apt’s package lists and installs ${packages.join(', ')}${packages.includes('mesosphere') ? ': Mesos, Marathon, Chronos and ZooKeeper' : ''}${usesDocker(values) ? `, then Docker (${dockerPackage}) for the agent’s docker containerizer` : ''}.`,
		actions: [
			refreshListsAction,
			{
				kind: 'run',
				title: `Install ${packages.join(' ')}`,
				argv: ['apt-get', 'install', '-y', ...recommends, ...packages],
				env: aptUnattended,
				timeoutMs: minutes(30),
				progress: 'apt',
			},
			...(usesDocker(values) ? [dockerInstallAction] : []),
		],
	};
}

// Docker for the agent's docker containerizer, from the distribution's own packages: what it
// needs alone (containerd, runc, iptables), and never by removing another Docker (docker-ce
// conflicts with docker.io: --no-remove makes apt stop and say so instead).
const dockerInstallAction: Action = {
	kind: 'run',
	title: `Install Docker (${dockerPackage}, from the distribution)`,
	argv: ['apt-get', 'install', '-y', '--no-install-recommends', '--no-remove', dockerPackage],
	env: aptUnattended,
	timeoutMs: minutes(30),
	progress: 'apt',
};
