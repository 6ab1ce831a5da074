// One node reached through the system's OpenSSH client (so ~/.ssh/config, the agent, ProxyJump and
// known_hosts apply as they do for the person). One master connection per node, shared by every
// command and file operation (ControlMaster), its socket in a private folder that close() removes.
// Host keys are always checked (StrictHostKeyChecking=yes); host-keys.ts fetches and accepts an
// unknown one after a person has seen it. BatchMode: nothing ever waits for a password.
import {spawn} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {randomBytes} from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {execa, type ResultPromise} from 'execa';
import {asRoot, bashScript, remoteCommandLine} from '../../model/remote-command.js';
import {type CommandRun, CommandShell, commandShellScript, type StreamedCommand} from './command-shell.js';
import {NodeShell, nodeShellScript, type ShellRequest} from './node-shell.js';
import {type SshEndpoint, sshErrorFor} from './ssh-errors.js';

export {describeEndpoint, type SshEndpoint, SshError, sshErrorFor, type SshProblem, sshProblemOf} from './ssh-errors.js';

// How long an idle master connection stays after its last use: long enough between the stages of
// a run, short enough that a run killed without closing leaves nothing for long.
const persistSeconds = 300;

export type ExecOptions = {
	input?: string | Buffer;
	// Keep standard input open (and empty) until the command ends: node-lock's shell holds the lock
	// until it closes.
	holdInput?: boolean;
	binary?: boolean;
	timeoutMs: number;
};

export type CallResult = {exitCode?: number; timedOut: boolean; stdout: Buffer; stderr: string; reachedCommand: boolean};

export class SshSession {
	private remoteUid: number | undefined;
	private readonly marker = `mesos-setup-output-${randomBytes(6).toString('hex')}`;
	private rootShell: NodeShell | undefined;
	private commandShells: CommandShell[] = [];
	private shellTurns: Promise<unknown> = Promise.resolve();
	// Set by close(): a look still under way (the status screen just left) must not start a new
	// connection or root shell that nothing would close before the process ends.
	private closed = false;
	private starting: Promise<{code: number | null; timedOut: boolean}> | undefined;

	constructor(
		readonly endpoint: SshEndpoint,
		private readonly socketDir: string,
	) {}

	// The options every ssh to this node takes: the same ones for the master, for each command and
	// for closing, so ControlPath's %C (a hash of host, port and user) names the same socket.
	// `extra` comes first: for ssh the first value given for an option is the one that counts.
	options(extra: readonly string[] = []): string[] {
		const {port, user, identity} = this.endpoint;
		return [
			...extra,
			...['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', 'ConnectTimeout=10'],
			...['-o', 'ServerAliveInterval=10', '-o', 'ServerAliveCountMax=3', '-o', 'LogLevel=ERROR'],
			...['-o', `ControlPath=${path.join(this.socketDir, '%C')}`, '-T'],
			...(port ? ['-p', String(port)] : []),
			...(user ? ['-l', user] : []),
			...(identity ? ['-i', identity] : []),
			'--',
			this.endpoint.address,
		];
	}

	// Starts the shared connection, and learns whether the login is root (else commands use sudo -n).
	// An unknown or changed host key, a refused login or an unreachable node is an SshError.
	async open(): Promise<void> {
		this.refuseIfClosed();
		const log = path.join(this.socketDir, `${this.endpoint.name}.master.log`);
		// The master is started with -f and its standard error straight into a file (a descriptor of
		// its own, not a pipe through this process): the backgrounded master keeps it open, and
		// waiting for a pipe it holds would never end.
		const logFd = openSync(log, 'w', 0o600);
		let exit: {code: number | null; timedOut: boolean};
		try {
			// Kept for close(), which waits for it: a master still starting when the session closes would
			// otherwise bind its socket after the `-O exit`, or find its folder gone and stay for good.
			this.starting = new Promise(resolve => {
				const master = spawn('ssh', this.options(['-o', 'ControlMaster=yes', '-o', `ControlPersist=${persistSeconds}`, '-N', '-f']), {stdio: ['ignore', 'ignore', logFd]});
				const timer = setTimeout(() => {
					master.kill('SIGKILL');
					resolve({code: null, timedOut: true});
				}, 60_000);
				master.once('error', () => resolve({code: null, timedOut: false}));
				master.once('exit', code => {
					clearTimeout(timer);
					resolve({code, timedOut: false});
				});
			});
			exit = await this.starting;
		} finally {
			closeSync(logFd);
		}
		if (exit.code !== 0) {
			const stderr = await readFile(log, 'utf8').catch(() => '');
			throw sshErrorFor(this.endpoint, exit.timedOut ? 'Connection timed out (60 s)' : stderr || 'ssh could not be started');
		}
		const id = await this.call(remoteCommandLine(['id', '-u']), {timeoutMs: 30_000});
		const uid = id.stdout.toString('utf8').trim();
		if (id.exitCode !== 0 || !/^\d+$/.test(uid)) throw sshErrorFor(this.endpoint, id.stderr);
		this.remoteUid = Number(uid);
	}

	get remoteIsRoot(): boolean {
		if (this.remoteUid === undefined) throw new Error(`the SSH session to ${this.endpoint.name} is not open`);
		return this.remoteUid === 0;
	}

	// One command line for the node's shell (quoted by the caller: remote-command.ts).
	exec(commandLine: string, options: ExecOptions): ResultPromise<{reject: false; encoding: 'buffer' | 'utf8'}> {
		this.refuseIfClosed();
		return execa('ssh', [...this.options(['-o', 'ControlMaster=no']), commandLine], {
			reject: false,
			stripFinalNewline: false,
			timeout: options.timeoutMs,
			encoding: options.binary ? 'buffer' : 'utf8',
			...(options.input !== undefined ? {input: options.input} : {stdin: options.holdInput ? 'pipe' : 'ignore'}),
		}) as unknown as ResultPromise<{reject: false; encoding: 'buffer' | 'utf8'}>;
	}

	// A command whose whole standard output is the answer (file bytes, a number). The login shell
	// may print before the command runs (a ~/.bashrc that echoes: sshd has bash read it even for a
	// command), so the answer is framed by a line of its own and what comes before it is dropped.
	async call(commandLine: string, options: Omit<ExecOptions, 'holdInput' | 'binary'>): Promise<CallResult> {
		const result = await this.exec(`printf '%s\\n' ${this.marker}; ${commandLine}`, {...options, binary: true});
		const stdout = Buffer.from(result.stdout as Uint8Array);
		const frame = Buffer.from(`${this.marker}\n`);
		const at = stdout.indexOf(frame);
		return {
			exitCode: result.exitCode,
			timedOut: result.timedOut,
			stdout: at >= 0 ? stdout.subarray(at + frame.length) : Buffer.alloc(0),
			stderr: Buffer.from(result.stderr as Uint8Array).toString('utf8'),
			reachedCommand: at >= 0,
		};
	}

	// A bash script run as root in the node's one root shell (node-shell.ts), started at the first
	// request and again after one that timed out or lost its connection.
	// Requests wait here for the one before, and each looks at the shell in its own turn: one queued
	// behind a request that timed out (or lost the shell) starts a new shell, not a false "lost".
	async asRootInShell(request: ShellRequest): Promise<CallResult> {
		const turn = this.shellTurns.then(async () => {
			this.refuseIfClosed();
			if (!this.rootShell?.alive) this.rootShell = new NodeShell(this.shellAsRoot(nodeShellScript), this.marker);
			return this.rootShell.call(request);
		});
		this.shellTurns = turn.catch(() => undefined);
		return turn;
	}

	// A command whose output streams back, or that may be stopped, as root in a command shell of the
	// node (command-shell.ts): one kept for the run, another for a command started while it is busy.
	runStreamed(command: StreamedCommand): CommandRun {
		this.refuseIfClosed();
		this.commandShells = this.commandShells.filter(shell => shell.alive);
		let shell = this.commandShells.find(each => each.idle);
		if (!shell) {
			shell = new CommandShell(this.shellAsRoot(commandShellScript), this.marker);
			this.commandShells.push(shell);
		}
		return shell.run(command);
	}

	// A shell script as root on the node, `marker` its $1, over a session of its own.
	private shellAsRoot(script: string) {
		const commandLine = remoteCommandLine(asRoot(bashScript(script, [this.marker]), this.remoteIsRoot));
		return spawn('ssh', [...this.options(['-o', 'ControlMaster=no']), commandLine], {stdio: ['pipe', 'pipe', 'pipe']});
	}

	private refuseIfClosed(): void {
		if (this.closed) throw new Error(`the SSH session to ${this.endpoint.name} was closed`);
	}

	async close(): Promise<void> {
		this.closed = true;
		await this.starting;
		await Promise.all([this.rootShell?.close(), ...this.commandShells.map(async shell => shell.close())]);
		await execa('ssh', this.options(['-O', 'exit']), {reject: false, stdin: 'ignore', timeout: 10_000});
	}
}

// The SSH sessions of one run, and the private folder of their control sockets.
export class SshSessions {
	private readonly sessions: SshSession[] = [];
	private closed = false;

	private constructor(readonly socketDir: string) {}

	static async create(): Promise<SshSessions> {
		// mkdtemp makes it 0700: nobody else may reach a node through these sockets. Short, for the
		// 108 bytes a socket path may have.
		return new SshSessions(await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-ssh-')));
	}

	session(endpoint: SshEndpoint): SshSession {
		if (this.closed) throw new Error(`the SSH sessions were closed; ${endpoint.name} is not reached again`);
		const session = new SshSession(endpoint, this.socketDir);
		this.sessions.push(session);
		return session;
	}

	async close(): Promise<void> {
		this.closed = true;
		await Promise.all(this.sessions.map(async session => session.close()));
		await rm(this.socketDir, {recursive: true, force: true});
	}
}
