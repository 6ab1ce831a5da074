// The cluster file (JSON or YAML), read the strict way and checked whole before anything runs:
//   masters: [{name: m1, address: 10.77.0.11}, …]      an odd number, 1 to 7; role: master+agent allowed
//   agents:  [{name: a1, address: 10.77.0.21}, …]      role: agent (the default)
//   ssh:     {user: admin, port: 22, identity: ~/.ssh/id_ed25519}   optional; ~/.ssh/config applies
//   settings: {slave.containerizers: mesos}            answers for every node
// Every problem is named with its place in the file, the value and what is allowed. Pure.
import {answersIn} from './answers-document.js';
import {type Answers, answerEntries, checkAnswers} from './answers.js';
import {findDerivedSetting} from './cluster-derivation.js';
import {clusterValueProblems} from './cluster-values.js';
import {allowedMasterCounts, type Cluster, type ClusterNode, maxMasters, nameKey, type NodeRole, runsAgent, type SshAccess} from './cluster.js';
import {InputError} from './errors.js';
import {show} from './shown-value.js';
import {childPath, describeValue, parseStrictDocument, repeatedKeys, type StrictValue} from './strict-document.js';
import {isIpv4} from './validate.js';

const topKeys = ['masters', 'agents', 'ssh', 'settings'] as const;
const nodeKeys = ['name', 'address', 'role'] as const;
const sshKeys = ['user', 'port', 'identity'] as const;

// A name is a folder under --root DIR and the prefix of a node's lines: an RFC 1123 label.
const namePattern = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
// POSIX user names, as useradd takes them.
const userPattern = /^[a-z_][a-z0-9_-]{0,31}$/;

export const exampleClusterFile = `masters:
  - {name: m1, address: 10.0.0.11}
  - {name: m2, address: 10.0.0.12}
  - {name: m3, address: 10.0.0.13}
agents:
  - {name: a1, address: 10.0.0.21}
ssh: {user: admin}
settings: {slave.containerizers: mesos}
`;

type Reader = {file: string; problems: string[]};

const bad = (reader: Reader, at: string, value: string, allowed: string): void => {
	reader.problems.push(`${reader.file}: ${at}: ${value} is not allowed; ${allowed}.`);
};

function mappingEntries(reader: Reader, value: StrictValue, at: string, known: readonly string[], what: string): Map<string, StrictValue> | undefined {
	if (value.kind !== 'mapping') {
		bad(reader, at, describeValue(value), `give ${what}`);
		return undefined;
	}
	for (const key of repeatedKeys(value.entries)) reader.problems.push(`${reader.file}: ${childPath(at, key)} is given more than once; give it once.`);
	for (const [key] of value.entries) {
		if (!known.includes(key)) reader.problems.push(`${reader.file}: ${childPath(at, key)} is not a key the cluster file knows; ${at || 'the file'} may have ${known.join(', ')}.`);
	}
	return new Map(value.entries.filter(([key]) => known.includes(key)));
}

function text(reader: Reader, value: StrictValue | undefined, at: string, what: string): string | undefined {
	if (value === undefined) {
		reader.problems.push(`${reader.file}: ${at} is missing; give ${what}.`);
		return undefined;
	}
	if (value.kind !== 'text') {
		bad(reader, at, describeValue(value), `give ${what}`);
		return undefined;
	}
	return value.text.trim();
}

// A loopback, wildcard or multicast address cannot be reached by the other machines.
function addressProblem(address: string): string | undefined {
	if (!isIpv4(address)) return 'use the machine’s IPv4 address on the cluster’s network, such as 10.0.0.11 (it is written as the address the node advertises)';
	const [first = 0, , , last = 0] = address.split('.').map(Number);
	if (first === 0 || first === 127 || first >= 224 || last === 255) return 'use an address the other machines reach this one by (not loopback, 0.x, broadcast or multicast)';
	return undefined;
}

function readNode(reader: Reader, value: StrictValue, at: string, list: 'masters' | 'agents'): ClusterNode | undefined {
	const fields = mappingEntries(reader, value, at, nodeKeys, 'a machine as {name: m1, address: 10.0.0.11}');
	if (!fields) return undefined;
	const name = text(reader, fields.get('name'), childPath(at, 'name'), 'a name such as m1');
	const address = text(reader, fields.get('address'), childPath(at, 'address'), 'its IPv4 address such as 10.0.0.11');
	const roles: readonly NodeRole[] = list === 'masters' ? ['master', 'master+agent'] : ['agent'];
	const roleValue = fields.get('role');
	const role = roleValue === undefined ? roles[0] : text(reader, roleValue, childPath(at, 'role'), roles.join(' or '));
	let ok = name !== undefined && address !== undefined && role !== undefined;
	if (name !== undefined && !namePattern.test(name)) {
		bad(reader, childPath(at, 'name'), show(name), 'use letters, digits and hyphens, at most 63, not starting or ending with a hyphen (such as m1)');
		ok = false;
	}
	const addressWrong = address === undefined ? undefined : addressProblem(address);
	if (address !== undefined && addressWrong) {
		bad(reader, childPath(at, 'address'), show(address), addressWrong);
		ok = false;
	}
	if (role !== undefined && !(roles as readonly string[]).includes(role)) {
		const hint = list === 'agents' && role === 'master+agent' ? ' (a machine that is both is listed under masters with role: master+agent)' : '';
		bad(reader, childPath(at, 'role'), show(role), `under ${list} use ${roles.join(' or ')}${hint}`);
		ok = false;
	}
	return ok ? {name: name as string, address: address as string, role: role as NodeRole} : undefined;
}

function readNodes(reader: Reader, value: StrictValue | undefined, list: 'masters' | 'agents'): ClusterNode[] {
	// `agents:` with nothing after it lists none.
	if (value === undefined || (value.kind === 'text' && value.text === '')) return [];
	if (value.kind !== 'list') {
		bad(reader, list, describeValue(value), `give a list of machines, such as\n  ${list}:\n    - {name: ${list === 'masters' ? 'm1' : 'a1'}, address: 10.0.0.${list === 'masters' ? 11 : 21}}`);
		return [];
	}
	return value.items.flatMap((item, index) => readNode(reader, item, childPath(list, index), list) ?? []);
}

function readSsh(reader: Reader, value: StrictValue | undefined): SshAccess {
	if (value === undefined) return {};
	const fields = mappingEntries(reader, value, 'ssh', sshKeys, 'a mapping such as {user: admin, port: 22, identity: ~/.ssh/id_ed25519}');
	if (!fields) return {};
	const ssh: SshAccess = {};
	const user = fields.has('user') ? text(reader, fields.get('user'), 'ssh.user', 'a user name') : undefined;
	if (user !== undefined) {
		if (userPattern.test(user)) ssh.user = user;
		else bad(reader, 'ssh.user', show(user), 'use a user name of lower-case letters, digits, _ and - (such as admin); root needs no sudo, any other user sudo -n');
	}
	const port = fields.has('port') ? text(reader, fields.get('port'), 'ssh.port', 'a port number') : undefined;
	if (port !== undefined) {
		const number = /^\d{1,5}$/.test(port) ? Number(port) : 0;
		if (number >= 1 && number <= 65_535) ssh.port = number;
		else bad(reader, 'ssh.port', show(port), 'use a port number from 1 to 65535');
	}
	const identity = fields.has('identity') ? text(reader, fields.get('identity'), 'ssh.identity', 'the path of a private key') : undefined;
	if (identity !== undefined) {
		// It reaches ssh as one argument, never through a shell; a leading - would read as an option.
		if (identity !== '' && !identity.startsWith('-') && !/[\u0000-\u001f\u007f]/.test(identity)) ssh.identity = identity;
		else bad(reader, 'ssh.identity', show(identity), 'give the path of a private key, such as ~/.ssh/id_ed25519');
	}
	return ssh;
}

function readSettings(reader: Reader, value: StrictValue | undefined): Answers {
	if (value === undefined) return Object.create(null) as Answers;
	const given = answersIn(value, reader.file, 'settings');
	reader.problems.push(...given.problems);
	const allowed = Object.create(null) as Answers;
	for (const [id, raw] of answerEntries(given.answers)) {
		const derived = findDerivedSetting(id);
		if (!derived) {
			allowed[id] = raw;
			continue;
		}
		const why = derived.perNode ? 'it must differ from node to node, and' : 'it';
		reader.problems.push(`${reader.file}: ${childPath('settings', id)}: ${show(raw)} is not allowed; ${why} is derived from the machine list (${derived.how}): leave it out.`);
	}
	// Each value as the catalogue checks it (the ids are known: answersIn named the others).
	const checked = checkAnswers(allowed);
	reader.problems.push(...checked.problems.map(problem => `${reader.file}: settings: ${problem}`));
	return Object.assign(Object.create(null) as Answers, checked.answers);
}

function clusterProblems(reader: Reader, masters: ClusterNode[], agents: ClusterNode[]): void {
	const {file, problems} = reader;
	const count = masters.length;
	if (count === 0) problems.push(`${file}: masters: none are listed; list 1, 3, 5 or 7 machines that run ZooKeeper, the Mesos master and Marathon.`);
	else if (count % 2 === 0) {
		problems.push(
			`${file}: masters: ${count} are listed; use an odd number (${allowedMasterCounts.join(', ')}): an even ensemble survives no more failures than one node fewer (${count} masters need ${Math.floor(count / 2) + 1} to agree and so survive ${count / 2 - 1} failure${count / 2 - 1 === 1 ? '' : 's'}, as ${count - 1} ${count - 1 === 1 ? 'does' : 'do'}), and waits for one more machine on every write.`,
		);
	} else if (count > maxMasters) {
		problems.push(`${file}: masters: ${count} are listed; use at most ${maxMasters}: every ZooKeeper write waits for a majority of them, so more masters only slow the cluster down. List the others under agents.`);
	}
	const nodes = [...masters, ...agents];
	if (nodes.length > 0 && !nodes.some(node => runsAgent(node.role))) {
		problems.push(`${file}: agents: none are listed, so no machine would run tasks; list at least one under agents, or give a master role: master+agent.`);
	}
	// Every node is readable here, so masters[i] and agents[i] are the file's own entries.
	const places = [...masters.map((_, index) => childPath('masters', index)), ...agents.map((_, index) => childPath('agents', index))];
	for (const key of ['name', 'address'] as const) {
		const seen = new Map<string, number[]>();
		for (const [index, node] of nodes.entries()) {
			const same = key === 'name' ? nameKey(node.name) : node.address;
			seen.set(same, [...(seen.get(same) ?? []), index]);
		}
		for (const indexes of seen.values()) {
			if (indexes.length < 2) continue;
			const spellings = [...new Set(indexes.map(index => nodes[index]?.[key] ?? ''))];
			if (spellings.length > 1) {
				const entries = indexes.map(index => `${show(nodes[index]?.name ?? '')} (${places[index] ?? ''})`);
				problems.push(`${file}: the names ${entries.slice(0, -1).join(', ')} and ${entries.at(-1) ?? ''} differ only in case, and name one machine: a name is its folder under --root DIR and the name of its log, where case may not count; give every machine its own name.`);
				continue;
			}
			const hint = key === 'address' ? ' (a machine that is master and agent is listed once, under masters, with role: master+agent)' : '';
			problems.push(`${file}: the ${key} ${show(spellings[0] ?? '')} is given to ${indexes.length} machines; every machine needs its own ${key}${hint}.`);
		}
	}
}

export function clusterFromDocument(value: StrictValue | undefined, file: string): Cluster {
	const reader: Reader = {file, problems: []};
	if (value === undefined || value.kind !== 'mapping') {
		throw new InputError([`${file} must hold a mapping with masters, agents, ssh and settings, such as:\n${exampleClusterFile}`]);
	}
	const top = mappingEntries(reader, value, '', topKeys, 'masters, agents, ssh and settings') ?? new Map<string, StrictValue>();
	const masters = readNodes(reader, top.get('masters'), 'masters');
	const agents = readNodes(reader, top.get('agents'), 'agents');
	const ssh = readSsh(reader, top.get('ssh'));
	const settings = readSettings(reader, top.get('settings'));
	// Counting and comparing machines means something only once each one is readable.
	if (reader.problems.length === 0) clusterProblems(reader, masters, agents);
	if (reader.problems.length > 0) throw new InputError(reader.problems);
	const cluster = {nodes: [...masters, ...agents], ssh, settings};
	// Settings that do not hold together on the nodes (a folder source with no folder): named once,
	// as the file's settings.ID, not on whichever node a plan reached first.
	const clashes = clusterValueProblems(cluster);
	if (clashes.length > 0) throw new InputError(clashes.map(problem => `${file}: ${problem}`));
	return cluster;
}

export const parseClusterFile = (text: string, file: string): Cluster => clusterFromDocument(parseStrictDocument(text, file), file);

// The cluster as a file a person can read and edit (the screens save the machine list this way);
// parseClusterFile reads it back to the same cluster. Values are quoted where YAML would read them
// otherwise, so the file says what the screens meant.
const yamlText = (value: string): string => (/^[A-Za-z0-9._/~+-][A-Za-z0-9._/~+@-]*$/.test(value) && !/^[-?]/.test(value) ? value : JSON.stringify(value));

export function clusterFileText(cluster: Cluster): string {
	const node = (each: ClusterNode, defaultRole: NodeRole) =>
		`  - {name: ${yamlText(each.name)}, address: ${yamlText(each.address)}${each.role === defaultRole ? '' : `, role: ${yamlText(each.role)}`}}`;
	const masters = cluster.nodes.filter(each => each.role !== 'agent');
	const agents = cluster.nodes.filter(each => each.role === 'agent');
	const ssh = Object.entries(cluster.ssh).map(([key, value]) => `${key}: ${yamlText(String(value))}`);
	const settings = Object.entries(cluster.settings).map(([id, value]) => `  ${yamlText(id)}: ${yamlText(value)}`);
	return [
		'# mesos-setup cluster file: mesos-setup cluster setup|plan|status|undo FILE',
		'masters:',
		...masters.map(each => node(each, 'master')),
		...(agents.length > 0 ? ['agents:', ...agents.map(each => node(each, 'agent'))] : []),
		...(ssh.length > 0 ? [`ssh: {${ssh.join(', ')}}`] : []),
		...(settings.length > 0 ? ['settings:', ...settings] : []),
		'',
	].join('\n');
}
