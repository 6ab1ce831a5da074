// A node of a cluster as a System: its files and commands over SSH (ssh/), its facts detected there,
// its services probed from this machine at its address, so ApplyRun, the journal and undo work on it
// as they do here. Its journal and backups stay on the node; the run's log lines are kept on this
// machine (nodeLogDir), where the person reads them.
import {mkdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {detectMachine} from './detect.js';
import {backupsDir} from './journal.js';
import {createProbes} from './probes.js';
import {createRunLog, type RunLog} from './run-log.js';
import {createNodeChecks, type NodeChecks} from './ssh/node-checks.js';
import {createNodeFs} from './ssh/node-fs.js';
import {createNodeRunner} from './ssh/node-runner.js';
import type {SshSession} from './ssh/ssh-session.js';
import {createNodeRunStateStore} from './state.js';
import type {System} from './system.js';
import type {TargetStates} from './target-check.js';
import {createTargetFs, type TargetFs} from './target-fs.js';

export type NodeSystem = System & {node: string; nodeChecks: NodeChecks};

// Where this machine keeps the log of each node's runs: $XDG_STATE_HOME/mesos-setup/cluster.
export const nodeLogDir = (): string => path.join(process.env.XDG_STATE_HOME ?? path.join(os.homedir(), '.local', 'state'), 'mesos-setup', 'cluster');

export function nodeRunLog(node: string, runId: string): RunLog {
	const dir = nodeLogDir();
	mkdirSync(dir, {recursive: true, mode: 0o700});
	return createRunLog(createTargetFs(dir), runId, `/${runId}/${node}.log`);
}

export async function createNodeSystem(session: SshSession, now: () => Date = () => new Date()): Promise<NodeSystem> {
	const files = createNodeFs(session);
	// A node's paths have no place on this machine: nothing may resolve one here. Its targetStates
	// stays, so the check of a plan's targets asks the node once (target-check.ts).
	const fs: TargetFs & TargetStates = {
		...files,
		resolve(target) {
			throw new Error(`${target} is on ${session.endpoint.name}, not on this machine`);
		},
	};
	const commands = createNodeRunner(session);
	// mesos-setup ran here before (a journal is there): its own services may hold their ports, so a
	// deploy continued after a failure, or run again, is not refused for them.
	const setUpBefore = (await files.list(backupsDir).catch(() => [])).length > 0;
	const nodeChecks = createNodeChecks(session, files, commands, {setUpBefore});
	// Everything on a node runs as root (sudo -n for another user, checked in preflight).
	const facts = {...(await detectMachine(files, commands, true)), isRoot: true};
	return {
		node: session.endpoint.name,
		root: '/',
		sandbox: false,
		dryRun: false,
		facts,
		fs,
		commands,
		probes: createProbes(),
		checks: {run: async check => nodeChecks.run(check), lookAhead: checks => nodeChecks.lookAhead(checks)},
		sourceReader: nodeChecks.sourceReader,
		nodeChecks,
		state: createNodeRunStateStore(),
		now,
	};
}
