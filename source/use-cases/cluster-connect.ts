// Every node of a cluster reached over SSH and its system detected, before anything changes on any
// node. Host keys are always checked: a node whose key this machine does not know is asked about
// (the screens, through `askHostKey`: its keys fetched without logging in, shown with their
// fingerprints; accepted ones are added to known_hosts and the node reached again), or refused with
// its fingerprints (--yes, no `askHostKey`). Never a disabled check.
import type {HostKeyDecision, UnknownHostKey} from '../model/cluster-events.js';
import type {Cluster, ClusterNode} from '../model/cluster.js';
import {StepError} from '../model/errors.js';
import {createNodeSystem, type NodeSystem} from '../system/node-system.js';
import {acceptHostKeys, describeHostKeys, fetchHostKeys} from '../system/ssh/host-keys.js';
import {type SshEndpoint, SshError, type SshSession, SshSessions} from '../system/ssh/ssh-session.js';

export type AskHostKey = (question: UnknownHostKey) => Promise<HostKeyDecision>;

export const endpointOf = (cluster: Cluster, node: ClusterNode): SshEndpoint => ({
	name: node.name,
	address: node.address,
	...(cluster.ssh.user ? {user: cluster.ssh.user} : {}),
	...(cluster.ssh.port ? {port: cluster.ssh.port} : {}),
	...(cluster.ssh.identity ? {identity: cluster.ssh.identity} : {}),
});

export type Connected = {sessions: SshSessions; nodeSessions: SshSession[]; systems: NodeSystem[]};

// `onReached`: told each node's system as soon as it is made, so what only reads there can start
// while the other nodes are still being reached.
type OnReached = ((system: NodeSystem) => void) | undefined;

const reach = async (session: SshSession, onReached: OnReached): Promise<NodeSystem> => {
	await session.open();
	const system = await createNodeSystem(session);
	onReached?.(system);
	return system;
};

const isUnknownKey = (error: unknown): boolean => error instanceof SshError && error.problem === 'unknown-host-key';

// A node whose host key is unknown: with a person to ask, its keys are shown and, once accepted,
// written and the node reached again (the system, or why not); refused, or --yes: the line that
// says so. The nodes are asked one at a time, and none after a refusal.
async function settleHostKey(sessions: SshSessions, session: SshSession, node: ClusterNode, askHostKey: AskHostKey | undefined, onReached: OnReached): Promise<NodeSystem | {problem: string; refused?: boolean}> {
	const fetched = await fetchHostKeys(session, sessions.socketDir).catch((error: unknown) => error as Error);
	const keys = fetched instanceof Error ? '' : ` (${describeHostKeys(fetched)})`;
	if (!askHostKey || fetched instanceof Error) {
		const why = askHostKey ? `; its keys could not be fetched to be shown: ${fetched instanceof Error ? fetched.message : ''}` : '; with --yes an unknown host key is refused';
		return {problem: `${node.name}: its host key is not known here${keys}${why}. Check the fingerprint on the machine, then add it to known_hosts (ssh ${node.address} once, or ssh-keyscan) and run again.`};
	}
	const decision = await askHostKey({node: node.name, address: node.address, keys: fetched.keys});
	if (decision === 'refuse') return {problem: `${node.name}: its host key${keys} was refused; known_hosts is unchanged.`, refused: true};
	await acceptHostKeys(session, fetched);
	return reach(session, onReached).catch((error: unknown) => ({problem: `${node.name}: ${(error as Error).message}`}));
}

// Every node reached and its system detected, or a StepError naming each node that was not.
// `onReached` is told each system as soon as it is made.
export async function connectAll(cluster: Cluster, askHostKey?: AskHostKey, onReached?: (system: NodeSystem) => void): Promise<Connected> {
	const sessions = await SshSessions.create();
	try {
		const nodeSessions = cluster.nodes.map(node => sessions.session(endpointOf(cluster, node)));
		const reached = await Promise.allSettled(nodeSessions.map(async session => reach(session, onReached)));
		const problems: string[] = [];
		const systems: NodeSystem[] = [];
		let refused = false;
		for (const [index, result] of reached.entries()) {
			const node = cluster.nodes[index] as ClusterNode;
			if (result.status === 'fulfilled') systems.push(result.value);
			else if (!isUnknownKey(result.reason)) problems.push(`${node.name}: ${(result.reason as Error).message}`);
			else if (refused) problems.push(`${node.name}: its host key is not known here; not asked after a refusal.`);
			else {
				const settled = await settleHostKey(sessions, nodeSessions[index] as SshSession, node, askHostKey, onReached);
				if ('problem' in settled) {
					problems.push(settled.problem);
					refused ||= settled.refused === true;
				} else systems.push(settled);
			}
		}
		if (problems.length > 0) throw new StepError(`Not every node could be reached; nothing was changed on any node.`, problems);
		return {sessions, nodeSessions, systems};
	} catch (error) {
		await sessions.close();
		throw error;
	}
}
