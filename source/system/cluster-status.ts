// One snapshot of everything the status screen shows: every service's init state, health probe
// and log tail, and the cluster summary. Nothing here throws: what does not answer is shown with
// its error. The addresses come from the settings (model/endpoints.ts), and a test can point them elsewhere.
import type {Values} from '../model/answers.js';
import {type Fetched, summarizeCluster} from '../model/cluster-summary.js';
import {dockerNotAsked, usesDocker} from '../model/docker.js';
import {errorMessage} from '../model/errors.js';
import {type Endpoints, endpointsFor, statusProbe} from '../model/endpoints.js';
import {serviceLog} from '../model/plan.js';
import {roleOf, roleServices} from '../model/roles.js';
import type {ServiceName} from '../model/services.js';
import type {DockerStatus, ServiceStatus, StatusSnapshot} from '../model/status-snapshot.js';
import {mntrSummary, parseMntr} from '../model/zookeeper-stats.js';
import {askDocker} from './docker-version.js';
import {networkReason} from './probes.js';
import {type LogReader, readServiceLog} from './log-tail.js';
import {type InitStatesAsker, initStatesOf} from './service-status.js';
import type {System} from './system.js';

export type SnapshotOptions = {
	endpoints?: Partial<Endpoints>;
	// Log lines kept per service; the screen asks for as many as fit.
	logLines?: number;
	// How the init system is asked (once for all services); by default every time (the live screen
	// asks less often).
	initStates?: InitStatesAsker;
	// How a service's log tail is read; by default from the journal or the files every time (the live
	// screen reads a file again only when it changed).
	readLog?: LogReader;
	// Aborted: the probes and requests under way give up at once (the screen was left).
	signal?: AbortSignal;
};

async function fetched(system: System, url: string, signal?: AbortSignal): Promise<Fetched> {
	try {
		return {ok: true, data: await system.probes.fetchJson(url, 2000, signal)};
	} catch (error) {
		// In the probes' words: the socket error a request wraps in `cause` is the part a person can act on.
		const reason = networkReason(error);
		return {ok: false, error: reason.includes(url) ? reason : `${url}: ${reason}`};
	}
}

async function zookeeperExtra(system: System, endpoints: Endpoints, signal?: AbortSignal): Promise<string> {
	try {
		return mntrSummary(parseMntr(await system.probes.fourLetterWord(endpoints.zookeeper.host, endpoints.zookeeper.port, 'mntr', signal)));
	} catch {
		// srvr already said whether ZooKeeper is healthy; mntr only adds detail, so none is shown.
		return '';
	}
}

async function serviceStatus(system: System, service: ServiceName, values: Values, endpoints: Endpoints, logLines: number, readLog: LogReader, signal?: AbortSignal): Promise<Omit<ServiceStatus, 'init'>> {
	const [health, log] = await Promise.all([
		system.probes.probe(statusProbe(service, values, endpoints), signal),
		readLog(serviceLog(service, values, system.facts.init), logLines).catch((error: unknown) => ({
			file: null,
			lines: [`the log could not be read: ${errorMessage(error)}`],
		})),
	]);
	let detail = health.detail;
	if (service === 'zookeeper' && health.healthy) {
		const extra = await zookeeperExtra(system, endpoints, signal);
		if (extra) detail = `${detail}, ${extra}`;
	}
	return {name: service, healthy: health.healthy, detail, log};
}

// A sandbox runs no command, so Docker is not asked there.
async function dockerStatus(system: System, signal?: AbortSignal): Promise<DockerStatus> {
	if (system.sandbox) return {healthy: false, detail: dockerNotAsked};
	const verdict = await askDocker(system.commands, false, signal);
	return {healthy: verdict.status === 'passed', detail: verdict.message};
}

export async function takeStatusSnapshot(system: System, values: Values, options: SnapshotOptions = {}): Promise<StatusSnapshot> {
	const endpoints = endpointsFor(values, options.endpoints);
	const logLines = options.logLines ?? 5;
	const askInit = options.initStates ?? ((healthy: Partial<Record<ServiceName, boolean>>) => initStatesOf(system, Object.keys(healthy) as ServiceName[]));
	const readLog = options.readLog ?? ((log, lines) => readServiceLog(system, log, lines));
	const {signal} = options;
	const [checked, state, metrics, marathon, docker] = await Promise.all([
		// Only the services this machine's role runs (node.role).
		Promise.all(roleServices(roleOf(values['node.role'])).map(service => serviceStatus(system, service, values, endpoints, logLines, readLog, signal))),
		fetched(system, `${endpoints.master}/master/state`, signal),
		fetched(system, `${endpoints.master}/metrics/snapshot`, signal),
		fetched(system, `${endpoints.marathon}/v2/info`, signal),
		usesDocker(values) ? dockerStatus(system, signal) : undefined,
	]);
	// The init system is asked once for all services, after their health is known.
	const init = await askInit(Object.fromEntries(checked.map(service => [service.name, service.healthy])));
	const services = checked.map(service => ({...service, init: init[service.name] ?? {state: 'unknown' as const, pid: null, detail: 'not asked'}}));
	return {services, cluster: summarizeCluster({state, metrics, marathon}), ...(docker ? {docker} : {})};
}
