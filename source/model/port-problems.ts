// Two services of this machine's role on one port: the second cannot start, and the preflight,
// which asks whether each port is free before anything runs, would find it free for both. Only the
// master's port is a setting; the others are the packages' own (services.ts), and none is 5050. Pure.
import type {Problem, Values} from './answers.js';
import {roleOf, roleServices} from './roles.js';
import {servicePorts} from './services.js';
import type {SettingId} from './settings.js';

export function portProblems(values: Values, name: (id: SettingId) => string = id => id): Problem[] {
	const services = roleServices(roleOf(values['node.role']));
	if (!services.includes('mesos-master')) return [];
	const ports = servicePorts(values);
	const port = Number(values['master.port']);
	const taken = services.filter(service => service !== 'mesos-master').flatMap(service => ports[service]).find(([other]) => other === port);
	if (!taken) return [];
	return [{settings: ['master.port', 'node.role'], text: `${name('master.port')}: ${port} is the port of ${taken[1]} on this machine (its role, ${values['node.role']}, runs both); use another, such as 5050.`}];
}
