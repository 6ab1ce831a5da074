// A second shell on a node, as root, for the commands whose lines are watched as they come or that
// may be stopped (apt-get, gpg, update-rc.d, service start…: node-runner.ts). Each command is a
// request on its standard input and its output comes back on the shell's own stdout and stderr as
// the command prints it, so a command costs a few forks on the node and a pipe write here, not an
// ssh spawn here, an ssh client, an sshd session, a login bash, sudo and setsid each (about 15 a
// node in a setup: issue 12). One command at a time: the session keeps another shell for a command
// started while this one is busy.
import type {ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import type {OutputStream} from '../../model/apply-events.js';
import {closeShell, requestEnd} from './node-shell.js';

// The shell. Says `$1` on a line on stdout and on stderr when it is ready (what a ~/.bashrc printed
// comes before it and is dropped), then reads "mesos-setup-run ID END ARGUMENTS INPUT-BYTES", each
// argument ended by a NUL, the input and the line "mesos-setup-end" (an input cut short by a lost
// connection runs nothing: apt-key add would read a key cut in half); or "mesos-setup-stop ID". The
// command runs as an ssh session's did: its input from a file (or /dev/null), in a process group of
// its own (setsid), watched by a process that ends the group (TERM, then KILL 5 s later) when its
// pipe closes. This shell holds that pipe: it closes it on a stop, and when the shell ends (its
// input closed: the run's end, a lost connection, a killed mesos-setup), so nothing a command
// started outlives the run. A command that ends by itself leaves what it started running, its
// watcher killed first, as before; a watcher that began a stop no longer heeds that kill, so the
// group still gets its KILL once the command's first process went on TERM and another in it did not
// (and bash's word on a killed job is not taken for the command's output). Its output reaches the
// shell's stdout and stderr through one cat each, which, once every writer has closed (the command
// and whatever it started that kept them), says so with END followed by o (stdout) or e (stderr);
// the command's exit status follows as END x STATUS on stdout. END is new for each command, so
// nothing a command prints is taken for it.
export const commandShellScript = `ms_tmp=$(mktemp -d -p /run mesos-setup-commands.XXXXXX 2>/dev/null || mktemp -d) || exit 1
trap 'rm -rf -- "$ms_tmp"' EXIT
ms_stop=
printf '%s\\n' "$1"; printf '%s\\n' "$1" >&2
ms_running=
while IFS=' ' read -r ms_tag ms_id ms_end ms_count ms_input; do
  if [ "$ms_tag" = mesos-setup-stop ]; then
    if [ "$ms_id" = "$ms_running" ] && [ -n "$ms_stop" ]; then exec {ms_stop}>&-; ms_stop=; fi
    continue
  fi
  [ "$ms_tag" = mesos-setup-run ] || exit 2
  if [ -n "$ms_stop" ]; then exec {ms_stop}>&-; ms_stop=; fi
  ms_running=$ms_id
  ms_args=()
  for ((ms_i = 0; ms_i < ms_count; ms_i++)); do IFS= read -r -d '' ms_arg; ms_args+=("$ms_arg"); done
  ms_in=/dev/null
  if [ "$ms_input" -gt 0 ]; then
    ms_in=$ms_tmp/in
    head -c "$ms_input" >"$ms_in" 2>/dev/null || { echo "the shell's folder $ms_tmp could not hold a command's input (is its file system full?)" >&2; exit 2; }
  fi
  IFS= read -r ms_whole && [ "$ms_whole" = mesos-setup-end ] || exit 2
  exec {ms_stop}> >(
    exec >/dev/null 2>&1
    read -r ms_pid || exit 0
    while read -r _; do :; done
    trap '' TERM
    kill -TERM -- "-$ms_pid" || exit 0
    for _ in 1 2 3 4 5 6 7 8 9 10; do sleep 0.5; kill -0 -- "-$ms_pid" || exit 0; done
    kill -KILL -- "-$ms_pid"
  )
  ms_watcher=$!
  (
    exec </dev/null
    exec {ms_out}> >(exec {ms_stop}>&-; cat; printf '%so' "$ms_end")
    exec {ms_err}> >(exec {ms_stop}>&- {ms_out}>&-; cat >&2; printf '%se' "$ms_end" >&2)
    setsid "\${ms_args[@]}" <"$ms_in" >&"$ms_out" 2>&"$ms_err" {ms_stop}>&- {ms_out}>&- {ms_err}>&- &
    ms_pid=$!
    exec {ms_out}>&- {ms_err}>&-
    printf '%s\\n' "$ms_pid" >&"$ms_stop"
    exec {ms_stop}>&-
    wait "$ms_pid" 2>/dev/null
    ms_code=$?
    kill "$ms_watcher" 2>/dev/null
    printf '%sx%s\\n' "$ms_end" "$ms_code"
  ) &
done`;

export type StreamedCommand = {
	args: readonly string[];
	input?: Buffer;
	// Each piece of output as it comes, in order within its stream.
	onOutput(stream: OutputStream, chunk: Buffer): void;
};

// How a command ended. `reachedCommand` false: the shell's ssh lost its connection (255) before or
// while it ran; exitCode undefined: the shell was killed here (a stop that the node did not carry out).
export type CommandEnd = {exitCode: number | undefined; reachedCommand: boolean};

export type CommandRun = {
	ended: Promise<CommandEnd>;
	// Asks the node to end the command's process group (TERM, then KILL 5 s later).
	stop(): void;
	// Ends the shell itself (the node then ends the command): for a node that does not answer a stop.
	kill(): void;
};

type Current = {
	end: Buffer;
	command: StreamedCommand;
	seen: {o: boolean; e: boolean; exitCode?: number};
	resolve(end: CommandEnd): void;
};

// The longest end of `bytes` that is the start of `tag`: held back until the next piece says.
function heldBack(bytes: Buffer, tag: Buffer): number {
	for (let length = Math.min(tag.length - 1, bytes.length); length > 0; length--) {
		if (bytes.subarray(bytes.length - length).equals(tag.subarray(0, length))) return length;
	}
	return 0;
}

export class CommandShell {
	private readonly ready = {stdout: false, stderr: false};
	private readonly pending: Record<OutputStream, Buffer> = {stdout: Buffer.alloc(0), stderr: Buffer.alloc(0)};
	private readonly waitingReady: Buffer[] = [];
	private current: Current | undefined;
	private ended = false;
	private killed = false;
	private exitCode: number | null = null;
	private count = 0;

	// `child`: the shell, started with commandShellScript and `marker` as its $1 (over ssh, or here in a test).
	constructor(
		private readonly child: ChildProcess,
		private readonly marker: string,
	) {
		child.stdout?.on('data', (chunk: Buffer) => this.take('stdout', chunk));
		child.stderr?.on('data', (chunk: Buffer) => this.take('stderr', chunk));
		child.stdin?.on('error', () => undefined);
		child.once('close', code => this.end(code));
		child.once('error', error => {
			this.pending.stderr = Buffer.concat([this.pending.stderr, Buffer.from(`${error.message}\n`)]);
			this.end();
		});
	}

	get alive(): boolean {
		return !this.ended && !this.killed;
	}

	// Free for the next command.
	get idle(): boolean {
		return this.alive && !this.current;
	}

	run(command: StreamedCommand): CommandRun {
		if (!this.idle) throw new Error('the command shell is busy');
		const id = this.count++;
		const end = Buffer.from(`mesos-setup-end-${randomBytes(12).toString('hex')}`);
		const ended = new Promise<CommandEnd>(resolve => {
			this.current = {end, command, seen: {o: false, e: false}, resolve};
		});
		const input = command.input ?? Buffer.alloc(0);
		const args = command.args.map(arg => Buffer.from(`${arg}\0`));
		this.send(Buffer.concat([Buffer.from(`mesos-setup-run ${id} ${end.toString()} ${command.args.length} ${input.length}\n`), ...args, input, requestEnd]));
		return {
			ended,
			stop: () => {
				if (this.current?.end === end) this.send(Buffer.from(`mesos-setup-stop ${id}\n`));
			},
			kill: () => {
				if (this.current?.end !== end || this.ended) return;
				this.killed = true;
				this.child.kill('SIGKILL');
			},
		};
	}

	// Ends the shell: its input closes, it ends what still runs (TERM, KILL 5 s later), removes its
	// folder and exits.
	async close(): Promise<void> {
		if (!this.ended) await closeShell(this.child, 10_000);
	}

	private send(bytes: Buffer): void {
		if (this.ready.stdout) this.child.stdin?.write(bytes);
		else this.waitingReady.push(bytes);
	}

	private take(stream: OutputStream, chunk: Buffer): void {
		let bytes = Buffer.concat([this.pending[stream], chunk]);
		if (!this.ready[stream]) {
			const at = bytes.indexOf(`${this.marker}\n`);
			if (at < 0) {
				// Kept (its end) for a shell that never starts: sudo's or ssh's words.
				this.pending[stream] = bytes.subarray(-4000);
				return;
			}
			bytes = bytes.subarray(at + this.marker.length + 1);
			this.ready[stream] = true;
			if (stream === 'stdout') for (const waiting of this.waitingReady.splice(0)) this.child.stdin?.write(waiting);
		}
		this.pending[stream] = this.output(stream, bytes);
	}

	// Hands the command its output up to its END, notes each END, and returns what to hold back.
	private output(stream: OutputStream, bytes: Buffer): Buffer {
		for (;;) {
			const current = this.current;
			// Nothing runs: nothing can be printed (every writer of a command's output has closed).
			if (!current) return Buffer.alloc(0);
			const at = bytes.indexOf(current.end);
			if (at < 0) {
				const keep = heldBack(bytes, current.end);
				if (bytes.length > keep) current.command.onOutput(stream, Buffer.from(bytes.subarray(0, bytes.length - keep)));
				return Buffer.from(bytes.subarray(bytes.length - keep));
			}
			if (at > 0) current.command.onOutput(stream, Buffer.from(bytes.subarray(0, at)));
			const rest = bytes.subarray(at);
			const kind = rest[current.end.length];
			if (kind === undefined) return Buffer.from(rest);
			let after = current.end.length + 1;
			if (kind === 0x78 /* x */) {
				const newline = rest.indexOf(0x0a, after);
				if (newline < 0) return Buffer.from(rest);
				current.seen.exitCode = Number(rest.subarray(after, newline).toString('latin1'));
				after = newline + 1;
			} else if (kind === 0x6f /* o */) current.seen.o = true;
			else current.seen.e = true;
			bytes = rest.subarray(after);
			if (current.seen.o && current.seen.e && current.seen.exitCode !== undefined) {
				this.current = undefined;
				current.resolve({exitCode: current.seen.exitCode, reachedCommand: true});
			}
		}
	}

	private end(code: number | null = null): void {
		if (this.ended) return;
		this.ended = true;
		this.exitCode = code;
		const current = this.current;
		if (!current) return;
		this.current = undefined;
		// What the node or ssh said last: before the shell started (sudo refused, the node not
		// reached), or after what the command printed.
		for (const stream of ['stdout', 'stderr'] as const) {
			if (this.pending[stream].length > 0 && (stream === 'stderr' || this.ready.stdout)) current.command.onOutput(stream, this.pending[stream]);
		}
		// Ended while a command ran or waited to be sent, its end unsaid: it did not finish, whatever
		// the shell's own 0 says (a shell killed on the node, a ~/.bashrc that exits); as a lost
		// connection (255). A refusal's own status (sudo's 1) stays, with its words.
		const unsaid = this.exitCode === null || this.exitCode === 0 ? 255 : this.exitCode;
		const exitCode = this.killed ? undefined : (unsaid ?? undefined);
		current.resolve({exitCode, reachedCommand: exitCode !== 255});
	}
}
