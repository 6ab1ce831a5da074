// The scripts a node runs (bash and coreutils), run here in a temp folder: what the SSH transport
// relies on, without SSH. The lab proves them over SSH on a node (test/lab/nodes/node-transport).
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, openSync} from 'node:fs';
import {mkdir, readdir, readFile, stat, symlink, writeFile} from 'node:fs/promises';
import {createServer as createHttpServer} from 'node:http';
import {type AddressInfo, createServer} from 'node:net';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {bashScript} from '../../source/model/remote-command.js';
import {clockSkewProblem} from '../../source/model/clock-skew.js';
import {listenersScript, listeningScript, reachScript, readScript, scriptExit, writeScript} from '../../source/system/ssh/node-scripts.js';
import {tempRoot} from '../helpers/temp-root.js';

const bash = async (script: string, args: string[], input?: string | Buffer) => {
	const [file, ...rest] = bashScript(script, args);
	return execa(file as string, rest, {reject: false, input: input ?? '', encoding: 'utf8'});
};
// Its input from a file, as the node's shell gives it one (install reads it again through /dev/stdin).
async function write(target: string, data: string, mode: string, owner = '', env: Record<string, string> = {}) {
	const input = `${await tempRoot()}/input`;
	await writeFile(input, data);
	const [file, ...rest] = bashScript(writeScript, [target, mode, owner, 'abcd0123']);
	const stdin = openSync(input, 'r');
	try {
		const run = spawnSync(file as string, rest, {stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8', env: {...process.env, ...env}});
		return {exitCode: run.status, stdout: run.stdout, stderr: run.stderr};
	} finally {
		closeSync(stdin);
	}
}

describe('the scripts a node runs', () => {
	it('write: makes the missing folders (0755, outermost first), gives the mode, follows a link, leaves no temp file', async () => {
		const dir = await tempRoot();
		const made = await write(`${dir}/a/b/file.conf`, 'one\n', '640');
		expect(made.exitCode).toBe(0);
		// The folder the file is in, then the ones made.
		expect(made.stdout.split('\0').filter(Boolean)).toEqual([`${dir}/a/b`, `${dir}/a`, `${dir}/a/b`]);
		expect(await readFile(`${dir}/a/b/file.conf`, 'utf8')).toBe('one\n');
		expect((await stat(`${dir}/a/b/file.conf`)).mode & 0o7777).toBe(0o640);
		expect((await stat(`${dir}/a`)).mode & 0o7777).toBe(0o755);
		await symlink('b/file.conf', `${dir}/a/link`);
		expect((await write(`${dir}/a/link`, 'two\n', '644')).exitCode).toBe(0);
		expect(await readFile(`${dir}/a/b/file.conf`, 'utf8')).toBe('two\n');
		expect(await readdir(`${dir}/a/b`)).toEqual(['file.conf']);
	});

	it.runIf(process.getuid?.() === 0)('write: keeps the owner of the file it replaces, or gives the one asked for', async () => {
		const dir = await tempRoot();
		await writeFile(`${dir}/file`, 'old\n');
		await execa('chown', ['1234:1235', `${dir}/file`]);
		await write(`${dir}/file`, 'new\n', '600');
		expect(await stat(`${dir}/file`)).toMatchObject({uid: 1234, gid: 1235});
		await write(`${dir}/file`, 'newer\n', '600', '77:78');
		expect(await stat(`${dir}/file`)).toMatchObject({uid: 77, gid: 78});
	});

	it('write: modes with x bits and without are given exactly; links and dots anywhere on the path are followed', async () => {
		const dir = await tempRoot();
		expect((await write(`${dir}/run/start.sh`, '#!/bin/sh\n', '750')).exitCode).toBe(0);
		expect((await stat(`${dir}/run/start.sh`)).mode & 0o7777).toBe(0o750);
		expect((await write(`${dir}/run/open`, 'x', '666')).exitCode).toBe(0);
		expect((await stat(`${dir}/run/open`)).mode & 0o7777).toBe(0o666);
		await symlink('run', `${dir}/to-run`);
		for (const target of [`${dir}/to-run/via-link`, `${dir}/run/../run/via-dots`, `${dir}/run//via-slashes`]) {
			const wrote = await write(target, 'y\n', '644');
			expect([target, wrote.exitCode, wrote.stdout]).toEqual([target, 0, `${dir}/run\0`]);
		}
		expect((await readdir(`${dir}/run`)).sort()).toEqual(['open', 'start.sh', 'via-dots', 'via-link', 'via-slashes']);
	});

	it('write: a plain path with no link on it costs no readlink; one through a link or with dots does', async () => {
		const dir = await tempRoot();
		// A readlink that says each time it runs, then does what readlink does.
		await mkdir(`${dir}/bin`);
		await writeFile(`${dir}/bin/readlink`, `#!/bin/sh\necho ran >>"${dir}/readlink-ran"\nexec /usr/bin/readlink "$@"\n`, {mode: 0o755});
		await mkdir(`${dir}/etc/real`, {recursive: true});
		await symlink('real', `${dir}/etc/linked`);
		const ran = async () => (await readFile(`${dir}/readlink-ran`, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
		const writeWithPath = async (target: string) => write(target, 'z\n', '644', '', {PATH: `${dir}/bin:${process.env.PATH ?? ''}`});
		await writeWithPath(`${dir}/etc/real/plain`);
		expect(await ran()).toBe(0);
		await writeWithPath(`${dir}/etc/linked/through-link`);
		await writeWithPath(`${dir}/etc/real/../real/with-dots`);
		expect(await ran()).toBe(2);
		expect((await readdir(`${dir}/etc/real`)).sort()).toEqual(['plain', 'through-link', 'with-dots']);
	});

	it('write: syncs the file before its rename, then its folder and the parent of every folder it made', async () => {
		const dir = await tempRoot();
		// A sync that says what it was given, then does what sync does.
		await mkdir(`${dir}/bin`);
		await writeFile(`${dir}/bin/sync`, `#!/bin/sh\necho "$*" >>"${dir}/synced"\nexec /usr/bin/sync "$@"\n`, {mode: 0o755});
		await mkdir(`${dir}/etc`);
		const wrote = await write(`${dir}/etc/mesos-master/conf/ip`, '10.0.0.1\n', '644', '', {PATH: `${dir}/bin:${process.env.PATH ?? ''}`});
		expect(wrote.exitCode).toBe(0);
		const [before, after, ...more] = (await readFile(`${dir}/synced`, 'utf8')).trim().split('\n');
		expect(before).toMatch(new RegExp(`^-- ${dir}/etc/mesos-master/conf/\\.ip\\.mesos-setup-abcd0123$`));
		expect(after).toBe(`-- ${dir}/etc/mesos-master/conf ${dir}/etc ${dir}/etc/mesos-master`);
		expect(more).toEqual([]);
	});

	// setfacl comes with the tests' prerequisites (test/lab/install-prerequisites.sh), which CI installs.
	it.runIf(existsSync('/usr/bin/setfacl') || process.env.CI === 'true')('write: the mode is the one asked for under a folder with a default ACL too (a umask would not be)', async () => {
		const dir = await tempRoot();
		await mkdir(`${dir}/acl`);
		await execa('setfacl', ['-d', '-m', 'u::rw,g::r,o::r', `${dir}/acl`]);
		expect((await write(`${dir}/acl/backup`, 'secret\n', '600')).exitCode).toBe(0);
		expect((await stat(`${dir}/acl/backup`)).mode & 0o7777).toBe(0o600);
		expect((await write(`${dir}/acl/new/journal.json`, '{}\n', '600')).exitCode).toBe(0);
		expect((await stat(`${dir}/acl/new/journal.json`)).mode & 0o7777).toBe(0o600);
	});

	it.runIf(process.getuid?.() === 0)('write: a setuid or setgid mode outlives the owner kept from the file it replaces, or given', async () => {
		const dir = await tempRoot();
		await writeFile(`${dir}/tool`, 'old\n');
		await execa('chown', ['1234:1235', `${dir}/tool`]);
		expect((await write(`${dir}/tool`, 'new\n', '4755')).exitCode).toBe(0);
		expect(await stat(`${dir}/tool`)).toMatchObject({uid: 1234, gid: 1235, mode: 0o104755});
		expect((await write(`${dir}/tool`, 'newer\n', '2750', '77:78')).exitCode).toBe(0);
		expect(await stat(`${dir}/tool`)).toMatchObject({uid: 77, gid: 78, mode: 0o102750});
	});

	it.runIf(process.getuid?.() === 0)('write: the owner asked for is given, root’s own too in a folder that hands down its group', async () => {
		const dir = await tempRoot();
		await execa('mkdir', [`${dir}/shared`]);
		await execa('chown', ['0:1235', `${dir}/shared`]);
		await execa('chmod', ['2775', `${dir}/shared`]);
		await write(`${dir}/shared/file`, 'x\n', '644', '0:0');
		expect(await stat(`${dir}/shared/file`)).toMatchObject({uid: 0, gid: 0});
		await write(`${dir}/plain`, 'x\n', '644', '0:0');
		expect(await stat(`${dir}/plain`)).toMatchObject({uid: 0, gid: 0});
	});

	it('write and read refuse what is not a regular file; read does not wait on a FIFO', async () => {
		const dir = await tempRoot();
		await execa('mkfifo', [`${dir}/fifo`]);
		const read = await bash(readScript, [`${dir}/fifo`]);
		expect([read.exitCode, read.stderr.trim()]).toEqual([scriptExit.notRegular, 'fifo']);
		expect((await write(dir, 'x', '644')).exitCode).toBe(scriptExit.notRegular);
		expect((await bash(readScript, [`${dir}/none`])).exitCode).toBe(scriptExit.missing);
	});
});

describe('the scripts a node’s preflight runs', () => {
	it('listeners: names who listens on a port, and nothing for a free one', async () => {
		const server = createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		try {
			const {port} = server.address() as AddressInfo;
			const held = await bash(listenersScript, [String(port)]);
			expect(held.stdout).toContain(`(pid ${process.pid})`);
			server.close();
			await new Promise(resolve => server.once('close', resolve));
			expect((await bash(listenersScript, [String(port)])).stdout).toBe('');
		} finally {
			server.close();
		}
	});

	it('listening: every port something listens on, one a line, without a process of its own', async () => {
		const server = createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as AddressInfo;
		try {
			const listed = await bash(listeningScript, []);
			expect(listed.exitCode).toBe(0);
			expect(listed.stdout.split('\n')).toContain(String(port));
			expect(listed.stdout.split('\n').filter(line => !/^\d+$/.test(line))).toEqual([]);
		} finally {
			server.close();
			await new Promise(resolve => server.once('close', resolve));
		}
		expect((await bash(listeningScript, [])).stdout.split('\n')).not.toContain(String(port));
		// A table whose last socket is not listening: the ports before it, and no failure.
		const dir = await tempRoot();
		await writeFile(
			`${dir}/tcp`,
			[
				'  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
				'   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0',
				'   1: 0100007F:0016 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 4243 1 0000000000000000 20 4 30 10 -1',
				'',
			].join('\n'),
		);
		expect(await bash(listeningScript, [`${dir}/missing`, `${dir}/tcp`])).toMatchObject({exitCode: 0, stdout: '8080'});
		// A table of thousands of sockets (a node whose cluster runs), IPv6 lines among them: every
		// listening port and no other, the lines read far past the first read's 4 KiB.
		const rows = Array.from({length: 3000}, (_, i) => {
			const v6 = i % 2 === 1;
			const local = v6 ? `00000000000000000000000000000000:${(10_000 + i).toString(16).toUpperCase()}` : `0100007F:${(10_000 + i).toString(16).toUpperCase()}`;
			return `${String(i).padStart(4)}: ${local} 00000000:0000 ${i % 3 === 0 ? '0A' : '06'} 00000000:00000000 00:00000000 00000000     0        0 ${5000 + i} 1 0000000000000000 100 0 0 10 0`;
		});
		await writeFile(`${dir}/many`, ['  sl  local_address rem_address   st', ...rows, ''].join('\n'));
		const many = await bash(listeningScript, [`${dir}/many`]);
		expect(many.stdout.trim().split('\n').map(Number)).toEqual(Array.from({length: 1000}, (_, i) => 10_000 + 3 * i));
		// Bash's own builtins only: under strace it would start no program; here, with no PATH at all.
		const [file, ...rest] = bashScript(listeningScript, []);
		expect((await execa(file as string, rest, {reject: false, env: {PATH: ''}, extendEnv: false})).stderr).toBe('');
	});

	it('reach: an HTTP answer’s status line, or a failure when nothing listens', async () => {
		const server = createHttpServer((_request, response) => response.writeHead(404).end());
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as AddressInfo;
		try {
			const answered = await bash(reachScript, ['127.0.0.1', String(port), '/debian']);
			expect([answered.exitCode, answered.stdout.trim()]).toEqual([0, 'HTTP/1.1 404 Not Found']);
		} finally {
			await new Promise(resolve => server.close(resolve));
		}
		expect((await bash(reachScript, ['127.0.0.1', String(port), '/'])).exitCode).not.toBe(0);
	});
});

describe('clocks across the nodes', () => {
	it('allows a few seconds, and names the two furthest apart beyond that', () => {
		expect(clockSkewProblem([{node: 'm1', offsetMs: -1200}, {node: 'a1', offsetMs: 3000}])).toBeUndefined();
		expect(clockSkewProblem([{node: 'm1', offsetMs: -1200}, {node: 'm2', offsetMs: 100}, {node: 'a1', offsetMs: 8000}])).toBe(
			'the clocks of a1 and m1 are 9.2 s apart (at most 5 s is allowed): ZooKeeper and Mesos need the machines to agree on the time; set up NTP (systemd-timesyncd or chrony) on every node',
		);
	});
});
