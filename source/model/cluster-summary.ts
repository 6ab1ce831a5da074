// The cluster as a person wants it at a glance, from the leading master's /master/state and
// /metrics/snapshot and Marathon's /v2/info. Pure: the answers come in, already fetched or failed.
// null means "not known" (its source did not answer), so JSON for scripts keeps every key.

export type Fetched = {ok: true; data: unknown} | {ok: false; error: string};

export type ClusterSources = {state: Fetched; metrics: Fetched; marathon: Fetched};

export type Used = {used: number; total: number};

export type ClusterSummary = {
	// host:port of the leading master, from its pid master@host:port.
	leader: string | null;
	agents: {active: number; inactive: number} | null;
	frameworks: {name: string; active: boolean}[] | null;
	marathon: {registered: boolean | null; leader: string | null; frameworkId: string | null; version: string | null};
	cpus: Used | null;
	memoryMb: Used | null;
	// Sources that did not answer, each with why.
	unreachable: {what: string; error: string}[];
};

type Json = Record<string, unknown>;

const object = (value: unknown): Json | undefined =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const numberAt = (json: Json | undefined, key: string): number | undefined => {
	const value = json?.[key];
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};
const stringAt = (json: Json | undefined, key: string): string | undefined => {
	const value = json?.[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
};
const listAt = (json: Json | undefined, key: string): Json[] | undefined => {
	const value = json?.[key];
	return Array.isArray(value) ? value.map(object).filter((item): item is Json => item !== undefined) : undefined;
};

const dataOf = (fetched: Fetched): Json | undefined => (fetched.ok ? object(fetched.data) : undefined);

function leaderOf(state: Json | undefined): string | null {
	const pid = stringAt(state, 'leader');
	if (pid) return pid.replace(/^[^@]*@/, '');
	const info = object(state?.leader_info);
	const host = stringAt(info, 'hostname');
	const port = numberAt(info, 'port');
	return host && port ? `${host}:${port}` : null;
}

function agentsOf(state: Json | undefined, metrics: Json | undefined): ClusterSummary['agents'] {
	const active = numberAt(metrics, 'master/slaves_active') ?? numberAt(state, 'activated_slaves');
	const inactive = numberAt(metrics, 'master/slaves_inactive') ?? numberAt(state, 'deactivated_slaves') ?? 0;
	return active === undefined ? null : {active, inactive};
}

function frameworksOf(state: Json | undefined): ClusterSummary['frameworks'] {
	const list = listAt(state, 'frameworks');
	if (!list) return null;
	return list.map(f => ({name: stringAt(f, 'name') ?? stringAt(f, 'id') ?? '?', active: f.active !== false}));
}

// Metrics say what is allocated of what is offered; state (summed over agents) is the fallback.
function resourceOf(state: Json | undefined, metrics: Json | undefined, name: 'cpus' | 'mem'): Used | null {
	const used = numberAt(metrics, `master/${name}_used`);
	const total = numberAt(metrics, `master/${name}_total`);
	if (used !== undefined && total !== undefined) return {used, total};
	const agents = listAt(state, 'slaves');
	if (!agents) return null;
	const sum = (key: string) => agents.reduce((all, agent) => all + (numberAt(object(agent[key]), name) ?? 0), 0);
	return {used: sum('used_resources'), total: sum('resources')};
}

function marathonOf(frameworks: ClusterSummary['frameworks'], state: Json | undefined, info: Json | undefined): ClusterSummary['marathon'] {
	const frameworkId = stringAt(info, 'frameworkId') ?? null;
	const known = listAt(state, 'frameworks');
	let registered: boolean | null = null;
	if (known && frameworks) {
		// Marathon registers under its framework id; by name when its own /v2/info did not answer.
		registered = known.some(f => (frameworkId ? stringAt(f, 'id') === frameworkId : stringAt(f, 'name') === 'marathon') && f.active !== false);
	}
	return {registered, leader: stringAt(info, 'leader') ?? null, frameworkId, version: stringAt(info, 'version') ?? null};
}

export function summarizeCluster(sources: ClusterSources): ClusterSummary {
	const state = dataOf(sources.state);
	const metrics = dataOf(sources.metrics);
	const info = dataOf(sources.marathon);
	const frameworks = frameworksOf(state);
	const unreachable: ClusterSummary['unreachable'] = [];
	const named: [string, Fetched][] = [
		['master state', sources.state],
		['master metrics', sources.metrics],
		['Marathon info', sources.marathon],
	];
	for (const [what, fetched] of named) {
		if (!fetched.ok) unreachable.push({what, error: fetched.error});
		else if (!object(fetched.data)) unreachable.push({what, error: 'answered, but not with a JSON object'});
	}
	return {
		leader: leaderOf(state),
		agents: agentsOf(state, metrics),
		frameworks,
		marathon: marathonOf(frameworks, state, info),
		cpus: resourceOf(state, metrics, 'cpus'),
		memoryMb: resourceOf(state, metrics, 'mem'),
		unreachable,
	};
}
