// The plan's preflight checks, answered on a node through its SSH session: the same Check kinds and
// results machine-checks.ts gives for this machine, read there (its /etc, its ports, its disk, and
// whether the package source answers from the node, which is where apt will fetch from). Plus what
// only a cluster needs: that sudo -n works, and the node's clock. None of them change anything.
import {judgeFolder} from '../../model/apt-index.js';
import type {Check} from '../../model/plan.js';
import {askDocker} from '../docker-version.js';
import type {CheckResult} from '../machine-checks.js';
import type {CommandRunner} from '../runner.js';
import {type FetchBytes, indexReadings, readSourceIndex, type SourceReader} from '../source-index.js';
import type {NodeFs} from './node-fs.js';
import {clockScript, listenersScript, listeningScript, reachScript} from './node-scripts.js';
import {describeEndpoint, type SshSession, sshErrorFor} from './ssh-session.js';
import {monotonicMs} from '../monotonic-clock.js';

export type NodeChecks = {
	run(check: Check): Promise<CheckResult>;
	// The checks a preflight will run, started now (as soon as the node's plan is known, while the
	// rest of the cluster is still being reached): run() takes each answer once, within aheadMs.
	lookAhead(checks: readonly Check[]): void;
	// The node's clock minus this machine's, in ms, measured halfway through the round trip.
	clockOffsetMs(): Promise<number>;
	// The package source as the node's apt reads it: its architecture, curl on the node.
	sourceReader: SourceReader;
};

function urlParts(url: string): {host: string; port: string; path: string} | undefined {
	try {
		const parsed = new URL(url);
		const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
		return {host: parsed.hostname, port, path: `${parsed.pathname}${parsed.search}` || '/'};
	} catch {
		return undefined;
	}
}

// How long after its answer a check started ahead of the preflight is taken (as this machine's host
// look-ups are).
const aheadMs = 5_000;

// `setUpBefore`: mesos-setup already set this node up, so its own services may hold their ports
// (a port in use is then a warning, as on one machine); on a fresh node it stops the deploy.
export function createNodeChecks(session: SshSession, fs: NodeFs, runner: CommandRunner, options: {setUpBefore?: boolean} = {}): NodeChecks {
	const node = session.endpoint.name;
	// In the node's root shell, as every file operation: a question there costs a subshell, where a
	// session of its own cost an ssh client here and an sshd, a login shell and a sudo there (seven of
	// the eleven sessions a node had before the first stage; five nodes share two cores: issue 12).
	// The index and the servers are reached as root, as apt, which fetches from them, is run.
	const inShell = async (script: string, args: string[] = [], timeoutMs = 30_000) => {
		const result = await session.asRootInShell({script, args, timeoutMs});
		if (!result.reachedCommand && result.exitCode === 255) throw sshErrorFor(session.endpoint, result.stderr);
		return result;
	};

	// curl on the node, where apt fetches from: 22 is an HTTP error (404 among them).
	const fetchBytes: FetchBytes = async url => {
		const got = await inShell('curl -fsS --max-time 20 -o - -- "$1" || exit $?', [url]);
		if (got.exitCode === 22) return undefined;
		if (got.exitCode !== 0) throw new Error(`curl on ${node}: ${got.stderr.trim().split('\n').at(-1) ?? `exit ${got.exitCode}`}`);
		return got.stdout;
	};
	// The ports something listens on, read once for the port checks that start together (each table
	// read straight through, no process on the node), then read again: a later preflight sees them as
	// they are then. A reading still under way is joined only within a second of its start: a retry
	// after a slow one (the person freed a port meanwhile) reads anew. Who holds a port in use is
	// asked apart, for that port alone.
	let reading: {at: number; ports: Promise<Set<number>>} | undefined;
	const listening = (): Promise<Set<number>> => {
		if (reading && monotonicMs() - reading.at <= 1_000) return reading.ports;
		const ports = session
			.asRootInShell({script: listeningScript, args: [], timeoutMs: 30_000})
			.then(answer => {
				if (!answer.reachedCommand && answer.exitCode === 255) throw sshErrorFor(session.endpoint, answer.stderr);
				if (answer.exitCode !== 0) throw new Error(`reading the listening ports on ${node} failed: ${answer.timedOut ? 'no answer within 30 s' : answer.stderr.trim() || `exit ${answer.exitCode}`}`);
				return new Set(answer.stdout.toString('utf8').split('\n').filter(Boolean).map(Number));
			})
			.finally(() => {
				if (reading?.ports === ports) reading = undefined;
			});
		reading = {at: monotonicMs(), ports};
		return ports;
	};
	let arch: Promise<string> | undefined;
	const sourceReader: SourceReader = {
		place: `on ${node}`,
		// Kept once known; a lookup that failed is asked again next time, never kept as an answer.
		arch: () =>
			(arch ??= inShell('dpkg --print-architecture')
				.then(answer => {
					const known = answer.stdout.toString('utf8').trim();
					if (answer.exitCode !== 0 || !known) throw new Error(`dpkg --print-architecture on ${node}: ${answer.stderr.trim().split('\n').at(-1) || `exit ${answer.exitCode ?? 'timed out'}`}`);
					return known;
				})
				.catch((error: unknown) => {
					arch = undefined;
					throw error;
				})),
		fetchBytes: () => fetchBytes,
		readIndex: indexReadings(() => fetchBytes),
	};

	async function run(check: Check): Promise<CheckResult> {
		switch (check.kind) {
			case 'root': {
				if (session.remoteIsRoot) return {status: 'passed', message: `logged in to ${node} as root`};
				// The root shell is started through sudo -n: where sudo wants a password it ends at once,
				// with sudo's exit status and words as the answer.
				const sudo = await inShell('true');
				const user = session.endpoint.user ?? 'the login user';
				return sudo.exitCode === 0
					? {status: 'passed', message: `${user} may act as root on ${node} (sudo -n)`}
					: {
							status: 'failed',
							message: `${user} cannot act as root on ${node} without a password (sudo -n: ${sudo.stderr.trim().split('\n').at(-1) ?? 'refused'}); allow it in /etc/sudoers.d (NOPASSWD), or log in as root`,
						};
			}
			case 'apt': {
				const release = (await fs.read('/etc/os-release')) ?? '';
				const family = /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
				const name = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? 'a system without /etc/os-release';
				return family && (await runner.has('apt-get'))
					? {status: 'passed', message: `${node} runs ${name}, a Debian-family system with apt`}
					: {status: 'failed', message: `${node} runs ${name}, not a Debian-family system with apt-get: mesos-setup installs with apt`};
			}
			case 'hosts-loopback': {
				const hosts = (await fs.read('/etc/hosts')) ?? '';
				const name = (await fs.read('/etc/hostname'))?.trim() ?? node;
				const loopback = hosts.split('\n').some(line => {
					const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
					return ip === '127.0.1.1' && (names.includes(name) || names.includes(name.split('.')[0] ?? ''));
				});
				// In a cluster each node's ip and hostname are set to its address, so this is a note only.
				return loopback
					? {status: 'warned', message: `/etc/hosts on ${node} maps ${name} to 127.0.1.1; its ip and hostname are set to its address, so Mesos still registers there`}
					: {status: 'passed', message: `${name} does not resolve to 127.0.1.1 on ${node}`};
			}
			case 'port-free': {
				const owners = (await listening()).has(check.port) ? (await inShell(listenersScript, [String(check.port)], 60_000)).stdout.toString('utf8').trim() : '';
				return owners === ''
					? {status: 'passed', message: `port ${check.port} is free on ${node}`}
					: {status: options.setUpBefore ? 'warned' : 'failed', message: `port ${check.port}, needed by ${check.owner}, is in use on ${node} by ${owners.split('\n').join(', ')}`};
			}
			case 'disk': {
				const freeMb = Math.floor((await fs.freeBytes(check.path)) / 1_048_576);
				return freeMb >= check.minMegabytes
					? {status: 'passed', message: `${freeMb} MB free under ${check.path} on ${node}`}
					: {status: 'warned', message: `only ${freeMb} MB free under ${check.path} on ${node}; the master’s work_dir wants at least ${check.minMegabytes} MB`};
			}
			case 'command':
				return (await runner.has(check.name))
					? {status: 'passed', message: `${check.name} is installed on ${node}`}
					: {status: 'warned', message: `${check.name} is not installed on ${node}, but ${check.why}`};
			case 'docker': {
				const verdict = await askDocker(runner, check.installs);
				return {...verdict, message: `on ${node}: ${verdict.message}`};
			}
			case 'source-index':
				return readSourceIndex(check, sourceReader);
			case 'deb-folder':
				return judgeFolder(check.path, await fs.list(check.path).catch(() => undefined), check.packages);
			case 'reachable': {
				const parts = urlParts(check.url);
				const answer = parts ? await inShell(reachScript, [parts.host, parts.port, parts.path]) : undefined;
				const line = answer?.stdout.toString('utf8').trim() ?? '';
				return answer?.exitCode === 0 && /^HTTP\/\d/.test(line)
					? {status: 'passed', message: `the ${check.what} ${check.url} answers from ${node}`}
					: {status: 'failed', message: `the ${check.what} ${check.url} does not answer from ${node}: apt and gpg on ${node} need it; check the node’s network and DNS, or set a mirror`};
			}
		}
	}

	// Started ahead, by the check as data; each taken once, and only while under way or answered
	// within aheadMs: a preflight that comes later (a person answered a question first) or a retry
	// asks the node again.
	const ahead = new Map<string, {answeredAt?: number; result: Promise<CheckResult>}>();
	const keyOf = (check: Check): string => JSON.stringify(check);

	return {
		run: async check => {
			const key = keyOf(check);
			const kept = ahead.get(key);
			ahead.delete(key);
			const fresh = kept && (kept.answeredAt === undefined || monotonicMs() - kept.answeredAt <= aheadMs);
			return fresh ? kept.result : run(check);
		},
		lookAhead(checks) {
			for (const check of checks) {
				const entry: {answeredAt?: number; result: Promise<CheckResult>} = {result: run(check)};
				// Taken (and its failure reported) by the preflight, or dropped unread.
				entry.result.then(
					() => (entry.answeredAt = monotonicMs()),
					() => (entry.answeredAt = monotonicMs()),
				);
				ahead.set(keyOf(check), entry);
			}
		},
		sourceReader,
		// Asked after the preflight, when nothing else waits in the node's shell: the round trip is
		// then the request's own, and half of it the most the reading can be off by.
		async clockOffsetMs() {
			const before = Date.now();
			const answer = await inShell(clockScript);
			const after = Date.now();
			const remote = Number(answer.stdout.toString('utf8').trim()) * 1000;
			if (!Number.isFinite(remote)) throw new Error(`${describeEndpoint(session.endpoint)} did not tell its time: ${answer.stderr.trim()}`);
			return remote - (before + after) / 2;
		},
	};
}
