// The CommandRunner of a node: the same argument vectors the plan gives the local runner, run on
// the node as root (sudo -n for another user) through its SSH session, every output line streamed
// back as it comes. A timeout or a stop closes the command's standard input, which ends its whole
// process group on the node (node-scripts' runScript); the ssh client goes 10 s later at the latest.
// A command whose lines nobody watches and that cannot be stopped runs in the node's root shell
// (node-shell.ts) instead, its time kept on the node by coreutils' timeout.
import {asRoot, bashScript, remoteCommandLine, withEnv} from '../../model/remote-command.js';
import {cleanLine} from '../../model/terminal-text.js';
import {type CommandRunner, endOnTimeoutOrStop, type RunOptions, type RunResult, streamLines} from '../runner.js';
import {hasScript, runScript} from './node-scripts.js';
import {type SshSession, sshErrorFor, sshProblemOf} from './ssh-session.js';

// timeout SECONDS COMMAND…: coreutils' timeout, which runs the command in a process group of its
// own and ends the group (TERM, then KILL 5 s later) when the time is up, exiting 124; 137 (killed)
// once the time is up is a group that ignored TERM, timed out too.
const timedScript = 'timeout -k 5 "$1" "${@:2}"; status=$?; [ "$status" = 137 ] && [ "$SECONDS" -ge "$1" ] && exit 124; exit "$status"';
const timedOutExit = 124;

// After the command's input closes, how long the node has to end it before the ssh client is killed.
const graceMs = 10_000;

const bytesOf = (value: unknown): Buffer => (value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(typeof value === 'string' ? value : ''));

function describeFailure(node: string, argv: readonly string[], result: {exitCode?: number; ended?: 'timed-out' | 'stopped'; stderr: string}, timeoutMs: number): string {
	const name = argv.join(' ');
	if (result.ended === 'stopped') return `“${name}” was stopped before it finished on ${node}`;
	if (result.ended === 'timed-out') return `“${name}” did not finish within ${Math.round(timeoutMs / 1000)} s on ${node} and was stopped`;
	const lastError = result.stderr
		.split('\n')
		.map(line => cleanLine(line).trim())
		.filter(Boolean)
		.at(-1);
	if (result.exitCode === 255 && sshProblemOf(result.stderr).problem !== 'failed') return `“${name}” could not run: ${sshErrorFor({name: node, address: node}, result.stderr).message}`;
	if (result.exitCode === 127 || /failed to execute .*No such file/.test(lastError ?? '')) return `${argv[0]} is not installed on ${node} (command not found), so “${name}” could not run`;
	return `“${name}” exited with code ${result.exitCode} on ${node}${lastError ? `: ${lastError}` : ''}`;
}

export function createNodeRunner(session: SshSession): CommandRunner {
	const node = session.endpoint.name;

	async function runWith(argv: readonly string[], options: RunOptions, binary: boolean): Promise<RunResult & {bytes: Buffer}> {
		if (argv.length === 0) throw new Error('empty command');
		const input = options.input === undefined ? undefined : bytesOf(options.input);
		const inner = withEnv(argv, options.env);
		if (!options.onLine && !options.signal) return inShell(argv, inner, input, options.timeoutMs);
		const commandLine = remoteCommandLine(asRoot(bashScript(runScript, [String(input?.length ?? 0), ...inner]), session.remoteIsRoot));
		// No local timeout: the end is ours to make, gently first (see above).
		const child = session.exec(commandLine, {holdInput: true, binary, timeoutMs: options.timeoutMs + 2 * graceMs});
		if (input && input.length > 0) child.stdin?.write(input);
		let ended: 'timed-out' | 'stopped' | undefined;
		let killer: NodeJS.Timeout | undefined;
		const end = (why: 'timed-out' | 'stopped') => {
			if (ended) return;
			ended = why;
			child.stdin?.end();
			killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		};
		const release = endOnTimeoutOrStop(options.timeoutMs, options.signal, end);
		// A closed pipe on our side (the ssh client died) is the command's end, not this process's.
		child.stdin?.on('error', () => undefined);
		if (options.onLine) streamLines(child, options.onLine);
		let result;
		try {
			result = await child;
		} finally {
			release();
			clearTimeout(killer);
		}
		const stderr = bytesOf(result.stderr).toString('utf8');
		const ok = result.exitCode === 0 && ended === undefined;
		return {
			ok,
			exitCode: result.exitCode,
			stdout: bytesOf(result.stdout).toString('utf8'),
			stderr,
			bytes: bytesOf(result.stdout),
			...(ended === 'stopped' ? {stopped: true} : {}),
			...(ok ? {} : {failure: describeFailure(node, argv, {exitCode: result.exitCode, ended, stderr}, options.timeoutMs)}),
		};
	}

	// A command nobody watches or may stop (detection's dpkg-query, the preflight's port owners): in
	// the node's root shell, where it costs no ssh session and no sudo of its own; coreutils'
	// timeout ends its process group on the node when its time is up, as runScript's watcher does.
	async function inShell(argv: readonly string[], inner: readonly string[], input: Buffer | undefined, timeoutMs: number): Promise<RunResult & {bytes: Buffer}> {
		const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
		const result = await session.asRootInShell({script: timedScript, args: [seconds, ...inner], ...(input ? {input} : {}), timeoutMs: timeoutMs + 2 * graceMs});
		const ended = result.timedOut || result.exitCode === timedOutExit ? 'timed-out' : undefined;
		const ok = result.exitCode === 0 && ended === undefined;
		const exitCode = result.reachedCommand ? result.exitCode : 255;
		return {
			ok,
			exitCode,
			stdout: result.stdout.toString('utf8'),
			stderr: result.stderr,
			bytes: result.stdout,
			...(ok ? {} : {failure: describeFailure(node, argv, {exitCode, ...(ended ? {ended} : {}), stderr: result.stderr}, timeoutMs)}),
		};
	}

	return {
		async run(argv, options) {
			const {bytes: _bytes, ...result} = await runWith(argv, options, false);
			return result;
		},
		runForBytes: async (argv, options) => runWith(argv, options, true),
		// As root, in the shell: what root's PATH finds is what the commands, all run as root, find.
		async has(command) {
			const found = await session.asRootInShell({script: hasScript, args: [command], timeoutMs: 30_000});
			// Not reached (ssh's own 255: its connection gone since it was opened) says nothing of the
			// command; "not installed" would send the person the wrong way.
			if (!found.reachedCommand) throw sshErrorFor(session.endpoint, found.stderr);
			return found.exitCode === 0;
		},
	};
}
