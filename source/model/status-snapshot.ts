// One look at the installed services and the cluster, and the ways it is shown: plain lines for
// `status --once`, JSON for scripts, and the same words in the live screen's panes.
import type {ClusterSummary, Used} from './cluster-summary.js';
import type {InitState} from './init-state.js';
import type {ServiceName} from './services.js';

export type ServiceStatus = {
	name: ServiceName;
	init: InitState;
	// From the health probe: the init system can say running while the daemon does not answer.
	healthy: boolean;
	detail: string;
	log: {file: string | null; lines: string[]};
};

// Docker, for an agent whose containerizers include it: `docker version`, client and server.
export type DockerStatus = {healthy: boolean; detail: string};

export type StatusSnapshot = {services: ServiceStatus[]; cluster: ClusterSummary; docker?: DockerStatus};

// The screen re-renders only when this says something changed.
export const sameSnapshot = (a: StatusSnapshot | undefined, b: StatusSnapshot | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

export const allHealthy = (snapshot: StatusSnapshot): boolean => snapshot.services.every(s => s.healthy) && (snapshot.docker?.healthy ?? true);

// One line for Docker, in status --once and above the live screen's panes.
export const dockerLine = (docker: DockerStatus): string => `Docker: ${docker.healthy ? 'healthy' : 'unhealthy'}: ${docker.detail}`;

export function initText(init: InitState): string {
	return init.pid === null ? init.state : `${init.state} (pid ${init.pid})`;
}

// Why the init system says what it says (its own words, or why it was not asked); nothing for a
// running service, whose pid says enough.
export function initReason(init: InitState): string | undefined {
	return init.state === 'running' || init.detail === '' ? undefined : init.detail;
}

// The reason every service shares (a sandbox asks none of them), said once instead of per service.
export function sharedInitReason(services: readonly ServiceStatus[]): string | undefined {
	const reasons = new Set(services.map(s => initReason(s.init)));
	const [only] = reasons;
	return services.length > 1 && reasons.size === 1 ? only : undefined;
}

export function healthText(service: ServiceStatus): string {
	return `${service.healthy ? 'healthy' : 'unhealthy'}: ${service.detail}`;
}

const amount = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function memory(megabytes: number): string {
	return megabytes >= 1024 ? `${amount(Math.round((megabytes / 1024) * 10) / 10)} GB` : `${amount(Math.round(megabytes))} MB`;
}

const usedOf = (used: Used, show: (n: number) => string): string => `${show(used.used)} of ${show(used.total)} used`;

export function clusterLines(cluster: ClusterSummary): string[] {
	const unknown = 'unknown';
	const agents = cluster.agents ? `${cluster.agents.active} active${cluster.agents.inactive > 0 ? `, ${cluster.agents.inactive} inactive` : ''}` : unknown;
	const frameworks = cluster.frameworks
		? cluster.frameworks.length === 0
			? 'none'
			: cluster.frameworks.map(f => `${f.name}${f.active ? '' : ' (inactive)'}`).join(', ')
		: unknown;
	const {marathon} = cluster;
	const registered =
		marathon.registered === null ? 'registration unknown' : marathon.registered ? 'registered with the master' : 'not registered with the master';
	const marathonLine = [registered, marathon.leader ? `leader ${marathon.leader}` : '', marathon.version ? `version ${marathon.version}` : '']
		.filter(Boolean)
		.join(', ');
	const lines = [
		`Leader:     ${cluster.leader ?? 'none known'}`,
		`Agents:     ${agents}`,
		`Frameworks: ${frameworks}`,
		`Marathon:   ${marathonLine}`,
		`CPUs:       ${cluster.cpus ? usedOf(cluster.cpus, amount) : unknown}`,
		`Memory:     ${cluster.memoryMb ? usedOf(cluster.memoryMb, memory) : unknown}`,
	];
	for (const {what, error} of cluster.unreachable) lines.push(`No answer:  ${what}: ${error}`);
	return lines;
}

export function statusLines(snapshot: StatusSnapshot): string[] {
	const width = Math.max(...snapshot.services.map(s => s.name.length));
	const shared = sharedInitReason(snapshot.services);
	const lines: string[] = shared ? [`Init states: ${shared}`, ''] : [];
	for (const s of snapshot.services) {
		lines.push(`${s.name.padEnd(width)}  ${initText(s.init).padEnd(18)}  ${healthText(s)}`);
		const reason = shared ? undefined : initReason(s.init);
		if (reason) lines.push(`${' '.repeat(width + 2)}init: ${reason}`);
		// An unhealthy service's last log lines usually say why.
		if (!s.healthy) for (const line of s.log.lines) lines.push(`${' '.repeat(width + 2)}| ${line}`);
	}
	if (snapshot.docker) lines.push(dockerLine(snapshot.docker));
	return [...lines, '', ...clusterLines(snapshot.cluster)];
}

// The document `status --json` prints: stable keys, for scripts.
export function statusJson(snapshot: StatusSnapshot): Record<string, unknown> {
	return {
		healthy: allHealthy(snapshot),
		services: snapshot.services.map(s => ({
			name: s.name,
			state: s.init.state,
			pid: s.init.pid,
			healthy: s.healthy,
			detail: s.detail,
			init: s.init.detail,
			// Where its last lines came from (a file, or the journal command) and the lines.
			log: s.log,
		})),
		cluster: snapshot.cluster,
		...(snapshot.docker ? {docker: snapshot.docker} : {}),
	};
}
