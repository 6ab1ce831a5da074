// Services: how each is started or restarted, the probe that says it is healthy, how long it may
// take, and where its log is.
import type {Values} from '../answers.js';
import {logFiles} from '../files.js';
import type {InitSystem} from '../facts.js';
import {roleOf, roleServices} from '../roles.js';
import {logsToJournal, serviceCommand, type ServiceName, startOrder} from '../services.js';
import {findSetting, type SettingId} from '../settings.js';
import type {Action, Probe, ServiceLog, Step} from './types.js';

export function probeFor(service: ServiceName, values: Values): Probe {
	switch (service) {
		case 'zookeeper':
			return {kind: 'zookeeper', host: '127.0.0.1', port: 2181};
		// A master given an address (master.ip) listens there alone, as the agent does on slave.ip;
		// without one, or given 0.0.0.0, it listens on every address, loopback too.
		case 'mesos-master': {
			const ip = values['master.ip'];
			return {kind: 'http', url: `http://${ip === '' || ip === '0.0.0.0' ? '127.0.0.1' : ip}:${values['master.port']}/master/health`, expect: 'ok'};
		}
		case 'mesos-slave':
			return {kind: 'http', url: `http://${values['slave.ip']}:5051/health`, expect: 'ok'};
		case 'marathon':
		case 'chronos':
			return {kind: 'http', url: 'http://127.0.0.1:8080/ping', expect: 'pong'};
	}
}

// The Mesos daemons log under mesos.logs first; the package's own places after. Under systemd the
// packages' units log to the journal, read first.
export function serviceLog(service: ServiceName, values: Values, init: InitSystem): ServiceLog {
	const dir = values['mesos.logs'];
	const files = service === 'mesos-master' || service === 'mesos-slave' ? [`${dir}/${service}.INFO`, `${dir}/${service}.log`, ...logFiles[service]] : logFiles[service];
	return {journal: logsToJournal(init, service) ? service : null, files};
}

// The JVM services take a while to open their ports; the Mesos daemons are quick.
const probeDeadline: Record<ServiceName, number> = {
	zookeeper: 60_000,
	'mesos-master': 45_000,
	'mesos-slave': 45_000,
	marathon: 90_000,
	chronos: 90_000,
};

export function serviceAction(service: ServiceName, op: 'start' | 'restart', values: Values, init: InitSystem): Action {
	return {
		kind: 'service',
		title: `${op === 'start' ? 'Start' : 'Restart'} ${service}`,
		service,
		op,
		argv: serviceCommand(init, service, op),
		probe: probeFor(service, values),
		deadlineMs: probeDeadline[service],
		log: serviceLog(service, values, init),
	};
}

const serviceWords: Record<ServiceName, string> = {
	zookeeper: 'ZooKeeper',
	'mesos-master': 'the Mesos master',
	'mesos-slave': 'the Mesos agent',
	marathon: 'Marathon',
	chronos: 'Chronos',
};

function listed(words: readonly string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

// Only the services of this machine's role, in start order.
export function startStep(values: Values, init: InitSystem): Step {
	const services = roleServices(roleOf(values['node.role']));
	const order = services.length > 1 ? ' in that order, each checked healthy before the next' : ', checked healthy';
	return {
		id: 'start',
		title: 'Start services',
		summary: `Starts ${listed(services.map(service => serviceWords[service]))}${order}.`,
		actions: services.map(service => serviceAction(service, 'start', values, init)),
	};
}

// The services a set of changed settings asks to restart, in start order: only those this
// machine's role runs (an agent's master.port lives in no file it reads).
export function servicesToRestart(changed: Iterable<SettingId>, values: Values): ServiceName[] {
	const runs = roleServices(roleOf(values['node.role']));
	const wanted = new Set<ServiceName>();
	for (const id of changed) for (const service of findSetting(id).restarts) wanted.add(service);
	return startOrder.filter(s => wanted.has(s) && runs.includes(s));
}
