// The plan: the only list of commands mesos-setup runs and files it writes, in order. The wizard,
// `plan`, `plan --script`, `--yes`, `edit` and the tests all read the same plan.
import type {Values} from './answers.js';
import type {Facts} from './facts.js';
import {envText, type KeyEdit, wholeFileContent} from './file-formats.js';
import {
	disableAtBootCommand,
	logFiles,
	overriddenServices,
	overridePath,
	serviceCommand,
	type ServiceName,
	startOrder,
} from './services.js';
import {type Setting, settings, zooCfgExtras, zookeeperLoggingFiles} from './settings.js';
import {zooCfgSample} from './zookeeper-sample.js';
import {parseServers} from './validate.js';

export type StepId = 'preflight' | 'key' | 'repository' | 'install' | 'overrides' | 'configuration' | 'start';

export type Probe = {kind: 'zookeeper'; host: string; port: number} | {kind: 'http'; url: string; expect: 'ok' | 'pong'};

export type Check =
	| {kind: 'root'}
	| {kind: 'apt'}
	| {kind: 'hosts-loopback'}
	| {kind: 'port-free'; port: number; owner: string}
	| {kind: 'disk'; path: string; minMegabytes: number}
	| {kind: 'command'; name: string; why: string}
	| {kind: 'reachable'; url: string; what: string};

export type FileEdit =
	| {format: 'whole'; content: string; copyOf?: string}
	| {format: 'env'; keys: KeyEdit[]}
	// `base`: what the file starts from where none exists (the package's sample).
	| {format: 'properties'; keys: KeyEdit[]; servers?: KeyEdit[]; base?: string};

export type Action =
	| {kind: 'check'; title: string; check: Check}
	| {kind: 'import-key'; title: string; method: 'apt-key' | 'keyring'; keyserver: string; fingerprint: string; keyring: string}
	| {kind: 'run'; title: string; argv: string[]; timeoutMs: number; env?: Record<string, string>; progress?: 'apt'}
	| {kind: 'file'; title: string; path: string; settings: string[]; edit: FileEdit; mode: number; notes: string[]; restarts: ServiceName[]}
	| {
			kind: 'service';
			title: string;
			service: ServiceName;
			op: 'start' | 'restart';
			argv: string[];
			probe: Probe;
			deadlineMs: number;
			logFiles: string[];
	  };

export type Step = {id: StepId; title: string; summary: string; actions: Action[]};

export type Plan = {steps: Step[]; facts: Facts; values: Values};

export const keyringPath = '/usr/share/keyrings/mesosphere-archive-keyring.gpg';
export const sourceListPath = '/etc/apt/sources.list.d/mesosphere.list';

export function keyMethod(values: Values, facts: Facts): 'apt-key' | 'keyring' {
	const chosen = values['repo.keyMethod'];
	if (chosen === 'apt-key' || chosen === 'keyring') return chosen;
	return facts.aptKey === 'present' ? 'apt-key' : 'keyring';
}

export function sourceLine(values: Values, facts: Facts): string {
	const signedBy = keyMethod(values, facts) === 'keyring' ? `[signed-by=${keyringPath}] ` : '';
	return `deb ${signedBy}${values['repo.url']}/${facts.distro} ${facts.codename} main`;
}

function preflight(values: Values): Step {
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
		check: {kind: 'disk', path: values['master.work_dir'] ?? '/var/lib/mesos', minMegabytes: 1024},
	});
	if ((values['slave.containerizers'] ?? '').includes('docker')) {
		checks.push({
			kind: 'check',
			title: 'Docker is installed',
			check: {kind: 'command', name: 'docker', why: 'the agent’s containerizers include docker'},
		});
	}
	checks.push(
		{kind: 'check', title: 'The package repository answers', check: {kind: 'reachable', url: values['repo.url'] ?? '', what: 'repository'}},
		{
			kind: 'check',
			title: 'The key server answers',
			check: {kind: 'reachable', url: keyserverUrl(values['repo.keyserver'] ?? ''), what: 'key server'},
		},
	);
	return {
		id: 'preflight',
		title: 'Preflight',
		summary: 'Looks at this machine before anything changes: nothing is written.',
		actions: checks,
	};
}

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

function keyStep(values: Values, facts: Facts): Step {
	const method = keyMethod(values, facts);
	return {
		id: 'key',
		title: 'Repository key',
		summary:
			method === 'apt-key'
				? 'Fetches the Mesosphere signing key, checks its full fingerprint, then adds it with apt-key as the article does.'
				: `Fetches the Mesosphere signing key, checks its full fingerprint, then saves it to ${keyringPath} for this repository only.`,
		actions: [
			{
				kind: 'import-key',
				title: `Import key ${values['repo.key']} from ${values['repo.keyserver']}`,
				method,
				keyserver: values['repo.keyserver'] ?? '',
				fingerprint: values['repo.key'] ?? '',
				keyring: keyringPath,
			},
		],
	};
}

function repositoryStep(values: Values, facts: Facts): Step {
	return {
		id: 'repository',
		title: 'Repository',
		summary: `Adds the Mesosphere repository for ${facts.distro} ${facts.codename} to apt’s sources.`,
		actions: [
			{
				kind: 'file',
				title: 'Mesosphere apt source',
				path: sourceListPath,
				settings: ['repo.url'],
				edit: {format: 'whole', content: wholeFileContent(sourceLine(values, facts))},
				mode: 0o644,
				notes: [],
				restarts: [],
			},
		],
	};
}

const minutes = (n: number): number => n * 60_000;

function installStep(): Step {
	return {
		id: 'install',
		title: 'Install',
		summary: 'Refreshes apt’s package lists and installs mesosphere: Mesos, Marathon, Chronos and ZooKeeper.',
		actions: [
			{kind: 'run', title: 'Refresh package lists', argv: ['apt-get', '-y', 'update'], timeoutMs: minutes(10), progress: 'apt'},
			{
				kind: 'run',
				title: 'Install mesosphere',
				argv: ['apt-get', 'install', '-y', 'mesosphere'],
				env: {DEBIAN_FRONTEND: 'noninteractive'},
				timeoutMs: minutes(30),
				progress: 'apt',
			},
		],
	};
}

function overridesStep(facts: Facts): Step {
	const actions: Action[] = overriddenServices.map((service): Action => {
		const argv = disableAtBootCommand(facts.init, service);
		if (argv) return {kind: 'run', title: `Do not start ${service} at boot`, argv, timeoutMs: minutes(1)};
		return {
			kind: 'file',
			title: `Do not start ${service} at boot`,
			path: overridePath(service),
			settings: [],
			edit: {format: 'whole', content: wholeFileContent('manual')},
			mode: 0o644,
			notes: ['upstart reads “manual” here and leaves the service to be started by hand.'],
			restarts: [],
		};
	});
	return {
		id: 'overrides',
		title: 'Service overrides',
		summary: 'The packages start every service at boot; the article keeps them manual, so you start them when you choose.',
		actions,
	};
}

function settingsByFile(facts: Facts): Map<string, Setting[]> {
	const files = new Map<string, Setting[]>();
	for (const setting of settings) {
		const location = setting.location(facts);
		if (!location) continue;
		files.set(location.path, [...(files.get(location.path) ?? []), setting]);
	}
	return files;
}

// The file actions for the given settings (every file when `only` is undefined), in catalogue order.
export function fileActions(values: Values, facts: Facts, only?: ReadonlySet<string>): Action[] {
	const actions: Action[] = [];
	for (const [path, group] of settingsByFile(facts)) {
		const chosen = only ? group.filter(s => only.has(s.id)) : group;
		if (chosen.length === 0) continue;
		actions.push(fileAction(path, chosen, values, facts));
		if (path === '/etc/zookeeper/conf/myid') {
			const myidCopy = myidInDataDir(values);
			if (myidCopy) actions.push(myidCopy);
		}
		if (path === '/etc/zookeeper/conf/zoo.cfg' && !only && facts.zookeeperLogging === 'needs-binding') actions.push(...zookeeperLogging());
	}
	return actions;
}

function zookeeperLogging(): Action[] {
	const {environment, properties} = zookeeperLoggingFiles;
	return [
		{
			kind: 'file',
			title: 'ZooKeeper logging binding',
			path: environment.path,
			settings: [],
			edit: {format: 'env', keys: [{key: environment.key, text: envText(environment.value)}]},
			mode: 0o644,
			notes: [environment.why],
			restarts: ['zookeeper'],
		},
		{
			kind: 'file',
			title: 'ZooKeeper log file',
			path: properties.path,
			settings: [],
			edit: {format: 'whole', content: properties.content},
			mode: 0o644,
			notes: [properties.why],
			restarts: ['zookeeper'],
		},
	];
}

// ZooKeeper reads myid from its dataDir. Debian links /var/lib/zookeeper/myid to the conf one;
// anywhere else the id must be written there too, or an ensemble will not form.
function myidInDataDir(values: Values): Action | undefined {
	const dataDir = values['zookeeper.dataDir'];
	if (!dataDir || dataDir === '/var/lib/zookeeper') return undefined;
	return {
		kind: 'file',
		title: 'ZooKeeper id in its data directory',
		path: `${dataDir}/myid`,
		settings: ['zookeeper.myid', 'zookeeper.dataDir'],
		edit: {format: 'whole', content: wholeFileContent(values['zookeeper.myid'] ?? '1')},
		mode: 0o644,
		notes: [`ZooKeeper reads myid from dataDir (${dataDir}), not from /etc/zookeeper/conf.`],
		restarts: ['zookeeper'],
	};
}

function fileAction(path: string, group: Setting[], values: Values, facts: Facts): Action {
	const ids = group.map(s => s.id);
	const title = group.length === 1 ? (group[0]?.label ?? path) : path;
	const restarts = startOrder.filter(service => group.some(s => s.restarts.includes(service)));
	const base = {kind: 'file' as const, title, path, settings: ids, mode: 0o644, restarts};
	const first = group[0];
	const storage = first?.location(facts)?.storage;
	if (group.length === 1 && first && storage?.kind === 'whole') {
		const value = values[first.id] ?? '';
		// The article copies /etc/mesos/zk to Marathon's master file; a script can do the same.
		const copyOf = first.derivedFrom && value === values[first.derivedFrom] ? locationOf(first.derivedFrom, facts) : undefined;
		return {...base, edit: {format: 'whole', content: wholeFileContent(value), ...(copyOf ? {copyOf} : {})}, notes: []};
	}
	if (path === '/etc/zookeeper/conf/zoo.cfg') {
		const servers = (parseServers(values['zookeeper.servers'] ?? '') ?? []).map(s => ({
			key: `server.${s.id}`,
			text: `${s.host}:${s.peerPort}:${s.electionPort}`,
		}));
		const keys: KeyEdit[] = [{key: 'dataDir', text: values['zookeeper.dataDir'] ?? ''}, ...zooCfgExtras.map(e => ({key: e.key, text: e.value}))];
		return {...base, edit: {format: 'properties', keys, servers, base: zooCfgSample}, notes: zooCfgExtras.map(e => `${e.key}=${e.value}: ${e.why}`)};
	}
	const keys = group.map(s => {
		const location = s.location(facts);
		const key = location?.storage.kind === 'env' ? location.storage.key : s.id;
		return {key, text: envText(values[s.id] ?? '')};
	});
	return {...base, edit: {format: 'env', keys}, notes: []};
}

function locationOf(id: string, facts: Facts): string | undefined {
	const location = settings.find(s => s.id === id)?.location(facts);
	return location?.storage.kind === 'whole' ? location.path : undefined;
}

function configurationStep(values: Values, facts: Facts): Step {
	return {
		id: 'configuration',
		title: 'Configuration',
		summary: 'Writes each configuration file in the article’s order; edited files keep every other line.',
		actions: fileActions(values, facts),
	};
}

export function probeFor(service: ServiceName, values: Values): Probe {
	switch (service) {
		case 'zookeeper':
			return {kind: 'zookeeper', host: '127.0.0.1', port: 2181};
		case 'mesos-master':
			return {kind: 'http', url: `http://127.0.0.1:${values['master.port']}/master/health`, expect: 'ok'};
		case 'mesos-slave':
			return {kind: 'http', url: `http://${values['slave.ip']}:5051/health`, expect: 'ok'};
		case 'marathon':
		case 'chronos':
			return {kind: 'http', url: 'http://127.0.0.1:8080/ping', expect: 'pong'};
	}
}

export function serviceLogFiles(service: ServiceName, values: Values): string[] {
	if (service === 'mesos-master' || service === 'mesos-slave') {
		const dir = values['mesos.logs'] ?? '/var/log/mesos';
		return [`${dir}/${service}.INFO`, `${dir}/${service}.log`, ...logFiles[service]];
	}
	return logFiles[service];
}

// The JVM services take a while to open their ports; the Mesos daemons are quick.
const probeDeadline: Record<ServiceName, number> = {
	zookeeper: 60_000,
	'mesos-master': 45_000,
	'mesos-slave': 45_000,
	marathon: 90_000,
	chronos: 90_000,
};

export function serviceAction(service: ServiceName, op: 'start' | 'restart', values: Values): Action {
	return {
		kind: 'service',
		title: `${op === 'start' ? 'Start' : 'Restart'} ${service}`,
		service,
		op,
		argv: serviceCommand(service, op),
		probe: probeFor(service, values),
		deadlineMs: probeDeadline[service],
		logFiles: serviceLogFiles(service, values),
	};
}

function startStep(values: Values): Step {
	return {
		id: 'start',
		title: 'Start services',
		summary: 'Starts ZooKeeper, the Mesos master, the Mesos agent and Marathon in that order, each checked healthy before the next.',
		actions: startOrder.map(service => serviceAction(service, 'start', values)),
	};
}

export function buildPlan(values: Values, facts: Facts): Plan {
	return {
		facts,
		values,
		steps: [
			preflight(values),
			keyStep(values, facts),
			repositoryStep(values, facts),
			installStep(),
			overridesStep(facts),
			configurationStep(values, facts),
			startStep(values),
		],
	};
}

// The services a set of changed settings asks to restart, in start order.
export function servicesToRestart(changed: Iterable<string>): ServiceName[] {
	const wanted = new Set<ServiceName>();
	for (const id of changed) for (const service of settings.find(s => s.id === id)?.restarts ?? []) wanted.add(service);
	return startOrder.filter(s => wanted.has(s));
}

// Repository settings live in no /etc file of their own: a change to them re-trusts the key and
// rewrites the source list as the setup does, then refreshes apt's lists so the change is tried.
function repositoryChange(values: Values, facts: Facts, changed: ReadonlySet<string>): Action[] {
	const key = ['repo.key', 'repo.keyserver', 'repo.keyMethod'].some(id => changed.has(id)) ? keyStep(values, facts).actions : [];
	const list = ['repo.url', 'repo.keyMethod'].some(id => changed.has(id)) ? repositoryStep(values, facts).actions : [];
	if (key.length + list.length === 0) return [];
	const update = installStep().actions.filter(action => action.kind === 'run' && action.argv.includes('update'));
	return [...key, ...list, ...update];
}

// Editing settings later: only their files, then a restart of the services they affect.
export function buildChangePlan(values: Values, facts: Facts, changed: ReadonlySet<string>): Plan {
	const restart = servicesToRestart(changed);
	return {
		facts,
		values,
		steps: [
			{
				id: 'configuration',
				title: 'Configuration',
				summary: 'Writes the files that hold the changed settings.',
				actions: [...repositoryChange(values, facts, changed), ...fileActions(values, facts, changed)],
			},
			{
				id: 'start',
				title: 'Restart services',
				summary: restart.length > 0 ? `Restarts ${restart.join(', ')} so the change takes effect.` : 'No service needs a restart.',
				actions: restart.map(service => serviceAction(service, 'restart', values)),
			},
		],
	};
}
