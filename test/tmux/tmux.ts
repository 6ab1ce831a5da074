// A small driver for running a real program in tmux and reading its screen, the way a person
// would: start it in a detached session of a fixed size, wait for text before typing, send one
// key per send-keys, and capture the pane. Every session lives on its own tmux server socket and
// is killed by name, so a test never touches a person's tmux.
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';

const run = promisify(execFile);

const socket = 'mesos-setup-tests';

async function tmux(...args: string[]): Promise<string> {
	const {stdout} = await run('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	return stdout;
}

export type TmuxStart = {
	// Session name; unique per test so parallel tests do not meet.
	name: string;
	command: readonly string[];
	cwd?: string;
	env?: Record<string, string>;
	width?: number;
	height?: number;
};

export class TmuxSession {
	private constructor(readonly name: string) {}

	static async start({name, command, cwd = process.cwd(), env = {}, width = 120, height = 40}: TmuxStart): Promise<TmuxSession> {
		const envArgs = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
		// remain-on-exit is set in the same tmux command as the session starts, so a program that
		// ends at once still leaves its last screen and its exit status to read.
		await tmux('new-session', '-d', '-s', name, '-x', String(width), '-y', String(height), '-c', cwd, ...envArgs, '--', ...command, ';', 'set-option', '-t', name, 'remain-on-exit', 'on');
		return new TmuxSession(name);
	}

	// The screen as it is now, one line per row, trailing blanks removed.
	async capture(): Promise<string> {
		const text = await tmux('capture-pane', '-p', '-t', this.name);
		return text
			.split('\n')
			.map(line => line.trimEnd())
			.join('\n')
			.trimEnd();
	}

	// Polls the screen until it shows `text`; fails with the screen it last saw.
	async waitFor(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
		const until = Date.now() + timeoutMs;
		for (;;) {
			const screen = await this.capture();
			if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
			if (Date.now() > until) throw new Error(`tmux session ${this.name}: waited ${timeoutMs} ms for ${String(text)}; the screen shows:\n${screen}`);
			await new Promise(resolve => setTimeout(resolve, 25));
		}
	}

	// One key by its tmux name: Enter, Escape, Up, Down, Tab, BSpace, C-c, or a single character.
	async key(key: string): Promise<void> {
		await tmux('send-keys', '-t', this.name, key);
	}

	// Text typed literally, one character per send-keys, as a person types it.
	async type(text: string): Promise<void> {
		for (const char of text) await tmux('send-keys', '-t', this.name, '-l', char);
	}

	// The program's exit status once it has ended, undefined while it runs.
	// A killed program reports 128 + its signal number, as a shell would.
	async exitStatus(): Promise<number | undefined> {
		const [dead, status = '', signal = ''] = (await tmux('display-message', '-p', '-t', this.name, '#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}')).trim().split(':');
		// tmux sees the terminal close before it collects the status; until then there is none.
		if (dead !== '1') return undefined;
		if (status !== '') return Number(status);
		if (signal !== '') return 128 + Number(signal);
		return undefined;
	}

	async waitForExit(timeoutMs = 20_000): Promise<number> {
		const until = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.exitStatus();
			if (status !== undefined) return status;
			if (Date.now() > until) throw new Error(`tmux session ${this.name}: still running after ${timeoutMs} ms; the screen shows:\n${await this.capture()}`);
			await new Promise(resolve => setTimeout(resolve, 25));
		}
	}

	async kill(): Promise<void> {
		await tmux('kill-session', '-t', this.name).catch((error: unknown) => {
			// Already gone is what was wanted; anything else is worth seeing.
			if (!/can't find session|no server running/.test(String((error as {stderr?: string}).stderr ?? error))) throw error;
		});
	}
}
