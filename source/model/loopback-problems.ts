// What a machine of one role would look for, or tell the others, that only it can reach. An
// agent-only machine runs no ZooKeeper and no master: a ZooKeeper URL of loopback hosts finds
// nothing, and its masters, on other machines, reach it at the address and name it advertises. A
// master-only machine's agents are on other machines too, and reach it at its advertised address.
// The single-machine master+agent (the article's laptop) is none of these: loopback is right there.
// Checked with the other rules across settings (consistencyProblems), so the wizard's list and
// pages, setup --yes, plan and edit refuse it before anything is written. Pure.
import type {Problem, Values} from './answers.js';
import {roleOf} from './roles.js';
import type {SettingId} from './settings.js';
import {show} from './shown-value.js';
import {isIpv4} from './validate.js';
import {zkHosts} from './zk-url.js';

// The names every Debian /etc/hosts gives loopback, and RFC 6761's .localhost.
const loopbackNames = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback']);

export function isLoopbackHost(host: string): boolean {
	const name = host.toLowerCase();
	return (isIpv4(name) && name.startsWith('127.')) || loopbackNames.has(name) || name.endsWith('.localhost');
}

const zkExample = 'zk://MASTER:2181/mesos, MASTER being a master’s address (zk://M1:2181,M2:2181,M3:2181/mesos for three)';

// How the others use what a machine advertises, by setting.
const reachedBy = {
	'slave.ip': 'its masters are on other machines and reach the agent at this address',
	'slave.hostname': 'the masters and frameworks on other machines reach the agent by this name (its tasks’ addresses, the links to its sandboxes)',
	'master.ip': 'its agents are on other machines and reach the master at this address',
	'master.hostname': 'its agents and frameworks on other machines reach the master by this name (and the links of its web UI)',
} as const satisfies Partial<Record<SettingId, string>>;

// `name` says a setting as the reader knows it (its id on the command line, its label in the wizard).
export function loopbackProblems(values: Values, name: (id: SettingId) => string = id => id): Problem[] {
	const role = roleOf(values['node.role']);
	const advertised = (ids: readonly (keyof typeof reachedBy)[], example: string, orElse = ''): Problem[] =>
		ids
			.filter(id => values[id] !== '' && isLoopbackHost(values[id]))
			.map(id => ({
				settings: [id, 'node.role'],
				text: `${name(id)}: ${show(values[id])} is this machine only to itself, but this machine’s role is ${role}: ${reachedBy[id]}; set ${name(id)} to this machine’s address on the cluster’s network, such as ${example}${orElse}.`,
			}));
	if (role === 'master') return advertised(['master.ip', 'master.hostname'], '10.0.0.11', ', or leave it empty (the master picks its own)');
	if (role !== 'agent') return [];
	const problems: Problem[] = [];
	const why = 'but this machine’s role is agent: it runs no ZooKeeper and no master, they are on other machines';
	const zk = (['mesos.zk', 'slave.master'] as const).filter(id => zkHosts(values[id]).every(isLoopbackHost));
	// The agent's master follows the Mesos ZooKeeper URL: one problem, mended by setting that one.
	const together = zk.length === 2 && values['mesos.zk'] === values['slave.master'];
	if (together) {
		problems.push({settings: ['mesos.zk', 'slave.master', 'node.role'], text: `${name('mesos.zk')}: ${show(values['mesos.zk'])} names only this machine, ${why}; set ${name('mesos.zk')} to the masters’ ZooKeeper, such as ${zkExample}; ${name('slave.master')} follows it.`});
	}
	for (const id of together ? [] : zk) {
		problems.push({settings: [id, 'node.role'], text: `${name(id)}: ${show(values[id])} names only this machine, ${why}; set ${name(id)} to the masters’ ZooKeeper, such as ${zkExample}.`});
	}
	return [...problems, ...advertised(['slave.ip', 'slave.hostname'], '10.0.0.21')];
}
