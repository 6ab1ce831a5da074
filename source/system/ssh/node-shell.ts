// One shell on a node, as root, that carries out the node's file operations one after another
// (node-fs.ts): each operation is a request on its standard input and a reply on its output, so it
// costs a pipe write and a subshell on the node, not an ssh session, a login shell and a sudo each. A
// setup makes several hundred of them a node (the journal reads, backs up and re-reads every file
// it writes); one session each kept a core busy per node (issue 12: five nodes sharing two cores
// took twice as long as one). The script of each request and its arguments are sent as data, never
// as shell text (nodeShellScript reads them with read -d '' and head -c, and runs the script with
// them as "$1"…, as bashScript does).
import type {ChildProcess} from 'node:child_process';
import type {CallResult} from './ssh-session.js';

// The shell on the node. Says `$1` on a line when it is ready (what a ~/.bashrc printed comes before
// it and is dropped), then, for each request "mesos-setup-request ID SCRIPT-BYTES ARGUMENTS INPUT-BYTES",
// reads the script (sent with the first request of its ID only, 0 bytes after: the shell keeps it),
// each argument ended by a NUL and the input, runs the script with that input and answers
// "mesos-setup-reply EXIT OUTPUT-BYTES ERROR-BYTES" and those bytes. A request ends with the line
// "mesos-setup-end": a connection lost in the middle of an input leaves its script unrun (a write
// would otherwise put a file cut short in place), and the shell ends. The input and the answer are
// kept in a private folder on /run (a tmpfs on Debian and Ubuntu, so a full root disk still gets its
// "No space left" named), removed when the shell ends: its input closed (the run's end, a lost
// connection, a killed mesos-setup).
// What a request costs on the node is what several hundred a node add up to on a machine's cores
// (issue 12): the script runs in a subshell of this one (a fork, where `bash -c` was a fork, an exec
// and bash's start, about 5 ms of CPU each), its text is read once, and an answer is read and said
// by the shell's own builtins (stat and cat were 3 ms a reply). The subshell is as `bash -c` was:
// its own positional parameters, options, traps (a subshell does not run this shell's EXIT trap),
// folder and exit; SECONDS counts from its start; but $$ and $PPID are this shell's ($BASHPID is its
// own PID), and this shell's variables and functions, all named ms_*, are visible to it.
export const nodeShellScript = `ms_tmp=$(mktemp -d -p /run mesos-setup-shell.XXXXXX 2>/dev/null || mktemp -d) || exit 1
trap 'rm -rf -- "$ms_tmp"' EXIT
ms_scripts=()
# The answer, read by read in the C locale (where \${#…} counts bytes), a piece up to each NUL
# (a bash string holds none): output the scripts split with NULs (a write's folders, a listing)
# needs no process. stat and cat say one with more than 64 NULs (a binary keyring), or past
# ms_cap bytes: bash before 5.2 reads a file a byte at a time, which costs more than they do past
# 1 KB; 5.2 reads it in blocks.
ms_cap=1024
if [ "\${BASH_VERSINFO[0]}" -gt 5 ] || { [ "\${BASH_VERSINFO[0]}" -eq 5 ] && [ "\${BASH_VERSINFO[1]}" -ge 2 ]; }; then ms_cap=65536; fi
ms_pieces() {
  local -n ms_to=$2
  local ms_piece= ms_left=$ms_cap
  ms_to=()
  # Never read -n 0: bash before 5.2 takes it for no limit at all.
  while [ "$ms_left" -gt 0 ] && IFS= read -r -d '' -n "$ms_left" ms_piece; do
    [ "\${#ms_piece}" -lt "$ms_left" ] && [ "\${#ms_to[@]}" -lt 64 ] || return 1
    ms_to+=("$ms_piece")
    ms_left=$((ms_left - \${#ms_piece} - 1))
    ms_piece=
  done <"$1"
  [ "\${#ms_piece}" -lt "$ms_left" ] || return 1
  ms_to+=("$ms_piece")
}
ms_bytes() {
  local -n ms_of=$1
  local ms_piece
  ms_n=$((\${#ms_of[@]} - 1))
  for ms_piece in "\${ms_of[@]}"; do ms_n=$((ms_n + \${#ms_piece})); done
}
ms_say() {
  local -n ms_of=$1
  local ms_last=$((\${#ms_of[@]} - 1))
  if [ "$ms_last" -gt 0 ]; then printf '%s\\0' "\${ms_of[@]:0:ms_last}"; fi
  printf '%s' "\${ms_of[ms_last]}"
}
ms_reply() {
  local LC_ALL=C ms_out ms_err ms_n
  if ms_pieces "$ms_tmp/out" ms_out && ms_pieces "$ms_tmp/err" ms_err; then
    ms_bytes ms_out
    printf 'mesos-setup-reply %s %s ' "$1" "$ms_n"
    ms_bytes ms_err
    printf '%s\\n' "$ms_n"
    ms_say ms_out
    ms_say ms_err
  else
    printf 'mesos-setup-reply %s %s %s\\n' "$1" $(stat -c %s -- "$ms_tmp/out" "$ms_tmp/err")
    cat -- "$ms_tmp/out" "$ms_tmp/err"
  fi
}
printf '%s\\n' "$1"
while IFS=' ' read -r ms_tag ms_id ms_size ms_count ms_input; do
  [ "$ms_tag" = mesos-setup-request ] || exit 2
  if [ "$ms_size" -gt 0 ]; then ms_scripts[ms_id]=$(head -c "$ms_size"); fi
  ms_args=()
  for ((ms_i = 0; ms_i < ms_count; ms_i++)); do IFS= read -r -d '' ms_arg; ms_args+=("$ms_arg"); done
  if [ "$ms_input" -gt 0 ]; then
    head -c "$ms_input" >"$ms_tmp/in" 2>/dev/null || { echo "the shell's folder $ms_tmp could not hold a request's input (is its file system full?)" >&2; exit 2; }
  else : >"$ms_tmp/in"; fi
  IFS= read -r ms_end && [ "$ms_end" = mesos-setup-end ] || exit 2
  (SECONDS=0; set -- "\${ms_args[@]}"; eval -- "\${ms_scripts[ms_id]}") <"$ms_tmp/in" >"$ms_tmp/out" 2>"$ms_tmp/err"
  ms_reply $?
done`;

// Closes a shell's input, which ends it on the node, and waits for its ssh to end: killed after `graceMs`.
export async function closeShell(child: ChildProcess, graceMs: number): Promise<void> {
	const closed = new Promise<void>(resolve => child.once('close', () => resolve()));
	child.stdin?.end();
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await closed;
	clearTimeout(timer);
}

export type ShellRequest = {script: string; args: readonly string[]; input?: Buffer; timeoutMs: number};

type Pending = {resolve(result: CallResult): void; timer: NodeJS.Timeout};

const replyLine = /^mesos-setup-reply (\d+) (\d+) (\d+)$/;
// Ends every request, after its input: the shell runs nothing whose input did not arrive whole (the
// command shell's requests too).
export const requestEnd = Buffer.from('mesos-setup-end\n');

// A running shell: requests go one at a time (a node's file operations are in order anyway), each
// with its own timeout. A shell whose request timed out, or that ended, is done: `alive` is false and
// the owner starts another one for the next request.
export class NodeShell {
	private buffer = Buffer.alloc(0);
	private ready = false;
	private readonly waitingReady: Array<() => void> = [];
	private pending: Pending | undefined;
	private queue: Promise<unknown> = Promise.resolve();
	private stderr = '';
	private ended = false;
	private killed = false;
	// How the shell's ssh exited: 255 (or a signal) when the connection was lost, else the node's
	// own status, such as sudo's refusal before the shell could start.
	private exitCode: number | null = null;
	// The scripts this shell has been sent, by the ID it keeps each under.
	private readonly scripts = new Map<string, number>();

	// `child`: the shell, started with nodeShellScript and `marker` as its $1 (over ssh, or here in a test).
	constructor(
		private readonly child: ChildProcess,
		private readonly marker: string,
	) {
		child.stdout?.on('data', (chunk: Buffer) => {
			this.buffer = Buffer.concat([this.buffer, chunk]);
			this.take();
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			// Only the end matters: ssh's last words when the connection is lost.
			this.stderr = `${this.stderr}${chunk.toString('utf8')}`.slice(-4000);
		});
		child.stdin?.on('error', () => undefined);
		child.once('close', code => this.end(code));
		child.once('error', error => {
			this.stderr += `${error.message}\n`;
			this.end();
		});
	}

	// False as soon as a request timed out (the shell is being killed), not only once it has ended:
	// the next request starts another shell rather than writing into this one's closing pipe.
	get alive(): boolean {
		return !this.ended && !this.killed;
	}

	// One request after the one before has its answer. A shell that ended (or ends meanwhile) answers
	// as ssh does when it loses its connection: exit 255, ssh's words on stderr, the command not
	// reached; or, where the node ended it (sudo refused), with the node's exit status and words.
	async call(request: ShellRequest): Promise<CallResult> {
		const turn = this.queue.then(async () => this.send(request));
		this.queue = turn.catch(() => undefined);
		return turn;
	}

	// Ends the shell: its input closes, it removes its folder and exits.
	async close(): Promise<void> {
		if (!this.ended) await closeShell(this.child, 5000);
	}

	private async send(request: ShellRequest): Promise<CallResult> {
		if (this.ended) return this.lost();
		const input = request.input ?? Buffer.alloc(0);
		const args = Buffer.concat(request.args.map(arg => Buffer.from(`${arg}\0`)));
		return new Promise<CallResult>(resolve => {
			// The time counts from the request, so a shell that never says it is ready times out too.
			const timer = setTimeout(() => {
				// What the script does on the node is left to end as a killed ssh session's would.
				this.pending = undefined;
				this.killed = true;
				this.child.kill('SIGKILL');
				resolve({timedOut: true, stdout: Buffer.alloc(0), stderr: '', reachedCommand: true});
			}, request.timeoutMs);
			this.pending = {resolve, timer};
			const write = (): void => {
				if (this.ended || this.pending?.resolve !== resolve) return;
				// Its text only the first time: the shell keeps it under its ID.
				const known = this.scripts.get(request.script);
				const id = known ?? this.scripts.size;
				if (known === undefined) this.scripts.set(request.script, id);
				const script = known === undefined ? Buffer.from(request.script) : Buffer.alloc(0);
				this.child.stdin?.write(Buffer.concat([Buffer.from(`mesos-setup-request ${id} ${script.length} ${request.args.length} ${input.length}\n`), script, args, input, requestEnd]));
			};
			if (this.ready) write();
			else this.waitingReady.push(write);
		});
	}

	// What the shell printed so far: first the ready line (anything before it dropped), then replies.
	private take(): void {
		if (!this.ready) {
			const at = this.buffer.indexOf(`${this.marker}\n`);
			if (at < 0) return;
			this.buffer = this.buffer.subarray(at + this.marker.length + 1);
			this.ready = true;
			for (const resolve of this.waitingReady.splice(0)) resolve();
		}
		const newline = this.buffer.indexOf(0x0a);
		if (newline < 0 || !this.pending) return;
		const header = replyLine.exec(this.buffer.subarray(0, newline).toString('utf8'));
		if (!header) {
			this.stderr += `the shell on the node answered out of turn: ${this.buffer.subarray(0, Math.min(newline, 200)).toString('utf8')}\n`;
			this.child.kill('SIGKILL');
			return;
		}
		const [, code = '0', outBytes = '0', errBytes = '0'] = header;
		const start = newline + 1;
		const end = start + Number(outBytes) + Number(errBytes);
		if (this.buffer.length < end) return;
		const {resolve, timer} = this.pending;
		this.pending = undefined;
		clearTimeout(timer);
		const stdout = Buffer.from(this.buffer.subarray(start, start + Number(outBytes)));
		const stderr = this.buffer.subarray(start + Number(outBytes), end).toString('utf8');
		this.buffer = this.buffer.subarray(end);
		resolve({exitCode: Number(code), timedOut: false, stdout, stderr, reachedCommand: true});
	}

	private lost(): CallResult {
		const reached = this.exitCode !== null && this.exitCode !== 255;
		return {exitCode: reached ? (this.exitCode ?? 255) : 255, timedOut: false, stdout: Buffer.alloc(0), stderr: this.stderr, reachedCommand: reached};
	}

	private end(code: number | null = null): void {
		if (this.ended) return;
		this.ended = true;
		this.exitCode = code;
		for (const resolve of this.waitingReady.splice(0)) resolve();
		if (this.pending) {
			clearTimeout(this.pending.timer);
			this.pending.resolve(this.lost());
			this.pending = undefined;
		}
	}
}
