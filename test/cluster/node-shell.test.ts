// The node's one root shell (system/ssh/node-shell.ts), run here with bash as ssh would start it on
// the node: requests in, replies out, in order, bytes kept exactly. The lab runs it over SSH
// (test/lab/nodes/node-transport.e2e.test.ts, and every cluster setup).
import {spawn} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {mkdir, readdir, readFile, rm, stat, symlink, writeFile} from 'node:fs/promises';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {NodeShell, nodeShellScript, type ShellRequest} from '../../source/system/ssh/node-shell.js';
import {createNodeRunner} from '../../source/system/ssh/node-runner.js';
import {createNodeFs} from '../../source/system/ssh/node-fs.js';
import type {Plan} from '../../source/model/plan.js';
import type {StepError} from '../../source/model/errors.js';
import {refuseUnwritableTargets} from '../../source/system/target-check.js';
import type {TargetFs} from '../../source/system/target-fs.js';
import type {SshSession} from '../../source/system/ssh/ssh-session.js';
import {readScript, scriptExit, writeScript} from '../../source/system/ssh/node-scripts.js';
import {cutRequest} from '../helpers/cut-request.js';
import {tempRoot} from '../helpers/temp-root.js';

const marker = 'mesos-setup-output-test';
const started: NodeShell[] = [];

// As the node's login shell runs it: a ~/.bashrc that prints first, then the shell.
const spawnShell = (env: Record<string, string> = {}) =>
	spawn('bash', ['-c', 'echo "a ~/.bashrc that talks"; printf "no newline"; exec bash -c "$1" mesos-setup "$2"', 'login', nodeShellScript, marker], {stdio: ['pipe', 'pipe', 'pipe'], env: {...process.env, ...env}});

function startShell(child = spawnShell()): NodeShell {
	const shell = new NodeShell(child, marker);
	started.push(shell);
	return shell;
}

const timeoutMs = 10_000;

describe('the node’s root shell', () => {
	it('answers each request with its exit code, output and errors, bytes exactly, arguments as data', async () => {
		const shell = startShell();
		const dir = await tempRoot();
		const binary = Buffer.from(Array.from({length: 3000}, (_, i) => i % 256));
		const wrote = await shell.call({script: writeScript, args: [`${dir}/new folder/file`, '640', '', 'abcd0123'], input: binary, timeoutMs});
		expect([wrote.exitCode, wrote.stdout.toString('utf8').split('\0').filter(Boolean)]).toEqual([0, [`${dir}/new folder`, `${dir}/new folder`]]);
		expect((await readFile(`${dir}/new folder/file`)).equals(binary)).toBe(true);
		const read = await shell.call({script: readScript, args: [`${dir}/new folder/file`], timeoutMs});
		expect([read.exitCode, read.stdout.equals(binary), read.reachedCommand]).toEqual([0, true, true]);
		const missing = await shell.call({script: readScript, args: [`${dir}/none`], timeoutMs});
		expect([missing.exitCode, missing.stdout.length]).toEqual([scriptExit.missing, 0]);
		await execa('mkfifo', [`${dir}/fifo`]);
		const fifo = await shell.call({script: readScript, args: [`${dir}/fifo`], timeoutMs});
		expect([fifo.exitCode, fifo.stderr.trim()]).toEqual([scriptExit.notRegular, 'fifo']);
		// Words the shell must never read as code, a newline, an empty one: each reaches the script as it was.
		const words = ['$(touch pwned)', "it's \"quoted\"", 'two\nlines', '', '; exit 3'];
		const echoed = await shell.call({script: `printf '%s\\0' "$@"; echo "to stderr" >&2; exit 7`, args: words, timeoutMs});
		expect(echoed.stdout.toString('utf8').split('\0').slice(0, -1)).toEqual(words);
		expect([echoed.exitCode, echoed.stderr]).toEqual([7, 'to stderr\n']);
		expect(existsSync('pwned')).toBe(false);
		await shell.close();
	});

	it('answers with every byte as it was said, in a UTF-8 locale too: by the shell’s builtins, a piece up to each NUL, or by stat and cat where there are many', async () => {
		const shell = startShell(spawnShell({LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8'}));
		// Every byte but NUL (not valid UTF-8 as a whole), multibyte text, a backslash, trailing newlines.
		const everyByte = Buffer.concat([Buffer.from(Array.from({length: 255}, (_, i) => i + 1)), Buffer.from('é€ \\n\n\n\n')]);
		const dir = await tempRoot();
		await writeFile(`${dir}/bytes`, everyByte);
		const both = await shell.call({script: 'cat -- "$1"; cat -- "$1" >&2', args: [`${dir}/bytes`], timeoutMs});
		expect([both.exitCode, both.stdout.equals(everyByte), both.stderr]).toEqual([0, true, everyByte.toString('utf8')]);
		const withNul = Buffer.concat([everyByte, Buffer.from([0]), everyByte]);
		await writeFile(`${dir}/nul`, withNul);
		const binary = await shell.call({script: 'cat -- "$1"; echo "after a NUL" >&2', args: [`${dir}/nul`], timeoutMs});
		expect([binary.stdout.equals(withNul), binary.stderr]).toEqual([true, 'after a NUL\n']);
		// Around the sizes past which stat and cat say it (1 KB before bash 5.2, 64 KB from it), with no
		// NUL, with one, and with a NUL right at the limit and a long tail after it.
		const limitTail = (at: number) => Buffer.concat([Buffer.from('y'.repeat(at - 1)), Buffer.from([0]), Buffer.from('z'.repeat(100_000))]);
		for (const text of [1023, 1024, 1025, 65_535, 65_536, 65_537, 200_000].map(size => Buffer.concat([Buffer.from('x'.repeat(size - 2)), Buffer.from([size % 2 === 0 ? 0 : 10, 10])])).concat([limitTail(1024), limitTail(65_536)])) {
			await writeFile(`${dir}/sized`, text);
			const answer = await shell.call({script: 'cat -- "$1"; cat -- "$1" >&2', args: [`${dir}/sized`], timeoutMs});
			expect([text.length, answer.stdout.equals(text), Buffer.from(answer.stderr).equals(text)]).toEqual([text.length, true, true]);
		}
		// Pieces between NULs, a few (a write's folders) or very many (a binary keyring), and NULs at the ends.
		for (const nuls of [1, 3, 64, 65, 500]) {
			const pieces = Buffer.concat([Buffer.from([0]), ...Array.from({length: nuls}, (_, i) => Buffer.from(i % 2 === 0 ? `piece ${i}\0` : '\0'))]);
			await writeFile(`${dir}/pieces`, pieces);
			const answer = await shell.call({script: 'cat -- "$1"; printf "e\\0rr\\0" >&2', args: [`${dir}/pieces`], timeoutMs});
			expect([nuls, answer.stdout.equals(pieces), answer.stderr]).toEqual([nuls, true, 'e\0rr\0']);
		}
		// The script's locale is its own: the reply's C locale does not outlive the reply.
		expect((await shell.call({script: 'x=é; echo "${#x}"', args: [], timeoutMs})).stdout.toString('utf8')).toBe('1\n');
		await shell.close();
	});

	it('runs nothing whose input was cut short (the connection lost mid-file): the shell ends instead', async () => {
		const child = spawnShell();
		const dir = await tempRoot();
		const script = 'cat >"$1"';
		expect(await cutRequest(child, marker, `mesos-setup-request 0 ${script.length} 1 100\n${script}${dir}/cut\0only ten b`)).toBe(2);
		expect(await readdir(dir)).toEqual([]);
	});

	it('answers requests made at once one after another, each its own', async () => {
		const shell = startShell();
		const answers = await Promise.all(Array.from({length: 25}, async (_, i) => shell.call({script: 'head -c "$1"; echo " $2"', args: ['5', String(i)], input: Buffer.from(`in-${String(i).padStart(2, '0')}`), timeoutMs})));
		expect(answers.map(answer => answer.stdout.toString('utf8'))).toEqual(Array.from({length: 25}, (_, i) => `in-${String(i).padStart(2, '0')} ${i}\n`));
		await shell.close();
	});

	it('a request that takes too long ends the shell; one after it is answered as a lost connection', async () => {
		const shell = startShell();
		const dir = await tempRoot();
		const slow = await shell.call({script: 'echo $BASHPID >"$1"; exec sleep 30', args: [`${dir}/pid`], timeoutMs: 300});
		expect(slow).toMatchObject({timedOut: true});
		// At once, not when its ssh has closed: the session's next request starts a new shell.
		expect(shell.alive).toBe(false);
		// Left to end as a killed ssh session's command would; this test ends it by its PID.
		process.kill(Number((await readFile(`${dir}/pid`, 'utf8')).trim()), 'SIGKILL');
		expect(await shell.call({script: 'echo late', args: [], timeoutMs})).toMatchObject({exitCode: 255, reachedCommand: false});
	});

	it('a shell that ended answers its waiting request as a lost connection, with what it said on stderr', async () => {
		const shell = startShell();
		const waiting = shell.call({script: 'echo "the link went down" >&2; kill -KILL $$', args: [], timeoutMs});
		expect(await waiting).toMatchObject({exitCode: 255, reachedCommand: false});
		expect(shell.alive).toBe(false);
	});

	it('a shell the node refused to start (sudo wants a password) answers with the node’s status and words', async () => {
		const child = spawn('bash', ['-c', 'echo "sudo: a password is required" >&2; exit 1'], {stdio: ['pipe', 'pipe', 'pipe']});
		const shell = new NodeShell(child, marker);
		expect(await shell.call({script: 'echo never', args: [], timeoutMs})).toMatchObject({exitCode: 1, reachedCommand: true, stderr: 'sudo: a password is required\n'});
		expect(shell.alive).toBe(false);
	});

	it('is sent each script’s text once, and runs it again by its ID with other arguments', async () => {
		const child = spawnShell();
		const sent: string[] = [];
		const write = child.stdin.write.bind(child.stdin) as (chunk: Buffer) => boolean;
		child.stdin.write = ((chunk: Buffer) => {
			sent.push(chunk.toString('latin1'));
			return write(chunk);
		}) as typeof child.stdin.write;
		const shell = startShell(child);
		const greet = 'printf "%s, %s\\n" "$1" "$2"';
		const answers = [];
		for (const who of ['one', 'two', 'three']) answers.push((await shell.call({script: greet, args: ['hello', who], timeoutMs})).stdout.toString('utf8'));
		answers.push((await shell.call({script: 'echo other', args: [], timeoutMs})).stdout.toString('utf8'));
		answers.push((await shell.call({script: greet, args: ['bye', 'four'], timeoutMs})).stdout.toString('utf8'));
		expect(answers).toEqual(['hello, one\n', 'hello, two\n', 'hello, three\n', 'other\n', 'bye, four\n']);
		expect(sent.map(request => request.split('\n')[0])).toEqual([
			`mesos-setup-request 0 ${greet.length} 2 0`,
			'mesos-setup-request 0 0 2 0',
			'mesos-setup-request 0 0 2 0',
			'mesos-setup-request 1 10 0 0',
			'mesos-setup-request 0 0 2 0',
		]);
		expect(sent.filter(request => request.includes(greet))).toHaveLength(1);
		await shell.close();
	});

	it('runs each request as a script of its own: its exit, trap, options, folder and clock do not outlive it', async () => {
		const shell = startShell();
		const dir = await tempRoot();
		const before = (await shell.call({script: 'pwd; echo "$-"; shopt nullglob', args: [], timeoutMs})).stdout.toString('utf8');
		const ended = await shell.call({script: 'trap "echo its own trap" EXIT; set -e; shopt -s nullglob; cd "$1"; sleep 2.2; exit 5', args: [dir], timeoutMs});
		expect([ended.exitCode, ended.stdout.toString('utf8')]).toEqual([5, 'its own trap\n']);
		expect((await shell.call({script: 'pwd; echo "$-"; shopt nullglob', args: [], timeoutMs})).stdout.toString('utf8')).toBe(before);
		// SECONDS counts from the request's start, as in a bash of its own (node-runner's timeout reads it):
		// 0, or 1 where a second's edge fell between its reset and the echo; the shell's own count is 2 or more.
		expect((await shell.call({script: 'echo "$SECONDS"', args: [], timeoutMs})).stdout.toString('utf8')).toMatch(/^[01]\n$/);
		// Errors alone, no output: answered with both, exactly.
		expect(await shell.call({script: 'printf "only errors" >&2; exit 4', args: [], timeoutMs})).toMatchObject({exitCode: 4, stderr: 'only errors', reachedCommand: true});
		expect(await shell.call({script: 'exit 0', args: [], timeoutMs})).toMatchObject({exitCode: 0, stderr: '', stdout: Buffer.alloc(0)});
		expect(shell.alive).toBe(true);
		await shell.close();
	});

	it('keeps its input and answers in a private folder, removed when the shell ends', async () => {
		const shell = startShell();
		const where = (await shell.call({script: 'readlink /proc/self/fd/0; stat -c %a "$(dirname "$(readlink /proc/self/fd/0)")"', args: [], timeoutMs})).stdout.toString('utf8').trim().split('\n');
		expect(where[0]).toMatch(/mesos-setup-shell\.|tmp\./);
		expect(where[1]).toBe('700');
		const folder = (where[0] ?? '').replace(/\/in$/, '');
		expect(existsSync(folder)).toBe(true);
		await shell.close();
		expect(existsSync(folder)).toBe(false);
		expect(shell.alive).toBe(false);
	});
});

describe('a node’s commands that nobody watches or stops, run in its root shell', () => {
	// The runner of a node whose session is this shell (ssh itself is the lab's to prove).
	const runnerOver = (shell: NodeShell) => createNodeRunner({endpoint: {name: 'n1', address: '10.0.0.1'}, remoteIsRoot: true, asRootInShell: async (request: ShellRequest) => shell.call(request)} as unknown as SshSession);

	it('runs the argument vector with its environment and input, and says why one failed', async () => {
		const shell = startShell();
		const runner = runnerOver(shell);
		const ran = await runner.run(['bash', '-c', 'echo "$GREETING $(cat)"; echo "warned" >&2'], {timeoutMs, env: {GREETING: 'hello'}, input: 'from input'});
		expect(ran).toMatchObject({ok: true, exitCode: 0, stdout: 'hello from input\n', stderr: 'warned\n'});
		const failed = await runner.run(['bash', '-c', 'echo "the reason" >&2; exit 3'], {timeoutMs});
		expect(failed).toMatchObject({ok: false, exitCode: 3, failure: '“bash -c echo "the reason" >&2; exit 3” exited with code 3 on n1: the reason'});
		expect((await runner.run(['no-such-command-here'], {timeoutMs})).failure).toBe('no-such-command-here is not installed on n1 (command not found), so “no-such-command-here” could not run');
		expect([await runner.has('bash'), await runner.has('no-such-command-here')]).toEqual([true, false]);
		const binary = Buffer.from([0, 1, 2, 255, 10, 13]);
		expect((await runner.runForBytes(['printf', '\\000\\001\\002\\377\\n\\r'], {timeoutMs})).bytes.equals(binary)).toBe(true);
		await shell.close();
	});

	it('ends a command that outlives its time with everything it started, and the shell serves on', async () => {
		const shell = startShell();
		const runner = runnerOver(shell);
		const dir = await tempRoot();
		const slow = await runner.run(['bash', '-c', `sleep 201 & echo $! >${dir}/child; sleep 202`], {timeoutMs: 1000});
		expect(slow).toMatchObject({ok: false, failure: expect.stringContaining('did not finish within 1 s on n1 and was stopped')});
		const child = Number((await readFile(`${dir}/child`, 'utf8')).trim());
		await expect.poll(() => existsSync(`/proc/${child}`) && !/\) Z /.test(readFileSync(`/proc/${child}/stat`, 'utf8'))).toBe(false);
		// One that ignores SIGTERM gets SIGKILL 5 s later, and is named as timed out too.
		const stubborn = await runner.run(['bash', '-c', 'trap "" TERM; sleep 203'], {timeoutMs: 1000});
		expect(stubborn).toMatchObject({ok: false, failure: expect.stringContaining('did not finish within 1 s on n1 and was stopped')});
		expect(shell.alive).toBe(true);
		expect((await runner.run(['echo', 'still here'], {timeoutMs})).stdout).toBe('still here\n');
		await shell.close();
	});
});

describe('a node’s writes left for later, made durable with the next write that lands last', () => {
	// A sync that says each time it runs, with what, and fails while `${dir}/fail` exists, saying what it holds.
	async function loggedSync(dir: string) {
		await mkdir(`${dir}/bin`);
		await writeFile(`${dir}/bin/sync`, `#!/bin/sh\necho "$*" >>"${dir}/sync-ran"\n[ ! -e "${dir}/fail" ] || { echo "sync: error syncing: $(cat "${dir}/fail")" >&2; exit 1; }\nexec /usr/bin/sync "$@"\n`, {mode: 0o755});
		const shell = startShell(spawnShell({PATH: `${dir}/bin:${process.env.PATH ?? ''}`}));
		const session = {endpoint: {name: 'n1', address: '10.0.0.1'}, remoteIsRoot: true, asRootInShell: async (request: ShellRequest) => shell.call(request)} as unknown as SshSession;
		const runs = async () => (await readFile(`${dir}/sync-ran`, 'utf8').catch(() => '')).split('\n').filter(Boolean);
		return {shell, fs: createNodeFs(session), runs};
	}

	it('syncs nothing for a write left for later; the write that lands last syncs them all, files and folders, in one process before its rename', async () => {
		const dir = await tempRoot();
		const {shell, fs, runs} = await loggedSync(dir);
		await mkdir(`${dir}/etc/real`, {recursive: true});
		await symlink('real', `${dir}/etc/linked`);
		await fs.write(`${dir}/etc/linked/one`, 'one\n', 0o644, undefined, 'later');
		await fs.write(`${dir}/etc/new/two`, 'two\n', 0o644, undefined, 'later');
		expect(await runs()).toEqual([]);
		await fs.write(`${dir}/journal.json`, '{}\n', 0o600, undefined, 'last');
		const [together, folder, ...more] = await runs();
		expect(together?.split(' ').slice(0, 2)).toEqual(['--', expect.stringMatching(/\/\.journal\.json\.mesos-setup-[0-9a-f]{8}$/)]);
		// The files as written (sync follows the link), the folders as the renames changed them, and
		// etc, where etc/new was made.
		expect(together?.split(' ').slice(2).sort()).toEqual([`${dir}/etc/linked/one`, `${dir}/etc/new/two`, `${dir}/etc/new`, `${dir}/etc/real`, `${dir}/etc`].sort());
		expect([folder, more]).toEqual([`-- ${dir}`, []]);
		// Synced once: the next write that lands last syncs its own file and folder only.
		await fs.write(`${dir}/journal.json`, '{"again": true}\n', 0o600, undefined, 'last');
		expect((await runs()).slice(2)).toEqual([expect.stringMatching(/^-- \S+\.mesos-setup-[0-9a-f]{8}$/), `-- ${dir}`]);
		await fs.write(`${dir}/etc/real/three`, '3\n', 0o644, undefined, 'later');
		await fs.syncLater();
		expect((await runs()).at(-1)).toBe(`-- ${dir}/etc/real/three ${dir}/etc/real`);
		expect(await readFile(`${dir}/etc/real/one`, 'utf8')).toBe('one\n');
		await shell.close();
	});

	it.each(['Input/output error', 'No space left on device'])('a failed sync (%s) fails the write that lands last, and every one after while it lasts, naming the files; once the disk answers, the next writes them again and lands', async reason => {
		const dir = await tempRoot();
		const {shell, fs, runs} = await loggedSync(dir);
		// As a journal's row leaves them: a backup copy and a file renamed into place, neither written again by a retry.
		await fs.write(`${dir}/backups/001-zoo.cfg`, 'old\n', 0o600, undefined, 'later');
		await fs.write(`${dir}/zoo.cfg`, 'new\n', 0o640, undefined, 'later');
		await writeFile(`${dir}/fail`, reason);
		await expect(fs.write(`${dir}/journal.json`, '{}\n', 0o600, undefined, 'last')).rejects.toThrow(`syncing the files written on n1 failed: sync: error syncing: ${reason}`);
		// The journal did not land: the row it would name is not known to be on disk.
		expect(existsSync(`${dir}/journal.json`)).toBe(false);
		// Still failing: each save is refused, naming the files, and why; nothing is left behind.
		const refused = `files written on n1 could not be made durable (${dir}/backups/001-zoo.cfg, ${dir}/zoo.cfg)`;
		const second = await fs.write(`${dir}/journal.json`, '{}\n', 0o600, undefined, 'last').then(
			() => undefined,
			(error: unknown) => error as StepError,
		);
		expect([second?.message, second?.detail]).toEqual([`${refused}, so nothing is recorded as written`, [`sync: error syncing: ${reason}. Check the node’s disk, then run again.`]]);
		await expect(fs.syncLater()).rejects.toThrow(refused);
		expect([existsSync(`${dir}/journal.json`), (await readdir(dir)).filter(name => name.includes('.mesos-setup-'))]).toEqual([false, []]);
		await rm(`${dir}/fail`);
		// The disk answers again: the next save writes both again as they are (not the same file synced
		// again, which Linux would let pass), then lands, and so does the one after.
		const before = (await runs()).length;
		await fs.write(`${dir}/journal.json`, '{}\n', 0o600, undefined, 'last');
		const synced = (await runs()).slice(before);
		expect(synced.slice(0, 2)).toEqual([expect.stringMatching(/^-- \S+\/backups\/\.001-zoo\.cfg\.mesos-setup-[0-9a-f]{8}$/), `-- ${dir}/backups`]);
		expect(synced.slice(2, 4)).toEqual([expect.stringMatching(/^-- \S+\/\.zoo\.cfg\.mesos-setup-[0-9a-f]{8}$/), `-- ${dir}`]);
		expect(await readFile(`${dir}/journal.json`, 'utf8')).toBe('{}\n');
		expect([await readFile(`${dir}/backups/001-zoo.cfg`, 'utf8'), await readFile(`${dir}/zoo.cfg`, 'utf8'), (await stat(`${dir}/zoo.cfg`)).mode & 0o777]).toEqual(['old\n', 'new\n', 0o640]);
		await fs.write(`${dir}/journal.json`, '{"finished": true}\n', 0o600, undefined, 'last');
		await expect(fs.syncLater()).resolves.toBeUndefined();
		await shell.close();
	});

	it('a file written for later and gone by the save (removed) has nothing left to sync: the save lands', async () => {
		const dir = await tempRoot();
		const {shell, fs, runs} = await loggedSync(dir);
		await fs.write(`${dir}/removed`, 'r\n', 0o644, undefined, 'later');
		await fs.remove(`${dir}/removed`);
		await fs.write(`${dir}/gone`, 'g\n', 0o644, undefined, 'later');
		await rm(`${dir}/gone`);
		await fs.write(`${dir}/kept`, 'k\n', 0o644, undefined, 'later');
		await fs.write(`${dir}/journal.json`, '{}\n', 0o600, undefined, 'last');
		expect(await readFile(`${dir}/journal.json`, 'utf8')).toBe('{}\n');
		expect((await runs())[0]?.split(' ').slice(2)).toEqual([`${dir}/kept`, dir]);
		await shell.close();
	});
});

describe('what stands at every file a plan writes, asked of a node in one request', () => {
	it('names what info and missingDirs would have named, file by file, in the plan’s order', async () => {
		const shell = startShell();
		const session = {endpoint: {name: 'n1', address: '10.0.0.1'}, remoteIsRoot: true, asRootInShell: async (request: ShellRequest) => shell.call(request)} as unknown as SshSession;
		const dir = await tempRoot();
		await mkdir(`${dir}/etc/folder-here`, {recursive: true});
		await writeFile(`${dir}/etc/plain`, 'x');
		await writeFile(`${dir}/etc/file-as-folder`, 'x');
		await execa('mkfifo', [`${dir}/etc/fifo`]);
		await symlink('nowhere', `${dir}/etc/dangling`);
		// Folders reached through links: to a folder, and to a file (named as the file it leads to).
		await symlink('folder-here', `${dir}/etc/to-folder`);
		await symlink('plain', `${dir}/etc/to-file`);
		const paths = ['plain', 'new/deeper/file', 'folder-here', 'fifo', 'file-as-folder/inside', 'dangling', 'to-folder/new', 'to-file/x/y'].map(name => `${dir}/etc/${name}`);
		const plan = {steps: [{actions: paths.map(target => ({kind: 'file', path: target, settings: ['some.setting']}))}]} as unknown as Plan;
		const fs = createNodeFs(session);
		expect(await fs.targetStates(paths)).toEqual([{}, {}, {kind: 'folder'}, {kind: 'FIFO'}, {cannot: `${dir}/etc/file-as-folder on n1 is not a folder, so nothing can be written under it`}, {}, {}, {cannot: `${dir}/etc/plain on n1 is not a folder, so nothing can be written under it`}]);
		// The same words as asking file by file (info, then missingDirs), which a target without targetStates does.
		const refusal = async (target: TargetFs) => refuseUnwritableTargets(target, plan).then(() => [], (error: Error & {lines?: string[]}) => error.message);
		const inOne = await refusal(fs as unknown as TargetFs);
		expect(inOne).toContain(`${dir}/etc/folder-here (from some.setting) is a folder, not a regular file (n1:${dir}/etc/folder-here)`);
		expect(inOne).toContain(`${dir}/etc/file-as-folder/inside (from some.setting) cannot be written: ${dir}/etc/file-as-folder on n1 is not a folder`);
		expect(await refusal({...fs, targetStates: undefined} as unknown as TargetFs)).toEqual(inOne);
		await shell.close();
	});
});
