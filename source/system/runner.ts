// Runs system commands: execa with an argument array (values never reach a shell), a timeout,
// and every output line streamed as it comes, with carriage-return progress and colour removed.
// Each command runs in a process group of its own, so a timeout or a stop (the AbortSignal)
// ends everything it started, not only the command itself.
import {constants} from 'node:fs';
import {access} from 'node:fs/promises';
import path from 'node:path';
import type {Readable} from 'node:stream';
import {StringDecoder} from 'node:string_decoder';
import type {OutputStream} from '../model/apply-events.js';
import {cleanLine} from '../model/terminal-text.js';
import {processGroup} from './process-group.js';

export type RunOptions = {
	timeoutMs: number;
	env?: Record<string, string>;
	input?: string | Buffer;
	onLine?: (line: string, stream: OutputStream) => void;
	// Aborted: the command's process group gets SIGTERM, then SIGKILL after a short grace.
	signal?: AbortSignal;
};

export type RunResult = {
	ok: boolean;
	exitCode: number | undefined;
	// Everything the command printed; with onLine, which had every line, the end of it
	// (keptOutputChars, from a line's start): memory stays flat however much a command prints.
	stdout: string;
	stderr: string;
	// For a person: what failed and why, when ok is false.
	failure?: string;
	// Ended because the signal was aborted, not by itself.
	stopped?: boolean;
};

export type CommandRunner = {
	run(argv: readonly string[], options: RunOptions): Promise<RunResult>;
	// The command's bytes on stdout, for binary output such as an exported key.
	runForBytes(argv: readonly string[], options: RunOptions): Promise<RunResult & {bytes: Buffer}>;
	has(command: string): Promise<boolean>;
};

// Shared with the log pane, which cleans lines that did not come through this runner.
export {cleanLine};

export function lineSplitter(onLine: (line: string) => void): {push(chunk: string): void; end(): void} {
	let pending = '';
	return {
		push(chunk) {
			pending += chunk;
			const parts = pending.split('\n');
			pending = parts.pop() ?? '';
			for (const part of parts) onLine(cleanLine(part));
		},
		end() {
			if (pending.length > 0) onLine(cleanLine(pending));
			pending = '';
		},
	};
}

// What a streamed command's result keeps of each stream: enough for every reader of a result
// (gpg's key listing, apt's last lines and failed fetches, the failure's last stderr line). Small,
// so the kept chunks die young: a 1 MiB tail outlived collections and grew the heap with the output.
export const keptOutputChars = 64 * 1024;

// The end of `text`, at most `max` characters, from the start of a line.
function endOf(text: string, max: number): string {
	if (text.length <= max) return text;
	const end = text.slice(-max);
	const lineStart = end.indexOf('\n');
	return lineStart === -1 ? end : end.slice(lineStart + 1);
}

// The last chunks of a stream holding at least `keep` characters: a chunk is dropped, never
// copied, so a flood of output costs nothing here; joined once, when the result is made.
function chunkTail(keep: number): {add(text: string): void; text(): string} {
	const chunks: string[] = [];
	let length = 0;
	return {
		add(text) {
			if (keep === 0 || text === '') return;
			chunks.push(text);
			length += text.length;
			while (chunks.length > 1 && length - (chunks[0]?.length ?? 0) >= keep) length -= chunks.shift()?.length ?? 0;
		},
		text: () => endOf(chunks.join(''), keep),
	};
}

export type StreamedText = {stdout(): string; stderr(): string};

// Every line of a child's stdout and stderr, as it comes (a node's commands too: ssh/node-runner.ts),
// and the end of each stream's text (`keep` characters; 0 keeps none).
export function streamLines(child: {stdout?: Readable | null; stderr?: Readable | null}, onLine: (line: string, stream: OutputStream) => void, keep = 0): StreamedText {
	const kept = {stdout: chunkTail(keep), stderr: chunkTail(keep)};
	for (const stream of ['stdout', 'stderr'] as const) {
		const splitter = lineSplitter(line => onLine(line, stream));
		// One decoder per stream: a character split across two chunks is not mangled.
		const decoder = new StringDecoder('utf8');
		const take = (text: string) => {
			kept[stream].add(text);
			splitter.push(text);
		};
		child[stream]?.on('data', (chunk: Buffer) => take(decoder.write(chunk)));
		child[stream]?.on('end', () => {
			take(decoder.end());
			splitter.end();
		});
	}
	return {stdout: () => kept.stdout.text(), stderr: () => kept.stderr.text()};
}

function describeFailure(
	argv: readonly string[],
	result: {exitCode?: number; timedOut?: boolean; stopped?: boolean; code?: string; signal?: string; stderr?: unknown},
	timeoutMs: number,
): string {
	const name = argv.join(' ');
	if (result.code === 'ENOENT') return `${argv[0]} is not installed (command not found), so “${name}” could not run`;
	if (result.code === 'EACCES') return `“${name}” could not be started: permission denied`;
	if (result.stopped) return `“${name}” was stopped before it finished`;
	if (result.timedOut) return `“${name}” did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`;
	if (result.signal) return `“${name}” was stopped by ${result.signal}`;
	const lastError = String(result.stderr ?? '')
		.split('\n')
		.map(l => cleanLine(l).trim())
		.filter(Boolean)
		.at(-1);
	return `“${name}” exited with code ${result.exitCode}${lastError ? `: ${lastError}` : ''}`;
}

async function runWith(argv: readonly string[], options: RunOptions, binary: boolean) {
	const [file, ...args] = argv;
	if (!file) throw new Error('empty command');
	const {signal} = options;
	// Loaded at the first command: a sandbox run (--root) and plan run none, and execa's modules
	// take a good share of their start.
	const {execa} = await import('execa');
	// Lines handed to onLine are not also gathered whole: the result keeps the end of them.
	const streamed = options.onLine !== undefined && !binary;
	const child = execa(file, args, {
		reject: false,
		buffer: !streamed,
		env: options.env,
		extendEnv: true,
		input: options.input,
		stdin: options.input === undefined ? 'ignore' : undefined,
		encoding: binary ? 'buffer' : 'utf8',
		stripFinalNewline: false,
		// A group of its own: the timeout and the signal end the command and all it started.
		detached: true,
	});
	const group = processGroup(child.pid);
	let ended: 'timed-out' | 'stopped' | undefined;
	const end = (why: 'timed-out' | 'stopped') => {
		ended ??= why;
		void group.stop();
	};
	const release = endOnTimeoutOrStop(options.timeoutMs, signal, end);
	const streamedText = options.onLine ? streamLines(child, options.onLine, streamed ? keptOutputChars : 0) : undefined;
	let result;
	try {
		result = await child;
	} finally {
		release();
	}
	// What the command started must be gone too before a stopped command counts as ended.
	if (ended) await group.stop();
	else group.forget();
	// execa 9 hands back a Uint8Array (not a Buffer) for encoding 'buffer', a string for 'utf8'.
	const bytesOf = (value: unknown): Buffer => (value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(typeof value === 'string' ? value : ''));
	const text = (value: unknown): string => (typeof value === 'string' ? value : bytesOf(value).toString('utf8'));
	const stdout = streamed && streamedText ? streamedText.stdout() : text(result.stdout);
	const stderr = streamed && streamedText ? streamedText.stderr() : text(result.stderr);
	const ok = !result.failed && ended === undefined;
	const errno = (result as {code?: string}).code;
	return {
		ok,
		exitCode: result.exitCode,
		stdout,
		stderr,
		bytes: binary ? bytesOf(result.stdout) : Buffer.alloc(0),
		...(ended === 'stopped' ? {stopped: true} : {}),
		...(ok
			? {}
			: {
					failure: describeFailure(
						argv,
						{exitCode: result.exitCode, timedOut: ended === 'timed-out', stopped: ended === 'stopped', code: errno, signal: result.signal, stderr},
						options.timeoutMs,
					),
				}),
	};
}

export function createCommandRunner(): CommandRunner {
	return {
		async run(argv, options) {
			const {bytes: _bytes, ...result} = await runWith(argv, options, false);
			return result;
		},
		runForBytes: async (argv, options) => runWith(argv, options, true),
		has: findOnPath,
	};
}

// Looks along PATH (and the sbin folders sudo adds) the way a shell would, without a shell.
export async function findOnPath(command: string): Promise<boolean> {
	const dirs = new Set([...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin']);
	for (const dir of dirs) {
		if (!dir) continue;
		try {
			await access(path.join(dir, command), constants.X_OK);
			return true;
		} catch {
			// not in this folder; look in the next
		}
	}
	return false;
}

// A command's two ends besides its own exit: its time is up, or the run was stopped. Calls `end`
// with which (at once if the signal is already aborted); the returned function lets both go.
export function endOnTimeoutOrStop(timeoutMs: number, signal: AbortSignal | undefined, end: (why: 'timed-out' | 'stopped') => void): () => void {
	const timer = setTimeout(() => end('timed-out'), timeoutMs);
	const onAbort = () => end('stopped');
	if (signal?.aborted) onAbort();
	else signal?.addEventListener('abort', onAbort, {once: true});
	return () => {
		clearTimeout(timer);
		signal?.removeEventListener('abort', onAbort);
	};
}
