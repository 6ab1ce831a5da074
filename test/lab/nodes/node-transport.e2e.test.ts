// The SSH transport (source/system/ssh) against a real node of the lab, from the control machine:
// Debian's openssh on both ends, the node reached only through the lab network. What the control
// machine did is compared with what the node holds, read on the node directly.
import {createHash} from 'node:crypto';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {judgeDockerVersion} from '../../../source/model/docker.js';
import {describeLab} from '../require-lab.js';
import {mesosSetupOnControl} from './control-cli.js';
import {adminUser, controlSsh, startNodes, type LabNode, type LabNodes} from './lab-nodes.js';
import {onControl} from './on-control.js';

const minute = 60_000;
const program = 'test/lab/nodes/node-transport-main.ts';
const dir = '/etc/mesos-setup-lab';
const figures: Record<string, number> = {};

type Outcome<T> = {ok: T} | {error: string; problem?: string};

/** Every entry under the lab folder: type, mode, owner, size, link target and the bytes' hash. */
async function tree(node: LabNode): Promise<string> {
	return (await node.run(['bash', '-c', `cd ${dir} && find . -printf '%p %y %m %u:%g %s %l\\n' | sort && find . -type f -exec sha256sum {} + | sort -k 2`])).stdout;
}

describeLab('the SSH transport against a node of the lab', () => {
	let lab: LabNodes | undefined;
	const need = () => {
		if (!lab) throw new Error('the lab did not start');
		return lab;
	};
	const m1 = () => need().node('m1');
	const endpoint = (user?: string, node = m1()) => ({name: node.name, address: node.address, ...(user ? {user} : {})});
	const run = async <T>(scenario: string, user?: string, node = m1()) => (await onControl<{result: T; socketDir: string}>(need(), program, {scenario, endpoint: endpoint(user, node)})).result;

	/** The files the scenarios start from: owners other than root, a link, a FIFO. */
	const prepare = async () => {
		await m1().run(['bash', '-c', `set -e
rm -rf ${dir}; mkdir -p ${dir}; cd ${dir}
printf 'old owned\\n' >owned.conf; chown 1234:1234 owned.conf; chmod 604 owned.conf
printf 'kept\\n' >kept-owner.conf; chown 4321:4322 kept-owner.conf; chmod 640 kept-owner.conf
printf 'target\\n' >target.conf; ln -s target.conf link.conf; mkfifo fifo`]);
	};

	beforeAll(async () => {
		lab = await startNodes([{name: 'm1', address: '10.77.0.11'}, {name: 's1', address: '10.77.0.12', init: 'systemd'}]);
		await m1().run(['bash', '-c', 'id -u nosudo >/dev/null 2>&1 || useradd --create-home nosudo; install -d -m 700 -o nosudo ~nosudo/.ssh; install -m 600 -o nosudo /root/.ssh/authorized_keys ~nosudo/.ssh/']);
	}, 20 * minute);

	afterAll(async () => {
		const left = await lab?.stop();
		console.log(`SSH transport figures: ${JSON.stringify(figures)}; processes the clean-up had to end: ${JSON.stringify(left?.killedPids ?? [])}`);
	}, 5 * minute);

	it.each([
		['root', undefined],
		[`${adminUser} through sudo -n`, adminUser],
	])('reads and writes a node’s files as %s: made folders, modes, owners kept, links followed, only regular files', async (_who, user) => {
		await prepare();
		const seen = await run<Record<string, unknown>>('files', user);
		expect(seen.remoteIsRoot).toBe(user === undefined);
		expect(seen.created).toEqual([`${dir}/new`, `${dir}/new/deeper`]);
		expect(seen.read).toBe('alpha\n');
		expect(seen.info).toEqual({kind: 'file', mode: 0o640, uid: 0, gid: 0, size: 6});
		expect(seen.binaryBack).toBe(true);
		expect(seen).not.toHaveProperty('missingFile'); // undefined: JSON leaves it out
		expect(seen.exists).toEqual([true, false]);
		expect(seen.list).toEqual(['binary', 'fifo', 'kept-owner.conf', 'link.conf', 'new', 'owned.conf', 'target.conf']);
		expect(seen.listMissing).toEqual([]);
		expect(seen.missingDirs).toEqual([`${dir}/x`, `${dir}/x/y`]);
		expect(seen.freeBytes).toBeGreaterThan(1_000_000);
		expect((seen.fifo as Outcome<unknown>)).toEqual({error: `${dir}/fifo is a FIFO, not a regular file (m1:${dir}/fifo)`});
		expect((seen.folderAsFile as {error: string}).error).toBe(`${dir}/new is a folder, not a regular file (m1:${dir}/new)`);
		expect((seen.fileAsFolder as {error: string}).error).toBe(`${dir}/owned.conf on m1 is not a folder, so ${dir}/owned.conf/inside cannot be written`);
		expect(seen.removeNotEmpty).toBe(false);
		expect(seen.removed).toEqual([true, false]);
		// What the node holds: the mode and owner each file had, the link still a link to the file it names,
		// no temp file left, the new files root's (not the login user's).
		const listing = (await m1().run(['bash', '-c', `cd ${dir} && find . -printf '%p %y %m %u:%g %l\\n' | sort`])).stdout.split('\n');
		expect(listing).toEqual([
			'. d 755 root:root ',
			'./binary f 644 root:root ',
			'./fifo p 644 root:root ',
			'./kept-owner.conf f 600 4321:4322 ',
			'./link.conf l 777 root:root target.conf',
			'./new d 755 root:root ',
			'./owned.conf f 604 1234:1234 ',
			'./target.conf f 644 root:root ',
		]);
		expect(await m1().readFile(`${dir}/target.conf`)).toBe('written through the link\n');
		expect(await m1().readFile(`${dir}/owned.conf`)).toBe('replaced with its owner given\n');
	});

	it('answers the preflight on the node: sudo -n, Debian with apt, who holds a port, the repository reached from the node, its clock', async () => {
		const checks = (user: string) => onControl<{result: Record<string, {status: string; message: string}> & {clockOffsetMs: number}}>(need(), program, {
			scenario: 'checks', endpoint: endpoint(user), repoUrl: need().repoUrl,
		});
		const admin = (await checks(adminUser)).result;
		expect(admin.root).toEqual({status: 'passed', message: `${adminUser} may act as root on m1 (sudo -n)`});
		expect(admin.apt).toEqual({status: 'passed', message: 'm1 runs Debian GNU/Linux 12 (bookworm), a Debian-family system with apt'});
		expect(admin.freePort).toEqual({status: 'passed', message: 'port 2181 is free on m1'});
		expect(admin.usedPort).toEqual({status: 'failed', message: expect.stringMatching(/^port 22, needed by a test, is in use on m1 by sshd \(pid \d+\)/)});
		expect(admin.repository).toEqual({status: 'passed', message: `the repository ${need().repoUrl} answers from m1`});
		expect(admin.nowhere).toEqual({status: 'failed', message: expect.stringMatching(/^the repository http:\/\/10\.77\.0\.99:9\/ does not answer from m1/)});
		expect(admin.disk?.status).toBe('passed');
		// The same kernel clock, a round trip apart.
		expect(Math.abs(admin.clockOffsetMs)).toBeLessThan(2000);
		const refused = (await checks('nosudo')).result;
		expect(refused.root).toEqual({status: 'failed', message: expect.stringMatching(/^nosudo cannot act as root on m1 without a password \(sudo -n: sudo: a password is required\)/)});
	});

	it('detects what the installer needs to know on the node itself: its distribution, codename and init (sysv, systemd); reads a log’s end', async () => {
		for (const node of need().nodes) {
			await node.run(['bash', '-c', 'printf "first line\\nsecond line\\nthe last line\\n" >/var/log/mesos-setup-lab.log']);
			const seen = await run<{facts: Record<string, unknown>; logEnd: string; noLog?: string}>('detect', adminUser, node);
			expect(seen.facts).toMatchObject({distro: 'debian', codename: 'bookworm', init: node.init, hasApt: true, assumed: false, isRoot: false});
			// 20 bytes from the end start mid-line: only whole lines are kept.
			expect(seen.logEnd).toBe('the last line\n');
			expect(seen).not.toHaveProperty('noLog');
		}
	});

	it('refuses to act as root for a user without passwordless sudo, saying sudo wants a password', async () => {
		const seen = await run<{remoteIsRoot: boolean; read: Outcome<string>}>('withoutSudo', 'nosudo');
		expect(seen.remoteIsRoot).toBe(false);
		expect(seen.read).toEqual({error: expect.stringMatching(/^reading m1:\/etc\/hostname failed: sudo: a password is required/)});
	});

	it('replaces a file atomically: a reader on the node never sees a mix of two versions, and no temp file is left', async () => {
		await prepare();
		await m1().run(['bash', '-c', `head -c 262144 /dev/zero | tr '\\0' a >${dir}/atomic`]);
		const reader = m1().run(['bash', '-c', `while [ ! -e /tmp/stop-reading ]; do sha256sum <${dir}/atomic; done >/tmp/reads`], {timeout: 10 * minute});
		const wrote = await run<{writes: number; msPerWrite: number}>('atomic');
		await m1().run(['touch', '/tmp/stop-reading']);
		await reader;
		figures['atomic 256 KB write over SSH (ms)'] = Math.round(wrote.msPerWrite);
		const hash = (letter: string) => createHash('sha256').update(Buffer.alloc(262_144, letter)).digest('hex');
		const reads = (await m1().readFile('/tmp/reads')).trim().split('\n').map(line => line.split(' ')[0]);
		expect(reads.length).toBeGreaterThan(20);
		expect(new Set(reads)).toEqual(new Set([hash('a'), hash('b')]));
		expect((await m1().run(['bash', '-c', `ls -A ${dir}`])).stdout.split('\n')).not.toContainEqual(expect.stringMatching(/mesos-setup-/));
		await m1().run(['rm', '-f', '/tmp/stop-reading', '/tmp/reads']);
	});

	it.each([
		['root', undefined],
		[adminUser, adminUser],
	])('a journal written on the node and undone there as %s puts back every byte, mode, owner and link, and removes what it made', async (_who, user) => {
		await prepare();
		const before = await tree(m1());
		const seen = await run<{results: string[]; runId: string; journalText: string; undone: {path: string; outcome: string}[]}>('journal', user);
		expect(seen.results).toEqual(['changed', 'changed', 'created', 'changed']);
		const journal = JSON.parse(seen.journalText) as {entries: {path: string}[]};
		// The link's entry names the link; the journal and its backups are on the node, under its own /var/backups.
		expect(journal.entries.map(entry => entry.path)).toEqual([`${dir}/owned.conf`, `${dir}/link.conf`, `${dir}/made/by/the/journal.conf`, `${dir}/kept-owner.conf`]);
		expect(await m1().readFile(`/var/backups/mesos-setup/${seen.runId}/000-owned.conf`)).toBe('old owned\n');
		expect(seen.undone.map(line => line.outcome)).toEqual(['restored', 'removed', 'restored', 'restored']);
		expect(await tree(m1())).toBe(before);
		await m1().run(['rm', '-rf', '/var/backups/mesos-setup']);
	});

	it('runs commands as root with every word quoted, lines streamed, input piped; a stopped or timed-out command leaves nothing running', async () => {
		const seen = await run<Record<string, unknown> & {lines: string[]; stopMs: number; timeoutMs: number}>('commands');
		expect(seen.quoting).toMatchObject({ok: true, exitCode: 0, stdout: 'one\ntwo\nit\'s $(reboot) `halt` ;|& *|it is $HOME; `id` $(id) "q" \'s\' | & > /tmp/nope', stderr: 'three\n'});
		expect(seen.lines).toEqual(expect.arrayContaining(['stdout: one', 'stdout: two', 'stderr: three', 'stopped: started']));
		const input = Buffer.from(Array.from({length: 70_000}, (_, i) => (i * 7) % 256));
		expect(seen.piped).toBe(createHash('sha256').update(input).digest('hex'));
		expect(seen.exit).toMatchObject({ok: false, exitCode: 3, failure: '“bash -c echo failing >&2; exit 3” exited with code 3 on m1: failing'});
		expect(seen.missing).toMatchObject({ok: false, failure: 'no-such-command-here is not installed on m1 (command not found), so “no-such-command-here --flag” could not run'});
		expect(seen.stopped).toMatchObject({ok: false, stopped: true, failure: expect.stringMatching(/was stopped before it finished on m1$/)});
		expect(seen.timedOut).toMatchObject({ok: false, failure: expect.stringMatching(/did not finish within 1 s on m1 and was stopped$/)});
		// A group that ignores SIGTERM gets SIGKILL after 5 s; one that does not ends at once.
		expect(seen.stopMs).toBeLessThan(5000);
		expect(seen.timeoutMs).toBeLessThan(15_000);
		expect(seen.has).toEqual([true, false]);
		expect((await m1().run(['pgrep', '-f', 'sleep 30[123]'], {reject: false})).stdout).toBe('');
		// Every one of those ran in one command shell kept on the node, but the two at once: a second shell.
		expect(seen.both).toEqual(['one\n', 'two\n']);
		expect(seen.commandShells).toBe(2);
		expect(seen.during).toEqual({hostname: 'm1', readWhileRunning: true, slowOutput: 'slow\n'});
		// The run's end ended them, and their folders went with them.
		expect((await m1().run(['bash', '-c', 'ls -d /run/mesos-setup-commands.* 2>/dev/null'], {reject: false})).stdout).toBe('');
	});

	it('a killed mesos-setup (SIGKILL, nothing closed) ends the command it ran on the node, with all it started', async () => {
		const seen = await run<{left: string}>('killed');
		expect(seen.left).toBe('none');
		expect((await m1().run(['pgrep', '-f', 'sleep 30[56]'], {reject: false})).stdout).toBe('');
	});

	it('verifies host keys: an unknown one is refused before anything is sent, fetched and accepted on request; a changed one is refused', async () => {
		const known = await need().control.readFile(controlSsh.knownHosts);
		try {
			await need().control.writeFile(controlSsh.knownHosts, '');
			const seen = await run<{first: Outcome<void>; fetched: {keys: {type: string; fingerprint: string}[]}; file: string; second: Outcome<{remoteIsRoot: boolean}>}>('acceptKey');
			expect(seen.first).toEqual({error: 'the SSH host key of m1 (10.77.0.11) is not known on this machine, so nothing was sent to it', problem: 'unknown-host-key'});
			const real = (await m1().run(['ssh-keygen', '-l', '-f', '/etc/ssh/ssh_host_ed25519_key.pub'])).stdout.split(' ')[1];
			expect(seen.fetched.keys).toEqual([{type: 'ED25519', fingerprint: real}]);
			expect(seen.file).toBe(controlSsh.knownHosts);
			expect(seen.second).toEqual({ok: {remoteIsRoot: true}});
			const line = await need().control.readFile(controlSsh.knownHosts);
			expect((await need().control.run(['ssh-keygen', '-F', '10.77.0.11', '-f', controlSsh.knownHosts])).stdout).toContain(m1().hostKey.split(' ')[1]);
			expect(line.trim().split('\n')).toHaveLength(1);

			const impostor = (await need().control.run(['bash', '-c', 'rm -f /tmp/impostor* && ssh-keygen -q -t ed25519 -N "" -f /tmp/impostor && cat /tmp/impostor.pub'])).stdout.split(' ').slice(0, 2).join(' ');
			await need().control.writeFile(controlSsh.knownHosts, `m1,10.77.0.11 ${impostor}\n`);
			const changed = await run<Outcome<unknown>>('open');
			expect(changed).toEqual({error: expect.stringMatching(/^the SSH host key of m1 \(10\.77\.0\.11\) is not the one this machine knows, so nothing was sent to it/), problem: 'changed-host-key'});
		} finally {
			await need().control.writeFile(controlSsh.knownHosts, known);
		}
	});

	it('keeps many small operations fast over one shared connection and one root shell, and leaves no socket, master connection or shell behind', async () => {
		await prepare();
		const seen = await run<{openMs: number; infoMs: number; writeMs: number; shells: number; afterClose: unknown; newSession: unknown; openedWhileClosing: unknown}>('speed');
		expect(seen.shells).toBe(1);
		expect(seen.afterClose).toEqual({error: 'the SSH session to m1 was closed'});
		expect(seen.newSession).toEqual({error: 'the SSH sessions were closed; m1 is not reached again'});
		expect(seen.openedWhileClosing).toEqual({error: 'the SSH session to m1 was closed'});
		// The run's end ended the node's shell, and its folder went with it.
		expect((await m1().run(['bash', '-c', 'ls -d /run/mesos-setup-shell.* 2>/dev/null; pgrep -f "mesos-setup-reques[t]"'], {reject: false})).stdout).toBe('');
		figures['first connection (ms)'] = seen.openMs;
		figures['stat over the shared connection (ms)'] = Math.round(seen.infoMs);
		figures['atomic small write (ms)'] = Math.round(seen.writeMs);
		expect((await need().control.run(['bash', '-c', 'ls -d /tmp/mesos-setup-ssh-* 2>/dev/null; pgrep -af "ssh.*ControlPersist"'], {reject: false})).stdout).toBe('');
	});

	it('cluster status asks docker version over SSH on a node whose agent runs docker, and on no node of a cluster without it', async () => {
		const file = '/root/cluster-docker.yaml';
		const status = async (containerizers: string) => {
			await need().control.writeFile(file, `masters:\n  - {name: m1, address: 10.77.0.11, role: master+agent}\nssh: {user: ${adminUser}}\nsettings: {slave.containerizers: "${containerizers}"}\n`);
			const run = await mesosSetupOnControl(need(), ['cluster', 'status', file, '--json'], 2 * minute);
			expect(run.exitCode, run.stderr).toBe(1);
			return JSON.parse(run.stdout) as {docker: unknown[]; problems: string[]};
		};
		// What docker itself says on the node (no daemon runs there; a client may be on its PATH or not),
		// judged as status judges it: cluster status, asking through SSH as admin, must say the same.
		const installed = (await m1().run(['bash', '-c', 'PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" command -v docker'], {reject: false})).exitCode === 0;
		const direct = installed ? await m1().run(['bash', '-c', 'PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" docker version --format "{{json .}}"'], {reject: false}) : undefined;
		const verdict = judgeDockerVersion(direct ? {exitCode: direct.exitCode ?? undefined, stdout: direct.stdout, stderr: direct.stderr} : undefined, false);
		const withDocker = await status('docker,mesos');
		const detail = verdict.message;
		expect(withDocker.docker).toEqual([{node: 'm1', address: '10.77.0.11', healthy: verdict.status === 'passed', detail}]);
		console.log(`cluster status, Docker on m1: ${detail}`);
		if (verdict.status !== 'passed') expect(withDocker.problems).toContain(`Docker on m1 (10.77.0.11): ${detail}`);
		expect((await status('mesos')).docker).toEqual([]);
		// Its session closed: no socket folder or master connection left on the control machine.
		expect((await need().control.run(['bash', '-c', 'ls -d /tmp/mesos-setup-ssh-* 2>/dev/null; pgrep -af "ssh.*ControlPersist"'], {reject: false})).stdout).toBe('');
	});

	it('names a node that cannot be reached, and what to check', async () => {
		await m1().unplug();
		try {
			const seen = await run<Outcome<unknown>>('open');
			expect(seen).toEqual({error: expect.stringMatching(/^m1 \(10\.77\.0\.11\) cannot be reached over SSH: .*10\.77\.0\.11 port 22: (Connection timed out|No route to host)/), problem: 'unreachable'});
		} finally {
			await m1().plug();
		}
	});
});
