// Preflight: looks at the machine before anything changes; nothing is written.
import type {Values} from '../answers.js';
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

export function preflightStep(values: Values): Step {
	const checks: Action[] = [
		{kind: 'check', title: 'Running as root', check: {kind: 'root'}},
		{kind: 'check', title: 'A Debian-family system with apt', check: {kind: 'apt'}},
		{kind: 'check', title: 'This host name does not resolve to 127.0.1.1', check: {kind: 'hosts-loopback'}},
	];
	const ports: [number, string][] = [
		[2181, 'ZooKeeper clients'],
		[2888, 'ZooKeeper peers'],
		[3888, 'ZooKeeper leader election'],
		[Number(values['master.port']), 'the Mesos master'],
		[5051, 'the Mesos agent'],
		[8080, 'Marathon'],
	];
	for (const [port, owner] of ports) {
		checks.push({kind: 'check', title: `Port ${port} is free for ${owner}`, check: {kind: 'port-free', port, owner}});
	}
	checks.push({
		kind: 'check',
		title: `At least 1 GB free under ${values['master.work_dir']}`,
		check: {kind: 'disk', path: values['master.work_dir'], minMegabytes: 1024},
	});
	if (values['slave.containerizers'].includes('docker')) {
		checks.push({
			kind: 'check',
			title: 'Docker is installed',
			check: {kind: 'command', name: 'docker', why: 'the agent’s containerizers include docker'},
		});
	}
	checks.push(
		{kind: 'check', title: 'The package repository answers', check: {kind: 'reachable', url: values['repo.url'], what: 'repository'}},
		{
			kind: 'check',
			title: 'The key server answers',
			check: {kind: 'reachable', url: keyserverUrl(values['repo.keyserver']), what: 'key server'},
		},
	);
	return {
		id: 'preflight',
		title: 'Preflight',
		summary: 'Looks at this machine before anything changes: nothing is written.',
		actions: checks,
	};
}
