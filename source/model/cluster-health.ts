// Whether a cluster of several machines works, judged from what its services answer over the
// network (system/cluster-readings.ts asks them): the proof after a deploy (postflight) and the
// cluster part of `cluster status`. Pure: the answers come in, already read or failed.
//   ZooKeeper: every master answers srvr, exactly one leads and the others follow; a majority is a quorum.
//   Mesos: every master names the same elected leader in /master/state, which lists every agent active.
//   Marathon: every master's Marathon names the same leader in /v2/leader.
//   Docker (cluster status only): every node whose agent runs docker answers `docker version`, client and server.
import {resolveValues} from './answers.js';
import {nodeAnswers} from './cluster-derivation.js';
import {type Cluster, type ClusterNode, quorumOf} from './cluster.js';
import {usesDocker} from './docker.js';

type Named = {node: string; address: string};

// mode: leader | follower | standalone, 'not serving' (answers without one: no quorum yet).
export type ZookeeperReading = Named & ({mode: string} | {error: string});
// The /master/state a master answers (a master that does not lead redirects to the one that does).
export type MasterReading = Named & ({state: unknown} | {error: string});
export type MarathonReading = Named & ({leader: string} | {error: string});
// `docker version` asked on the node over SSH and judged as on one machine (model/docker.ts), or why
// it was not (a sandbox runs no command; a node SSH does not reach).
export type DockerReading = Named & {healthy: boolean; detail: string};

export type ClusterReadings = {
	zookeeper: ZookeeperReading[];
	masters: MasterReading[];
	marathon: MarathonReading[];
	// The machines that run the Mesos agent, by the address they advertise.
	agents: Named[];
	// The nodes that use Docker (dockerNodes); none asked (the postflight) when absent.
	docker?: DockerReading[];
};

export type ClusterHealth = {
	zookeeper: {leader: string | null; serving: number; total: number; quorum: number; hasQuorum: boolean};
	mesos: {leader: string | null; agreed: boolean; agentsActive: number; agentsTotal: number; inactiveAgents: string[]; frameworks: {name: string; active: boolean}[] | null};
	marathon: {leader: string | null; agreed: boolean};
	// Each node that uses Docker, healthy or not with why; empty where none does (or none was asked).
	docker: DockerReading[];
	// Empty when the cluster is proven: each names the node and what is wrong.
	problems: string[];
};

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

// host:port of the leading master, from its pid master@host:port or leader_info.
function leaderOf(state: Json | undefined): string | undefined {
	const pid = text(state?.leader);
	if (pid) return pid.replace(/^[^@]*@/, '');
	const info = object(state?.leader_info);
	const host = text(info?.hostname);
	return host && typeof info?.port === 'number' ? `${host}:${info.port}` : undefined;
}

const nameOf = (address: string | null, nodes: readonly Named[]): string => {
	if (!address) return 'none';
	const host = address.replace(/:\d+$/, '');
	const node = nodes.find(each => each.address === host);
	return node ? `${node.node} (${address})` : address;
};

function judgeZookeeper(readings: ZookeeperReading[], problems: string[]): ClusterHealth['zookeeper'] {
	const total = readings.length;
	const quorum = quorumOf(total);
	const modes = readings.map(reading => ('mode' in reading ? reading.mode : undefined));
	const leaders = readings.filter(reading => 'mode' in reading && reading.mode === 'leader');
	const serving = modes.filter(mode => mode === 'leader' || mode === 'follower' || (total === 1 && mode === 'standalone')).length;
	for (const reading of readings) {
		if ('error' in reading) problems.push(`ZooKeeper on ${reading.node} (${reading.address}:2181) does not answer: ${reading.error}`);
		else if (total > 1 && reading.mode === 'standalone') problems.push(`ZooKeeper on ${reading.node} runs standalone, outside the ensemble: its zoo.cfg lacks the server lines`);
		else if (reading.mode !== 'leader' && reading.mode !== 'follower' && !(total === 1 && reading.mode === 'standalone')) problems.push(`ZooKeeper on ${reading.node} answers but does not serve (${reading.mode}): it has no quorum`);
	}
	if (leaders.length > 1) problems.push(`ZooKeeper has ${leaders.length} leaders (${leaders.map(leader => leader.node).join(', ')}): the ensembles are split`);
	const leader = total === 1 && modes[0] === 'standalone' ? readings[0]?.node : leaders.length === 1 ? leaders[0]?.node : undefined;
	if (!leader && leaders.length === 0 && total > 0) problems.push('ZooKeeper has no leader');
	return {leader: leader ?? null, serving, total, quorum, hasQuorum: leader !== undefined && serving >= quorum};
}

function judgeMesos(readings: MasterReading[], agents: Named[], problems: string[]): ClusterHealth['mesos'] {
	const named = new Map<string, string | undefined>();
	let leaderState: Json | undefined;
	for (const reading of readings) {
		if ('error' in reading) {
			problems.push(`the Mesos master on ${reading.node} (${reading.address}) does not answer: ${reading.error}`);
			continue;
		}
		const state = object(reading.state);
		const leader = leaderOf(state);
		named.set(reading.node, leader);
		if (!leader) problems.push(`the Mesos master on ${reading.node} names no leader`);
		else if (!leaderState) leaderState = state;
	}
	const leaders = new Set([...named.values()].filter(leader => leader !== undefined));
	const agreed = leaders.size === 1 && [...named.values()].every(leader => leader !== undefined) && named.size === readings.length;
	if (leaders.size > 1) {
		problems.push(`the Mesos masters name different leaders: ${[...named].map(([node, leader]) => `${node} names ${nameOf(leader ?? null, readings)}`).join(', ')}`);
	}
	const leader = leaders.size === 1 ? ([...leaders][0] ?? null) : null;
	const slaves = Array.isArray(leaderState?.slaves) ? (leaderState.slaves as unknown[]).map(object) : [];
	const active = new Set(slaves.filter(slave => slave?.active === true).map(slave => text(slave?.hostname)));
	const inactiveAgents = agents.filter(agent => !active.has(agent.address)).map(agent => agent.node);
	if (leader && inactiveAgents.length > 0) problems.push(`the leading master lists ${inactiveAgents.length === 1 ? 'an agent' : 'agents'} not active: ${inactiveAgents.join(', ')}`);
	const frameworks = Array.isArray(leaderState?.frameworks)
		? (leaderState.frameworks as unknown[]).map(object).map(framework => ({name: text(framework?.name) ?? text(framework?.id) ?? '?', active: framework?.active !== false}))
		: null;
	return {leader, agreed, agentsActive: agents.length - inactiveAgents.length, agentsTotal: agents.length, inactiveAgents, frameworks};
}

function judgeMarathon(readings: MarathonReading[], problems: string[]): ClusterHealth['marathon'] {
	for (const reading of readings) if ('error' in reading) problems.push(`Marathon on ${reading.node} (${reading.address}) does not answer: ${reading.error}`);
	const leaders = new Set(readings.flatMap(reading => ('leader' in reading ? [reading.leader] : [])));
	const agreed = leaders.size === 1 && readings.every(reading => 'leader' in reading);
	if (leaders.size > 1) problems.push(`the Marathons name different leaders: ${readings.map(reading => `${reading.node} names ${'leader' in reading ? reading.leader : 'none'}`).join(', ')}`);
	return {leader: leaders.size === 1 ? ([...leaders][0] ?? null) : null, agreed};
}

// The nodes whose own values (the cluster's settings and what the machine list derives) make
// them use Docker: an agent with docker among its containerizers. Only they are asked.
export const dockerNodes = (cluster: Cluster): ClusterNode[] => cluster.nodes.filter(node => usesDocker(resolveValues(nodeAnswers(cluster, node))));

// As one machine's status counts Docker: a node whose Docker is not healthy is a problem of the cluster.
function judgeDocker(readings: readonly DockerReading[], problems: string[]): DockerReading[] {
	for (const reading of readings) if (!reading.healthy) problems.push(`Docker on ${reading.node} (${reading.address}): ${reading.detail}`);
	return [...readings];
}

export function judgeCluster(readings: ClusterReadings): ClusterHealth {
	const problems: string[] = [];
	return {
		zookeeper: judgeZookeeper(readings.zookeeper, problems),
		mesos: judgeMesos(readings.masters, readings.agents, problems),
		marathon: judgeMarathon(readings.marathon, problems),
		docker: judgeDocker(readings.docker ?? [], problems),
		problems,
	};
}
