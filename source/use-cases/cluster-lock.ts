// The locks of a cluster run: this machine's run lock, then every node's (use-cases/run-lock.ts
// holds the one machine's lock that setup, edit and undo take).
import {localTime} from '../model/local-time.js';
import {StepError} from '../model/errors.js';
import {beginExclusiveRun} from '../system/exclusive-run.js';
import {nodeLogDir} from '../system/node-system.js';
import {type NodeLock, takeNodeRunLock} from '../system/ssh/node-lock.js';
import type {SshSession} from '../system/ssh/ssh-session.js';
import {currentUserIsRoot, type System} from '../system/system.js';
import {createTargetFs} from '../system/target-fs.js';

export type Machine = Pick<System, 'fs' | 'now'>;

// The machine a cluster run starts from. As root, its own run lock: a cluster run and a setup of this
// machine, or two cluster runs, never interleave. Without root no setup can run here and its state
// folder cannot be written: the lock is the person's own, under the folder of their cluster logs.
export function thisMachine(): Machine {
	return {fs: createTargetFs(currentUserIsRoot() ? '/' : nodeLogDir()), now: () => new Date()};
}

// A cluster run's locks: this machine's, then every node's (each node's own run.lock, which a setup
// run there takes too). A node that is this machine (the deploy run as root from a master) finds
// this machine's lock there, naming this run: the node's lock script takes it as this run's own.
// One node busy refuses the whole run, naming it, before anything changes; the locks taken
// meanwhile are given back. `releaseNodes` gives the nodes' back once nothing more
// changes on them (the postflight only looks, over the network); `release` gives back the rest.
export type ClusterLocks = {releaseNodes(): Promise<void>; release(): Promise<void>};

export async function lockCluster(here: Machine, sessions: readonly SshSession[], command: string, notice: (line: string, node?: string) => void): Promise<ClusterLocks> {
	const local = await beginExclusiveRun(here, command, notice);
	const taken = await Promise.allSettled(sessions.map(async session => takeNodeRunLock(session, command, undefined, local.holder)));
	const locks = taken.flatMap(result => (result.status === 'fulfilled' ? [result.value] : []));
	// Each node lock's release is kept (NodeLock.release), so a second call waits for the first.
	const releaseNodes = async (): Promise<void> => {
		await Promise.all(locks.map(async lock => lock.release()));
	};
	const release = async (): Promise<void> => {
		await releaseNodes();
		local.release();
	};
	const refused = taken.flatMap((result, index) => (result.status === 'rejected' ? [{node: sessions[index]?.endpoint.name ?? '?', error: result.reason as Error}] : []));
	if (refused.length > 0) {
		await release();
		const detail = refused.flatMap(({node, error}) => [`${node}: ${error.message}`, ...(error instanceof StepError ? error.detail : [])]);
		throw new StepError(`Another mesos-setup run holds ${refused.length === 1 ? `${refused[0]?.node}` : 'some nodes'}; nothing was changed on any node.`, detail);
	}
	for (const lock of locks) noticeTakeover(lock, notice);
	return {releaseNodes, release};
}

function noticeTakeover({node, takenOverFrom: was}: NodeLock, notice: (line: string, node?: string) => void): void {
	if (was) notice(`An earlier mesos-setup (${was.command}, PID ${was.pid}, since ${localTime(was.since)}) ended on ${node} without releasing its lock; it no longer runs there, so this run took the lock over.`, node);
}
