// The CommandRunner of a node: the same argument vectors the plan gives the local runner, run on
// the node as root (sudo -n for another user) through its SSH session, every output line streamed
// back as it comes. A timeout or a stop closes the command's standard input, which ends its whole
// process group on the node (node-scripts' runScript); the ssh client goes 10 s later at the latest.
import {asRoot, bashScript, remoteCommandLine, withEnv} from '../../model/remote-command.js';
import {cleanLine} from '../../model/terminal-text.js';
import {type CommandRunner, endOnTimeoutOrStop, type RunOptions, type RunResult, streamLines} from '../runner.js';
import {hasScript, runScript} from './node-scripts.js';
import {type SshSession, sshErrorFor, sshProblemOf} from './ssh-session.js';

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

	return {
		async run(argv, options) {
			const {bytes: _bytes, ...result} = await runWith(argv, options, false);
			return result;
		},
		runForBytes: async (argv, options) => runWith(argv, options, true),
		async has(command) {
			const found = await session.exec(remoteCommandLine(bashScript(hasScript, [command])), {timeoutMs: 30_000});
			// 255 is ssh's own: the node was not reached (its connection gone since), which says nothing
			// of the command; "not installed" would send the person the wrong way.
			if (found.exitCode === 255) throw sshErrorFor(session.endpoint, bytesOf(found.stderr).toString('utf8'));
			return found.exitCode === 0;
		},
	};
}
