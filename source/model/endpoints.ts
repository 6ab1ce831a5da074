// Where status and a restart look for each service: the plan's probes' addresses (from the
// settings), which a test or the status screen may move elsewhere.
import type {Values} from './answers.js';
import {type Probe, probeFor} from './plan.js';
import {roleOf, runsMaster} from './roles.js';
import type {ServiceName} from './services.js';

// Base URLs (scheme, host and port) of the HTTP services, and ZooKeeper's client address.
export type Endpoints = {
	zookeeper: {host: string; port: number};
	master: string;
	agent: string;
	marathon: string;
};

const httpBase = (probe: Probe): string => (probe.kind === 'http' ? new URL(probe.url).origin : '');

export function endpointsFor(values: Values, overrides: Partial<Endpoints> = {}): Endpoints {
	const zookeeper = probeFor('zookeeper', values);
	return {
		zookeeper: zookeeper.kind === 'zookeeper' ? {host: zookeeper.host, port: zookeeper.port} : {host: '127.0.0.1', port: 2181},
		master: httpBase(probeFor('mesos-master', values)),
		agent: httpBase(probeFor('mesos-slave', values)),
		marathon: httpBase(probeFor('marathon', values)),
		...overrides,
	};
}

// The plan's probe for a service, moved to the given endpoints (same path, same expectation).
export function statusProbe(service: ServiceName, values: Values, endpoints: Endpoints): Probe {
	const probe = probeFor(service, values);
	if (probe.kind === 'zookeeper') return {...probe, ...endpoints.zookeeper};
	const base = service === 'mesos-master' ? endpoints.master : service === 'mesos-slave' ? endpoints.agent : endpoints.marathon;
	const url = new URL(probe.url);
	return {...probe, url: `${base}${url.pathname}${url.search}`};
}

export type WebPage = {name: string; url: string};

// Where a person opens what this machine runs, said as a setup ends (setup --yes, the script, the
// wizard's last page): a master's Mesos and Marathon pages; an agent has neither, only its own endpoint.
export function pagesServed(values: Values): WebPage[] {
	const {master, agent, marathon} = endpointsFor(values);
	return runsMaster(roleOf(values['node.role'])) ? [{name: 'Mesos master', url: master}, {name: 'Marathon', url: marathon}] : [{name: 'Mesos agent', url: agent}];
}

export const pagesOnTheMasters = '(the Mesos and Marathon pages are on the masters)';

// The same as one line.
export function webPages(values: Values): string {
	const line = pagesServed(values).map(page => `${page.name}: ${page.url}`).join('   ');
	return runsMaster(roleOf(values['node.role'])) ? line : `${line} ${pagesOnTheMasters}`;
}
