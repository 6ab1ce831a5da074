// A node's run lock, taken over SSH for a cluster run: the same <root>/var/lib/mesos-setup/run.lock a
// setup, edit or undo on the node takes (system/run-lock.ts), so a person's setup on a node and a
// cluster deploy to it never interleave. Its holder is a shell on the node that lives as long as
// this run's ssh holds its input open (node-lock-script.ts); release closes it. A node that is the
// machine the run started from holds this run's own lock already (taken first, cluster-lock.ts):
// `thisRun`, that lock's holder, is then this run's lock on the node too.
import {StepError} from '../../model/errors.js';
import {asRoot, bashScript, remoteCommandLine} from '../../model/remote-command.js';
import {holderText, type LockHolder, LockHeldError, lockFile, parseHolder} from '../run-lock.js';
import {nodeLockScript} from './node-lock-script.js';
import type {SshSession} from './ssh-session.js';

export type NodeLock = {
	node: string;
	// The holder of a stale lock this run took over, to say so.
	takenOverFrom?: LockHolder;
	release(): Promise<void>;
};

// How long the shell on the node has to remove the lock once its input closes.
const releaseMs = 10_000;

type LockSession = Pick<SshSession, 'exec' | 'endpoint' | 'remoteIsRoot'>;

// `command`: one word, as run-lock.ts names a holder ("cluster-setup"); `file` moves the lock for a test.
export async function takeNodeRunLock(session: LockSession, command: string, file: string = lockFile, thisRun?: LockHolder): Promise<NodeLock> {
	const node = session.endpoint.name;
	const args = [file, command, ...(thisRun ? [holderText(thisRun)] : [])];
	const child = session.exec(remoteCommandLine(asRoot(bashScript(nodeLockScript, args), session.remoteIsRoot)), {holdInput: true, timeoutMs: 0});
	child.stdin?.on('error', () => undefined);
	// The answer is the first line that starts with the script's word (a login shell may print first).
	const answer = await new Promise<string | undefined>(resolve => {
		let seen = '';
		const onData = (chunk: Buffer | string): void => {
			seen += chunk.toString();
			const line = /^mesos-setup-lock: (.*)$/m.exec(seen);
			if (line) {
				child.stdout?.off('data', onData);
				resolve(line[1]);
			}
		};
		child.stdout?.on('data', onData);
		child.then(
			() => resolve(undefined),
			() => resolve(undefined),
		);
	});
	if (answer?.startsWith('taken')) {
		const took = parseHolder(answer.slice('taken '.length));
		let released: Promise<void> | undefined;
		return {
			node,
			...(took ? {takenOverFrom: took} : {}),
			release: async () => {
				released ??= (async () => {
					child.stdin?.end();
					const timer = setTimeout(() => child.kill('SIGKILL'), releaseMs);
					await child.catch(() => undefined);
					clearTimeout(timer);
				})();
				return released;
			},
		};
	}
	// The node is this machine: the lock is this run's, given back with this machine's.
	if (answer === 'this-run') return {node, release: async () => void (await child.catch(() => undefined))};
	const ended = await child.catch(error => error as {stderr?: unknown; exitCode?: number});
	if (answer?.startsWith('held ')) {
		const holder = parseHolder(answer.slice('held '.length)) ?? {pid: 0, since: 'an unknown time', command: 'unknown'};
		throw new LockHeldError(holder, `${file} on ${node}`, node);
	}
	if (answer === 'not-a-lock') throw new StepError(`${file} on ${node} is not a lock mesos-setup made`, [`Move it aside on ${node}, then run again.`]);
	const stderr = String(ended.stderr ?? '').trim();
	throw new StepError(`the run lock ${file} could not be taken on ${node}${stderr ? `: ${stderr.split('\n').at(-1)}` : answer ? ` (${answer})` : ''}`, [
		'Another mesos-setup may be starting there: run this again.',
	]);
}
