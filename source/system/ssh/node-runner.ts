// The CommandRunner of a node: the same argument vectors the plan gives the local runner, run on
// the node as root (sudo -n for another user) through its SSH session, every output line streamed
// back as it comes, in a command shell kept on the node (command-shell.ts) rather than an ssh
// session each. A timeout or a stop asks that shell to end the command's whole process group on
// the node (TERM, then KILL); the shell itself is killed 10 s later if the node has not answered.
// A command whose lines nobody watches and that cannot be stopped runs in the node's root shell
// (node-shell.ts) instead, its time kept on the node by coreutils' timeout.
import {once} from 'node:events';
import {PassThrough} from 'node:stream';
import {withEnv} from '../../model/remote-command.js';
import {cleanLine} from '../../model/terminal-text.js';
import {type CommandRunner, endOnTimeoutOrStop, type RunOptions, type RunResult, streamLines} from '../runner.js';
import {hasScript} from './node-scripts.js';
import {type SshEndpoint, type SshSession, sshErrorFor, sshProblemOf} from './ssh-session.js';

// timeout SECONDS COMMAND…: coreutils' timeout, which runs the command in a process group of its
// own and ends the group (TERM, then KILL 5 s later) when the time is up, exiting 124; 137 (killed)
// once the time is up is a group that ignored TERM, timed out too.
const timedScript = 'timeout -k 5 "$1" "${@:2}"; status=$?; [ "$status" = 137 ] && [ "$SECONDS" -ge "$1" ] && exit 124; exit "$status"';
const timedOutExit = 124;

// After a stop is asked, how long the node has to end the command before its shell is killed.
const graceMs = 10_000;

const bytesOf = (value: unknown): Buffer => (value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(typeof value === 'string' ? value : ''));

function describeFailure(endpoint: SshEndpoint, argv: readonly string[], result: {exitCode?: number; ended?: 'timed-out' | 'stopped'; stderr: string}, timeoutMs: number): string {
	const name = argv.join(' ');
	const node = endpoint.name;
	if (result.ended === 'stopped') return `“${name}” was stopped before it finished on ${node}`;
	if (result.ended === 'timed-out') return `“${name}” did not finish within ${Math.round(timeoutMs / 1000)} s on ${node} and was stopped`;
	const lastError = result.stderr
		.split('\n')
		.map(line => cleanLine(line).trim())
		.filter(Boolean)
		.at(-1);
	if (result.exitCode === 255 && sshProblemOf(result.stderr).problem !== 'failed') return `“${name}” could not run: ${sshErrorFor(endpoint, result.stderr).message}`;
	if (result.exitCode === 127 || /failed to execute .*No such file/.test(lastError ?? '')) return `${argv[0]} is not installed on ${node} (command not found), so “${name}” could not run`;
	return `“${name}” exited with code ${result.exitCode} on ${node}${lastError ? `: ${lastError}` : ''}`;
}

// Every line of a streamed command's output, handed to onLine before its result is made: streamLines
// listens first, so its last line is out when 'end' comes here.
function streamedLines(streams: {stdout: PassThrough; stderr: PassThrough}, onLine: NonNullable<RunOptions['onLine']>): Promise<unknown> {
	streamLines(streams, onLine);
	return Promise.all([once(streams.stdout, 'end'), once(streams.stderr, 'end')]);
}

export function createNodeRunner(session: SshSession): CommandRunner {
	async function runWith(argv: readonly string[], options: RunOptions): Promise<RunResult & {bytes: Buffer}> {
		if (argv.length === 0) throw new Error('empty command');
		// Each word goes to the node ended by a NUL, as a command line cannot hold one anyway.
		const nul = [...argv, ...Object.entries(options.env ?? {}).flat()].find(word => word.includes('\0'));
		if (nul !== undefined) throw new Error(`“${argv.join(' ')}” holds a NUL byte in ${JSON.stringify(nul)}: a command's words cannot carry one`);
		const input = options.input === undefined ? undefined : bytesOf(options.input);
		const inner = withEnv(argv, options.env);
		if (!options.onLine && !options.signal) return inShell(argv, inner, input, options.timeoutMs);
		const output = {stdout: [] as Buffer[], stderr: [] as Buffer[]};
		// Lines as they come, split and cleaned as the local runner's are.
		const {onLine} = options;
		const streams = onLine ? {stdout: new PassThrough(), stderr: new PassThrough()} : undefined;
		const drained = streams && onLine ? streamedLines(streams, onLine) : Promise.resolve();
		const run = session.runStreamed({
			args: inner,
			...(input ? {input} : {}),
			onOutput(stream, chunk) {
				output[stream].push(chunk);
				streams?.[stream].write(chunk);
			},
		});
		let ended: 'timed-out' | 'stopped' | undefined;
		let killer: NodeJS.Timeout | undefined;
		// The end is the node's to make, gently first (see above); the shell goes if it does not come.
		const end = (why: 'timed-out' | 'stopped') => {
			if (ended) return;
			ended = why;
			run.stop();
			killer = setTimeout(() => run.kill(), graceMs);
		};
		const release = endOnTimeoutOrStop(options.timeoutMs, options.signal, end);
		let result;
		try {
			result = await run.ended;
		} finally {
			release();
			clearTimeout(killer);
			streams?.stdout.end();
			streams?.stderr.end();
		}
		await drained;
		const stdout = Buffer.concat(output.stdout);
		const stderr = Buffer.concat(output.stderr).toString('utf8');
		const ok = result.exitCode === 0 && ended === undefined;
		return {
			ok,
			exitCode: result.exitCode,
			stdout: stdout.toString('utf8'),
			stderr,
			bytes: stdout,
			...(ended === 'stopped' ? {stopped: true} : {}),
			...(ok ? {} : {failure: describeFailure(session.endpoint, argv, {exitCode: result.exitCode, ended, stderr}, options.timeoutMs)}),
		};
	}

	// A command nobody watches or may stop (detection's dpkg-query, the preflight's port owners): in
	// the node's root shell, where it costs no ssh session and no sudo of its own; coreutils'
	// timeout ends its process group on the node when its time is up, as a command shell's watcher does.
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
			...(ok ? {} : {failure: describeFailure(session.endpoint, argv, {exitCode, ...(ended ? {ended} : {}), stderr: result.stderr}, timeoutMs)}),
		};
	}

	return {
		async run(argv, options) {
			const {bytes: _bytes, ...result} = await runWith(argv, options);
			return result;
		},
		runForBytes: async (argv, options) => runWith(argv, options),
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
