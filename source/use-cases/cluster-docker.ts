// Docker's health on the nodes of a cluster that use it (an agent with docker among its
// containerizers: dockerNodes), for cluster status: `docker version` run on each such node over its
// SSH session, all in parallel, and judged as one machine's status judges it (model/docker.ts). A
// cluster without Docker opens no session at all. The sessions are opened at the first look and
// kept for the next ones (the live screen looks every 2 s); one that could not be opened is tried
// again at the next look. Under --root nothing is asked: each node says so, as one machine does.
import {type ClusterReadings, type DockerReading, dockerNodes} from '../model/cluster-health.js';
import type {Cluster, ClusterNode} from '../model/cluster.js';
import {dockerNotAsked} from '../model/docker.js';
import {errorMessage, StepError} from '../model/errors.js';
import {readCluster} from '../system/cluster-readings.js';
import {askDocker} from '../system/docker-version.js';
import type {Probes} from '../system/probes.js';
import {createNodeRunner} from '../system/ssh/node-runner.js';
import {type SshSession, SshSessions} from '../system/ssh/ssh-session.js';
import {endpointOf} from './cluster-connect.js';

export type DockerAsker = {
	// One reading per node that uses Docker, in the cluster file's order; never throws.
	ask(signal?: AbortSignal): Promise<DockerReading[]>;
	// The sessions opened go (their control sockets and folder too).
	close(): Promise<void>;
};

// What a failure to reach the node says, with what to do where SSH said it (an unknown host key).
const reasonOf = (error: unknown): string => {
	const detail = error instanceof StepError ? error.detail.join(' ') : '';
	return detail ? `${errorMessage(error)}. ${detail}` : errorMessage(error);
};

export function dockerAsker(cluster: Cluster, options: {sandbox: boolean}): DockerAsker {
	const nodes = dockerNodes(cluster);
	const named = (node: ClusterNode) => ({node: node.name, address: node.address});
	if (options.sandbox || nodes.length === 0) {
		return {ask: async () => nodes.map(node => ({...named(node), healthy: false, detail: dockerNotAsked})), close: async () => undefined};
	}
	let sessions: Promise<SshSessions> | undefined;
	const opened = new Map<string, Promise<SshSession>>();
	// The node's session, opened once; a failed open is forgotten so the next look tries again.
	const sessionOf = async (node: ClusterNode): Promise<SshSession> => {
		const known = opened.get(node.name);
		if (known) return known;
		const opening = (async () => {
			sessions ??= SshSessions.create();
			const session = (await sessions).session(endpointOf(cluster, node));
			await session.open();
			return session;
		})();
		opened.set(node.name, opening);
		opening.catch(() => opened.delete(node.name));
		return opening;
	};
	return {
		ask: async signal =>
			Promise.all(
				nodes.map(async (node): Promise<DockerReading> => {
					try {
						const verdict = await askDocker(createNodeRunner(await sessionOf(node)), false, signal);
						return {...named(node), healthy: verdict.status === 'passed', detail: verdict.message};
					} catch (error) {
						return {...named(node), healthy: false, detail: reasonOf(error)};
					}
				}),
			),
		close: async () => {
			if (sessions) await (await sessions).close();
		},
	};
}

// What cluster status judges: the services' answers over the network and Docker on its nodes, asked together.
export async function readClusterAndDocker(probes: Probes, cluster: Cluster, docker?: DockerAsker): Promise<ClusterReadings> {
	const [readings, dockerReadings] = await Promise.all([readCluster(probes, cluster), docker?.ask() ?? []]);
	return {...readings, docker: dockerReadings};
}
