// Preflight: looks at the machine before anything changes; nothing is written.
import type {Values} from '../answers.js';
import {usesDocker} from '../docker.js';
import type {Facts} from '../facts.js';
import {sourceOf} from '../repository-settings.js';
import {roleOf, roleServices, runsMaster} from '../roles.js';
import {servicePorts} from '../services.js';
import {sourcePackages} from './install.js';
import {suiteOf} from './repository.js';
import type {Action, Check, Step} from './types.js';

// A rehearsal (a sandbox root) runs every check that only reads this machine: its ports, the
// repository and key server, the disk, the host name. Whether this machine could run the setup
// itself (root, apt) is a real run's question alone, and the rehearsal says it leaves it.
export const realRunOnly = (check: Check): boolean => check.kind === 'root' || check.kind === 'apt';

// gpg speaks HKP on port 11371 to a bare host name; HTTP reachability is checked the same way.
export function keyserverUrl(keyserver: string): string {
	if (/^hkps:\/\//.test(keyserver)) return keyserver.replace(/^hkps:/, 'https:');
	if (/^hkp:\/\//.test(keyserver)) {
		const url = keyserver.replace(/^hkp:/, 'http:');
		return /:\d+$/.test(url) ? url : `${url}:11371`;
	}
	if (/^https?:\/\//.test(keyserver)) return keyserver;
	return `http://${keyserver}:11371`;
}

// The package source answers, holds this machine's suite and the packages its role installs, and
// its key can be fetched; a folder holds a mesos package. Before anything changes.
function sourceChecks(values: Values, facts: Facts): Action[] {
	const packages = sourcePackages(values);
	const source = sourceOf(values);
	if (source === 'folder') {
		return [
			{kind: 'check', title: `${values['repo.folder']} holds the Mesos packages`, check: {kind: 'deb-folder', path: values['repo.folder'], packages}},
			{kind: 'check', title: 'apt-ftparchive is installed', check: {kind: 'command', name: 'apt-ftparchive', why: 'it indexes the folder of .deb files (apt-get install apt-utils)'}},
		];
	}
	const url = values['repo.url'];
	const index =
		source === 'article'
			? {where: `${url}/${facts.distro}`, dists: `${url}/${facts.distro}/dists/${facts.codename}`, suite: facts.codename, component: 'main'}
			: {where: url, dists: `${url}/dists/${suiteOf(values, facts)}`, suite: suiteOf(values, facts), component: values['repo.component']};
	const key: Action =
		source === 'apt' && values['repo.keyUrl']
			? {kind: 'check', title: 'The key URL answers', check: {kind: 'reachable', url: values['repo.keyUrl'], what: 'key URL'}}
			: {kind: 'check', title: 'The key server answers', check: {kind: 'reachable', url: keyserverUrl(values['repo.keyserver']), what: 'key server'}};
	return [
		{kind: 'check', title: 'The package repository answers', check: {kind: 'reachable', url, what: 'repository'}},
		{kind: 'check', title: `The repository holds ${packages.join(', ')} for ${facts.distro} ${index.suite}`, check: {kind: 'source-index', ...index, codename: facts.codename, packages}},
		...(source === 'apt' && values['repo.keyFile'] ? [] : [key]),
	];
}

export function preflightStep(values: Values, facts: Facts): Step {
	const checks: Action[] = [
		{kind: 'check', title: 'Running as root', check: {kind: 'root'}},
		{kind: 'check', title: 'A Debian-family system with apt', check: {kind: 'apt'}},
		{kind: 'check', title: 'This host name does not resolve to 127.0.1.1', check: {kind: 'hosts-loopback'}},
	];
	const role = roleOf(values['node.role']);
	const ports = servicePorts(values);
	for (const [port, owner] of roleServices(role).flatMap(service => ports[service])) {
		checks.push({kind: 'check', title: `Port ${port} is free for ${owner}`, check: {kind: 'port-free', port, owner}});
	}
	if (runsMaster(role)) {
		checks.push({
			kind: 'check',
			title: `At least 1 GB free under ${values['master.work_dir']}`,
			check: {kind: 'disk', path: values['master.work_dir'], minMegabytes: 1024},
		});
	}
	// The install step adds docker.io; its daemon must answer before the agent starts.
	if (usesDocker(values)) checks.push({kind: 'check', title: 'Docker answers docker version', check: {kind: 'docker', installs: true}});
	checks.push(...sourceChecks(values, facts));
	return {
		id: 'preflight',
		title: 'Preflight',
		summary: 'Looks at this machine before anything changes: nothing is written.',
		actions: checks,
	};
}
