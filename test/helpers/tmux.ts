// A small driver for running a real program in tmux and reading its screen, the way a person
// would: start it in a detached session of a fixed size, wait for text before typing, send one
// key per send-keys, and capture the pane. Every session has a tmux server of its own (a private
// socket), which kill() ends, so a test never touches a person's tmux or another test's sessions,
// and leaves no server behind.
//
// Three things a real terminal does that the driver takes care of:
// - Keys before raw mode are lost. Ink turns the terminal's raw mode on in an effect a few ms after
//   its first screen is drawn; an Enter typed before that reaches it as "\n" (the line discipline's
//   ICRNL), which Ink does not read as Enter. The first key waits until the pane's terminal is in
//   raw mode (`stty -a -F <pane tty>` shows -icanon).
// - A missed exit status. Debian's tmux is built with utempter, whose helper briefly replaces tmux's
//   SIGCHLD handler when a pane's terminal closes (tmux/tmux#311). A program that ends at that
//   moment stays a zombie and its pane reads dead with no status, for good. A SIGCHLD sent to the
//   tmux server, by its PID, makes it reap the program and record the status.
// - A program that outlives its pane. kill() stops the program by its PID before it ends the
//   session, then whatever the program left in its (terminal) session that the hangup did not end.
import {execFile} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {promisify} from 'node:util';

const run = promisify(execFile);

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function tmux(socket: string, ...args: string[]): Promise<string> {
	try {
		const {stdout} = await run('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8', timeout: 10_000});
		return stdout;
	} catch (error) {
		const {stderr} = error as {stderr?: string};
		throw new Error(`tmux -L ${socket} ${args.join(' ')} failed: ${stderr?.trim() || String(error)}`, {cause: error});
	}
}

// Whether a process runs: there and not a zombie (an ended program its parent has not reaped).
function isRunning(pid: number): boolean {
	const stat = procStat(pid);
	if (stat) return stat[0] !== 'Z';
	if (existsSync('/proc/self/stat')) return false;
	// No /proc: ask the kernel, which counts a zombie as there.
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function killServer(socket: string): Promise<void> {
	await tmux(socket, 'kill-server').catch((error: unknown) => {
		// Already gone is what was wanted; anything else is worth seeing.
		if (!/no server running|error connecting|server exited unexpectedly|lost server/.test(String(error))) throw error;
	});
}

function signal(pid: number, name: NodeJS.Signals): void {
	// Never 0 or 1, or a negative number: those would reach this process's group, init, or every process.
	if (!Number.isInteger(pid) || pid <= 1) throw new Error(`refusing to send ${name} to PID ${pid}`);
	try {
		process.kill(pid, name);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
	}
}

// The fields of /proc/<pid>/stat after the command name (state first), or undefined without it.
function procStat(pid: number): string[] | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name is in parentheses and may hold anything, spaces and parentheses too.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	} catch {
		return undefined;
	}
}

// The processes of a session (setsid) whose leader is `leader`: what it started and did not detach.
function sessionMembers(leader: number): number[] {
	let entries: string[];
	try {
		entries = readdirSync('/proc');
	} catch {
		return [];
	}
	return entries.map(Number).filter(pid => Number.isInteger(pid) && pid > 1 && pid !== process.pid && procStat(pid)?.[3] === String(leader));
}

// SIGTERM, then SIGKILL if the process still runs after the grace period. True if it has ended.
async function stopPid(pid: number, graceMs: number): Promise<boolean> {
	if (!isRunning(pid)) return true;
	signal(pid, 'SIGTERM');
	const until = Date.now() + graceMs;
	while (isRunning(pid) && Date.now() < until) await sleep(25);
	if (!isRunning(pid)) return true;
	signal(pid, 'SIGKILL');
	const killedUntil = Date.now() + 5000;
	while (isRunning(pid) && Date.now() < killedUntil) await sleep(25);
	return !isRunning(pid);
}

// Servers of sessions not yet killed, ended if the test process exits first (a test that failed
// before its afterEach, or forgot it), so no tmux server outlives the tests.
const live = new Set<TmuxSession>();
let sessionsStarted = 0;
let exitHooked = false;

function endLiveServersOnExit(): void {
	if (exitHooked) return;
	exitHooked = true;
	process.on('exit', () => {
		for (const session of live) {
			try {
				process.kill(session.serverPid, 'SIGTERM');
			} catch {
				// Already gone: nothing to end.
			}
			rmSync(session.socketPath, {force: true});
		}
	});
}

export type TmuxStart = {
	// Session name; it also names the session's tmux socket, so it should say which test it is.
	name: string;
	// The program and its arguments. With more than one word tmux runs it directly, so `pid` is
	// the program's; a single word is run by a shell (then `pid` is the shell's).
	command: readonly string[];
	cwd?: string;
	env?: Record<string, string>;
	width?: number;
	height?: number;
	// How long the first key waits for the program to read keys (raw mode).
	keysTimeoutMs?: number;
};

type PaneState = {dead: boolean; status?: number};

export class TmuxSession {
	private keysRead: Promise<void> | undefined;
	private killed = false;

	private constructor(
		readonly name: string,
		// The private tmux server: its socket name (tmux -L), the socket's path, and its PID.
		readonly socket: string,
		readonly socketPath: string,
		readonly serverPid: number,
		// The program's PID (pane_pid) and its terminal (pane_tty).
		readonly pid: number,
		readonly tty: string,
		// The pane's id (%N): what every command targets, whatever the session name holds.
		private readonly pane: string,
		private readonly keysTimeoutMs: number,
		// Whether the program leads a session of its own (its PID is its session ID), as tmux sets it up.
		private readonly leadsSession: boolean,
	) {}

	static async start({name, command, cwd = process.cwd(), env = {}, width = 120, height = 40, keysTimeoutMs = 20_000}: TmuxStart): Promise<TmuxSession> {
		// tmux would turn the dots and colons of a session name into underscores, and -t would then miss it.
		const session = name.replaceAll(/[.:]/g, '_');
		const socket = `mesos-setup-tests-${name.replaceAll(/[^\w-]/g, '_').slice(0, 48)}-${process.pid}-${++sessionsStarted}`;
		const envArgs = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
		endLiveServersOnExit();
		// remain-on-exit is set in the same tmux command as the session starts, so a program that
		// ends at once still leaves its last screen and its exit status to read.
		const shown = await tmux(
			socket,
			...['new-session', '-d', '-P', '-F', '#{pid} #{pane_pid} #{pane_id} #{pane_tty} #{socket_path}'],
			...['-s', session, '-x', String(width), '-y', String(height), '-c', cwd, ...envArgs, '--', ...command],
			...[';', 'set-option', '-t', session, 'remain-on-exit', 'on'],
		).catch(async (error: unknown) => {
			// The session may have started before the command failed.
			await killServer(socket).catch(() => undefined);
			throw error;
		});
		const [serverPid, pid, pane, tty, ...socketPath] = shown.trim().split(' ');
		const started = new TmuxSession(name, socket, socketPath.join(' '), Number(serverPid), Number(pid), tty ?? '', pane ?? '', keysTimeoutMs, procStat(Number(pid))?.[3] === pid);
		if (!(started.serverPid > 1 && started.pid > 1 && started.pane.startsWith('%') && started.tty.startsWith('/dev/') && started.socketPath !== '')) {
			await killServer(socket).catch(() => undefined);
			throw new Error(`tmux session ${name}: new-session said ${JSON.stringify(shown)}, not a server PID, program PID, pane, terminal and socket`);
		}
		live.add(started);
		return started;
	}

	// The screen as it is now, one line per row, trailing blanks removed; with `escapes`, its
	// colours and attributes as escape codes (capture-pane -e).
	async capture({escapes = false}: {escapes?: boolean} = {}): Promise<string> {
		const text = await tmux(this.socket, 'capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.pane);
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
			await sleep(25);
		}
	}

	// Polls until the program has put its terminal in raw mode, so a key reaches it as typed.
	// key() and type() wait for this before the first key.
	async waitForRawMode(timeoutMs = this.keysTimeoutMs): Promise<void> {
		const until = Date.now() + timeoutMs;
		for (;;) {
			const state = await this.paneState();
			if (state.dead) {
				throw new Error(`tmux session ${this.name}: the program ended (status ${state.status ?? 'not known'}) before it read keys; the screen shows:\n${await this.capture()}`);
			}
			const {stdout} = await run('stty', ['-a', '-F', this.tty], {encoding: 'utf8', timeout: 10_000});
			if (/(^|\s)-icanon(\s|$)/.test(stdout)) return;
			if (Date.now() > until) {
				throw new Error(
					`tmux session ${this.name}: waited ${timeoutMs} ms for the program to read keys (raw mode: stty -a -F ${this.tty} to show -icanon) before sending its first key; the screen shows:\n${await this.capture()}`,
				);
			}
			await sleep(25);
		}
	}

	// One key by its tmux name: Enter, Escape, Up, Down, Tab, BSpace, C-c, or a single character.
	async key(key: string): Promise<void> {
		await this.readsKeys();
		await tmux(this.socket, 'send-keys', '-t', this.pane, key);
	}

	// Several keys in ONE send-keys (names as key() takes them, or text), so the program may read
	// them together, as it does when someone types fast, pastes, or works over a slow link.
	async keysTogether(...keys: string[]): Promise<void> {
		await this.readsKeys();
		await tmux(this.socket, 'send-keys', '-t', this.pane, ...keys);
	}

	// Text typed literally, one character per send-keys, as a person types it.
	async type(text: string): Promise<void> {
		await this.readsKeys();
		for (const char of text) await tmux(this.socket, 'send-keys', '-t', this.pane, '-l', char);
	}

	// The program's exit status once it has ended, undefined while it runs.
	// A killed program reports 128 + its signal number, as a shell would.
	async exitStatus(): Promise<number | undefined> {
		const state = await this.paneState();
		if (!state.dead || state.status !== undefined) return state.status;
		// Dead with no status: tmux saw the terminal close but has not collected the program. Either
		// it is about to, or it missed the program's SIGCHLD (tmux/tmux#311) and never will by itself.
		signal(this.serverPid, 'SIGCHLD');
		return (await this.paneState()).status;
	}

	async waitForExit(timeoutMs = 20_000): Promise<number> {
		const until = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.exitStatus();
			if (status !== undefined) return status;
			if (Date.now() > until) throw new Error(`tmux session ${this.name}: still running after ${timeoutMs} ms; the screen shows:\n${await this.capture()}`);
			await sleep(25);
		}
	}

	// Stops the program by its PID (SIGTERM, then SIGKILL after graceMs) if it still runs, then ends
	// the session and its tmux server. Safe to call more than once; fails if anything still runs.
	async kill(graceMs = 5000): Promise<void> {
		if (this.killed) return;
		this.killed = true;
		const problems: string[] = [];
		// The PID is the program's only while tmux has not collected it (after that it may be reused).
		const state = await this.paneState().catch(() => undefined);
		const ours = state !== undefined && state.status === undefined;
		const leadsSession = this.leadsSession || (ours && procStat(this.pid)?.[3] === String(this.pid));
		if (ours && !(await stopPid(this.pid, graceMs))) problems.push(`the program (PID ${this.pid}) still runs after SIGKILL`);
		// The session is the server's only one: kill-server ends both, and hangs up the pane.
		await killServer(this.socket).catch((error: unknown) => problems.push(String(error)));
		const until = Date.now() + 5000;
		while (isRunning(this.serverPid) && Date.now() < until) await sleep(25);
		if (!(await stopPid(this.serverPid, 0))) problems.push(`its tmux server (PID ${this.serverPid}) still runs after kill-server and SIGKILL`);
		// tmux makes the program a session leader: what it started and left in its session, and the
		// hangup did not end, is stopped too (a service that detached has a session of its own).
		if (leadsSession) await Promise.all(sessionMembers(this.pid).map(async pid => stopPid(pid, 1000)));
		// tmux leaves its socket file behind.
		rmSync(this.socketPath, {force: true});
		live.delete(this);
		if (problems.length > 0) throw new Error(`tmux session ${this.name}: ${problems.join('; ')}`);
	}

	private async readsKeys(): Promise<void> {
		this.keysRead ??= this.waitForRawMode().catch((error: unknown) => {
			// A later key tries again (and fails again, with the screen as it is then).
			this.keysRead = undefined;
			throw error;
		});
		await this.keysRead;
	}

	private async paneState(): Promise<PaneState> {
		const shown = await tmux(this.socket, 'display-message', '-p', '-t', this.pane, '#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}');
		const [dead, status = '', signalNumber = ''] = shown.trim().split(':');
		if (dead !== '1') return {dead: false};
		if (status !== '') return {dead: true, status: Number(status)};
		if (signalNumber !== '') return {dead: true, status: 128 + Number(signalNumber)};
		return {dead: true};
	}
}
