// A node's command shell (system/ssh/command-shell.ts), run here with bash as ssh would start it on
// the node, and the node runner's watched and stoppable commands through it: lines as they come,
// exit codes, input and output bytes exactly, a stop or a timeout ending the whole process group
// (TERM first), the shell's end ending what runs. The lab runs it over SSH
// (test/lab/nodes/node-transport.e2e.test.ts, and every cluster setup).
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {CommandShell, commandShellScript, type StreamedCommand} from '../../source/system/ssh/command-shell.js';
import {createNodeRunner} from '../../source/system/ssh/node-runner.js';
import type {SshSession} from '../../source/system/ssh/ssh-session.js';
import {cutRequest} from '../helpers/cut-request.js';
import {tempRoot} from '../helpers/temp-root.js';
import {waitFor} from '../helpers/wait-for.js';

const marker = 'mesos-setup-output-test';

// As the node's login shell runs it: a ~/.bashrc that prints first, on both streams, then the shell.
const spawnShell = () =>
	spawn('bash', ['-c', 'echo "a ~/.bashrc that talks"; echo "and complains" >&2; printf "no newline"; exec bash -c "$1" mesos-setup "$2"', 'login', commandShellScript, marker], {stdio: ['pipe', 'pipe', 'pipe']});

// A runner whose session's command shell is this one (the session's pool of them is the lab's to prove).
function runnerOver(shell: CommandShell) {
	const session = {endpoint: {name: 'n1', address: '10.0.0.1'}, remoteIsRoot: true, runStreamed: (command: StreamedCommand) => shell.run(command)};
	return createNodeRunner(session as unknown as SshSession);
}

// Gone, or a zombie waiting for whoever adopted it to reap it.
const gone = (pid: number): boolean => !existsSync(`/proc/${pid}`) || /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
const pidIn = async (file: string): Promise<number> => Number((await waitFor(`${file} to be written`, async () => (await readFile(file, 'utf8').catch(() => '')).trim() || undefined)));

const timeoutMs = 20_000;

describe('a node’s watched and stoppable commands, run in its command shell', () => {
	it('hands each line on as it comes, then the exit code, every byte of output and input, words as data', async () => {
		const shell = new CommandShell(spawnShell(), marker);
		const runner = runnerOver(shell);
		const dir = await tempRoot();
		const lines: string[] = [];
		// The second line comes only once the test has seen the first: streamed, not gathered.
		const running = runner.run(['bash', '-c', 'echo "first $GREETING"; echo "on stderr" >&2; until [ -e "$1" ]; do sleep 0.05; done; printf "last, no newline"; exit 3', 'x', `${dir}/go`], {
			timeoutMs,
			env: {GREETING: 'hello'},
			onLine: (line, stream) => lines.push(`${stream}: ${line}`),
		});
		await waitFor('the first line', () => lines.includes('stdout: first hello') && lines.includes('stderr: on stderr'), 60_000);
		await writeFile(`${dir}/go`, '');
		const ran = await running;
		expect(ran).toMatchObject({ok: false, exitCode: 3, stdout: 'first hello\nlast, no newline', stderr: 'on stderr\n', failure: expect.stringContaining('exited with code 3 on n1: on stderr')});
		// Two streams, two pipes: the first two lines may come in either order, the last after both.
		expect([...lines.slice(0, 2)].sort()).toEqual(['stderr: on stderr', 'stdout: first hello']);
		expect(lines.slice(2)).toEqual(['stdout: last, no newline']);
		// The same shell serves on: its input piped exactly, binary output exactly, words never read as code.
		const input = Buffer.from(Array.from({length: 70_000}, (_, i) => (i * 7) % 256));
		const piped = await runner.run(['sha256sum'], {timeoutMs, input, onLine: () => undefined});
		expect(piped.stdout.split(' ')[0]).toBe(createHash('sha256').update(input).digest('hex'));
		const binary = await runner.runForBytes(['head', '-c', '70000'], {timeoutMs, input, signal: new AbortController().signal});
		expect(binary.bytes.equals(input)).toBe(true);
		const words = ['$(touch pwned)', "it's \"quoted\"", 'two\nlines', '', '; exit 3', 'mesos-setup-end-'];
		const echoed = await runner.run(['printf', '%s\\0', ...words], {timeoutMs, onLine: () => undefined});
		expect(echoed.stdout.split('\0').slice(0, -1)).toEqual(words);
		expect(existsSync('pwned')).toBe(false);
		expect((await runner.run(['no-such-command-here', '--flag'], {timeoutMs, onLine: () => undefined})).failure).toBe('no-such-command-here is not installed on n1 (command not found), so “no-such-command-here --flag” could not run');
		expect(shell.idle).toBe(true);
		await shell.close();
	});

	it('a stop ends the command’s whole process group, TERM first, and the shell serves on', async () => {
		const shell = new CommandShell(spawnShell(), marker);
		const runner = runnerOver(shell);
		const dir = await tempRoot();
		const controller = new AbortController();
		const lines: string[] = [];
		const stopped = runner.run(['bash', '-c', `trap 'echo "TERM came" >${dir}/term; exit 143' TERM; sleep 201 & echo $! >${dir}/child; echo started; wait`], {timeoutMs: 60_000, signal: controller.signal, onLine: line => lines.push(line)});
		const child = await pidIn(`${dir}/child`);
		await waitFor('the command to start', () => lines.includes('started'));
		controller.abort();
		expect(await stopped).toMatchObject({ok: false, stopped: true, failure: expect.stringMatching(/was stopped before it finished on n1$/)});
		expect(await readFile(`${dir}/term`, 'utf8')).toBe('TERM came\n');
		await expect.poll(() => gone(child)).toBe(true);
		// One that ignores SIGTERM gets SIGKILL 5 s later, and is named as timed out.
		const stubbornLines: string[] = [];
		const stubborn = await runner.run(['bash', '-c', 'trap "" TERM; sleep 202'], {timeoutMs: 1000, onLine: line => stubbornLines.push(line)});
		expect(stubborn).toMatchObject({ok: false, failure: expect.stringContaining('did not finish within 1 s on n1 and was stopped')});
		// bash's own word on the killed job ("line 36: 4242 Killed  setsid …") is not the command's.
		expect([...stubbornLines, stubborn.stderr].join('\n')).not.toMatch(/Killed|setsid/);
		// A first process that goes on TERM leaves the KILL to come for the one in its group that did not.
		const leaving = runner.run(['bash', '-c', `(trap "" TERM; exec sleep 203) & echo $! >${dir}/stubborn; wait`], {timeoutMs: 1000, onLine: () => undefined});
		const stubbornChild = await pidIn(`${dir}/stubborn`);
		expect(await leaving).toMatchObject({ok: false, failure: expect.stringContaining('did not finish within 1 s on n1')});
		await expect.poll(() => gone(stubbornChild), {timeout: 10_000}).toBe(true);
		expect(shell.idle).toBe(true);
		expect((await runner.run(['echo', 'still here'], {timeoutMs, onLine: () => undefined})).stdout).toBe('still here\n');
		await shell.close();
	}, 45_000);

	it('a shell that ends while a command runs, its end unsaid, never says the command finished well', async () => {
		// A shell killed on the node exits 0 here; the command's end never came.
		const child = spawn('bash', ['-c', `echo ${marker}; echo ${marker} >&2; read -r _; exit 0`], {stdio: ['pipe', 'pipe', 'pipe']});
		const ended = await new CommandShell(child, marker).run({args: ['true'], onOutput: () => undefined}).ended;
		expect(ended.exitCode).not.toBe(0);
		expect(ended.exitCode).toBe(255);
		// So does one that exits 0 before it was ready (a ~/.bashrc ending in exit 0): nothing was run.
		const early = spawn('bash', ['-c', 'echo "a ~/.bashrc"; exit 0'], {stdio: ['pipe', 'pipe', 'pipe']});
		expect((await new CommandShell(early, marker).run({args: ['true'], onOutput: () => undefined}).ended).exitCode).toBe(255);
	});

	it('runs nothing whose input was cut short (the connection lost mid-input): the shell ends instead', async () => {
		const child = spawnShell();
		const dir = await tempRoot();
		expect(await cutRequest(child, marker, `mesos-setup-run 0 mesos-setup-end-x 3 100\nbash\0-c\0cat >${dir}/cut\0only ten b`)).toBe(2);
		expect(existsSync(`${dir}/cut`)).toBe(false);
	});

	it('refuses a word with a NUL byte before anything is sent', async () => {
		const shell = new CommandShell(spawnShell(), marker);
		const runner = runnerOver(shell);
		await expect(runner.run(['echo', 'a\0b'], {timeoutMs, onLine: () => undefined})).rejects.toThrow(/NUL byte/);
		await expect(runner.run(['env'], {timeoutMs, env: {V: 'a\0b'}, onLine: () => undefined})).rejects.toThrow(/NUL byte/);
		expect((await runner.run(['echo', 'fine'], {timeoutMs, onLine: () => undefined})).stdout).toBe('fine\n');
		await shell.close();
	});

	it('a command that ends by itself leaves what it started alone; the shell’s end (a lost connection, a killed mesos-setup) ends what still runs', async () => {
		const shell = new CommandShell(spawnShell(), marker);
		const runner = runnerOver(shell);
		const dir = await tempRoot();
		const left = await runner.run(['bash', '-c', `sleep 203 >/dev/null 2>&1 & echo $! >${dir}/left`], {timeoutMs, onLine: () => undefined});
		expect(left.ok).toBe(true);
		const leftPid = await pidIn(`${dir}/left`);
		const running = runner.run(['bash', '-c', `sleep 204 & echo $! >${dir}/child; wait`], {timeoutMs: 60_000, onLine: () => undefined});
		const child = await pidIn(`${dir}/child`);
		await shell.close();
		await expect.poll(() => gone(child)).toBe(true);
		expect((await running).ok).toBe(false);
		expect(gone(leftPid)).toBe(false);
		process.kill(leftPid, 'SIGKILL');
	});

	it('a shell the node refused to start (sudo wants a password) answers with the node’s status and words', async () => {
		const child = spawn('bash', ['-c', 'echo "sudo: a password is required" >&2; exit 1'], {stdio: ['pipe', 'pipe', 'pipe']});
		const runner = runnerOver(new CommandShell(child, marker));
		expect(await runner.run(['apt-get', 'update'], {timeoutMs, onLine: () => undefined})).toMatchObject({ok: false, exitCode: 1, failure: '“apt-get update” exited with code 1 on n1: sudo: a password is required'});
	});

	it('ssh’s own failure (255) is named as today: a node not reached as such, a connection lost mid-command with ssh’s words', async () => {
		const unreached = spawn('bash', ['-c', 'echo "ssh: connect to host 10.0.0.1 port 22: Connection refused" >&2; exit 255'], {stdio: ['pipe', 'pipe', 'pipe']});
		expect(await runnerOver(new CommandShell(unreached, marker)).run(['apt-get', 'update'], {timeoutMs, onLine: () => undefined})).toMatchObject({
			ok: false,
			exitCode: 255,
			failure: expect.stringMatching(/^“apt-get update” could not run: n1 \(10\.0\.0\.1\) cannot be reached over SSH: .*Connection refused/),
		});
		const lost = spawn('bash', ['-c', 'printf "%s\\n" "$1"; printf "%s\\n" "$1" >&2; read -r _; echo "from the command"; echo "Connection to 10.0.0.1 closed by remote host." >&2; exit 255', 'x', marker], {stdio: ['pipe', 'pipe', 'pipe']});
		expect(await runnerOver(new CommandShell(lost, marker)).run(['apt-get', 'update'], {timeoutMs, onLine: () => undefined})).toMatchObject({
			ok: false,
			exitCode: 255,
			stdout: 'from the command\n',
			failure: '“apt-get update” exited with code 255 on n1: Connection to 10.0.0.1 closed by remote host.',
		});
	});
});
