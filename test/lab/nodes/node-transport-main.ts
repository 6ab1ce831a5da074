// Run on the control machine by node-transport.e2e.test.ts (through onControl): the SSH transport of
// source/system/ssh against a node, as the cluster commands will use it. Prints one line of JSON with
// what it saw; the test compares it with what it reads on the node directly.
import {spawn} from 'node:child_process';
import {rm} from 'node:fs/promises';
import {detectMachine} from '../../../source/system/detect.js';
import {Journal, newRunId} from '../../../source/system/journal.js';
import {undoLastRun} from '../../../source/system/undo.js';
import {acceptHostKeys, fetchHostKeys} from '../../../source/system/ssh/host-keys.js';
import {createNodeChecks} from '../../../source/system/ssh/node-checks.js';
import {createNodeFs} from '../../../source/system/ssh/node-fs.js';
import {createNodeRunner} from '../../../source/system/ssh/node-runner.js';
import {type SshEndpoint, SshError, SshSession, SshSessions} from '../../../source/system/ssh/ssh-session.js';
import {waitFor} from '../../helpers/wait-for.js';

const opened = async (sessions: SshSessions, endpoint: SshEndpoint): Promise<SshSession> => {
	const session = sessions.session(endpoint);
	await session.open();
	return session;
};

type Request = {scenario: string; endpoint: SshEndpoint; repoUrl?: string};

const dir = '/etc/mesos-setup-lab';
const outcome = async <T>(run: () => Promise<T>): Promise<{ok: T} | {error: string; problem?: string}> => {
	try {
		return {ok: await run()};
	} catch (error) {
		return {error: (error as Error).message, ...(error instanceof SshError ? {problem: error.problem} : {})};
	}
};

const scenarios: Record<string, (sessions: SshSessions, endpoint: SshEndpoint, request: Request) => Promise<unknown>> = {
	async files(sessions, endpoint) {
		const session = sessions.session(endpoint);
		await session.open();
		const fs = createNodeFs(session);
		const created = await fs.write(`${dir}/new/deeper/a.conf`, 'alpha\n', 0o640);
		const owned = await fs.info(`${dir}/owned.conf`);
		await fs.write(`${dir}/owned.conf`, 'replaced with its owner given\n', owned?.mode ?? 0o644, owned ? {uid: owned.uid, gid: owned.gid} : undefined);
		await fs.write(`${dir}/kept-owner.conf`, 'replaced, owner kept without being given\n', 0o600);
		await fs.write(`${dir}/link.conf`, 'written through the link\n', 0o644);
		const binary = Buffer.from(Array.from({length: 1024}, (_, i) => i % 256));
		await fs.write(`${dir}/binary`, binary, 0o644);
		return {
			remoteIsRoot: session.remoteIsRoot,
			created: created.createdDirs,
			read: await fs.read(`${dir}/new/deeper/a.conf`),
			info: await fs.info(`${dir}/new/deeper/a.conf`),
			binaryBack: (await fs.readBytes(`${dir}/binary`))?.equals(binary),
			missingFile: await fs.read(`${dir}/none`),
			exists: [await fs.exists(`${dir}/new`), await fs.exists(`${dir}/none`)],
			list: (await fs.list(dir)).sort(),
			listMissing: await fs.list(`${dir}/none`),
			missingDirs: await fs.missingDirs(`${dir}/x/y`),
			freeBytes: await fs.freeBytes(`${dir}/x/y`),
			fifo: await outcome(async () => fs.read(`${dir}/fifo`)),
			folderAsFile: await outcome(async () => fs.write(`${dir}/new`, 'x', 0o644)),
			fileAsFolder: await outcome(async () => fs.write(`${dir}/owned.conf/inside`, 'x', 0o644)),
			removeNotEmpty: await fs.removeEmptyDir(`${dir}/new`),
			removed: await (async () => {
				await fs.remove(`${dir}/new/deeper/a.conf`);
				return [await fs.removeEmptyDir(`${dir}/new/deeper`), await fs.removeEmptyDir(`${dir}/new/deeper`)];
			})(),
		};
	},

	// Replaces one file 40 times, 256 KB each time, while the test reads it on the node.
	async atomic(sessions, endpoint) {
		const session = sessions.session(endpoint);
		await session.open();
		const fs = createNodeFs(session);
		const versions = [Buffer.alloc(262_144, 'a'), Buffer.alloc(262_144, 'b')];
		const started = Date.now();
		for (let i = 0; i < 40; i++) await fs.write(`${dir}/atomic`, versions[i % 2] as Buffer, 0o644);
		return {writes: 40, msPerWrite: (Date.now() - started) / 40};
	},

	// A journal on the node, written and then undone, as ApplyRun and undo do it.
	async journal(sessions, endpoint) {
		const session = sessions.session(endpoint);
		await session.open();
		const fs = createNodeFs(session);
		const journal = new Journal(fs, newRunId(new Date()));
		const results = [
			await journal.write(`${dir}/owned.conf`, 'the journal wrote this\n'),
			await journal.write(`${dir}/link.conf`, 'and this, through the link\n'),
			await journal.write(`${dir}/made/by/the/journal.conf`, 'a new file\n', {newFileMode: 0o600}),
			await journal.write(`${dir}/kept-owner.conf`, 'replaced, owner kept without being given\n'),
		];
		const journalText = await fs.read(`${journal.dir}/journal.json`);
		const undone = await undoLastRun(fs, newRunId(new Date()));
		return {results, runId: journal.runId, journalText, undone: undone.lines};
	},

	async commands(sessions, endpoint) {
		const session = sessions.session(endpoint);
		await session.open();
		const runner = createNodeRunner(session);
		const lines: string[] = [];
		const quoting = await runner.run(['bash', '-c', 'printf "one\\ntwo\\n"; echo three >&2; printf "%s|%s" "$A" "$1"', 'x', 'it is $HOME; `id` $(id) "q" \'s\' | & > /tmp/nope'], {
			timeoutMs: 30_000,
			env: {A: 'it\'s $(reboot) `halt` ;|& *'},
			onLine: (line, stream) => lines.push(`${stream}: ${line}`),
		});
		const input = Buffer.from(Array.from({length: 70_000}, (_, i) => (i * 7) % 256));
		const piped = await runner.run(['sha256sum'], {timeoutMs: 30_000, input});
		const exit = await runner.run(['bash', '-c', 'echo failing >&2; exit 3'], {timeoutMs: 30_000});
		const missing = await runner.run(['no-such-command-here', '--flag'], {timeoutMs: 30_000});
		const controller = new AbortController();
		const stopStarted = Date.now();
		setTimeout(() => controller.abort(), 1500);
		const stopped = await runner.run(['bash', '-c', 'sleep 301 & sleep 302 & echo started; wait'], {timeoutMs: 60_000, signal: controller.signal, onLine: line => lines.push(`stopped: ${line}`)});
		const stopMs = Date.now() - stopStarted;
		const timeoutStarted = Date.now();
		const timedOut = await runner.run(['bash', '-c', 'trap "" TERM; sleep 303'], {timeoutMs: 1000});
		const timeoutMs = Date.now() - timeoutStarted;
		// Two at once: each in a command shell of its own, the second started beside the first.
		const both = await Promise.all(['one', 'two'].map(async word => (await runner.run(['bash', '-c', 'sleep 0.5; echo "$1"', 'x', word], {timeoutMs: 30_000, onLine: () => undefined})).stdout));
		// A file operation while a command runs: answered by the root shell meanwhile, not after the command.
		const fs = createNodeFs(session);
		let slowEnded = false;
		const slow = runner.run(['bash', '-c', 'sleep 2; echo slow'], {timeoutMs: 30_000, onLine: () => undefined}).finally(() => (slowEnded = true));
		const hostname = await fs.read('/etc/hostname');
		const readWhileRunning = !slowEnded;
		const slowOutput = (await slow).stdout;
		const commandShells = (await fs.list('/run')).filter(name => name.startsWith('mesos-setup-commands.')).length;
		return {
			both,
			during: {hostname: hostname?.trim(), readWhileRunning, slowOutput},
			commandShells,
			lines,
			quoting,
			piped: piped.stdout.split(' ')[0],
			exit,
			missing,
			stopped,
			stopMs,
			timedOut,
			timeoutMs,
			has: [await runner.has('service'), await runner.has('no-such-command-here')],
		};
	},

	// mesos-setup killed (SIGKILL, nothing closed) while a command of its runs on the node: a copy of
	// this program starts the command, this one kills it, then watches the node from a session of its own.
	async killed(sessions, endpoint, request) {
		const child = spawn(process.execPath, ['--import', 'tsx', process.argv[1] ?? '', JSON.stringify({...request, scenario: 'killedChild'})], {stdio: ['ignore', 'pipe', 'inherit']});
		let said = '';
		child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
		const startedAt = await waitFor('the command to start on the node', () => /^started (\S+)$/m.exec(said)?.[1]);
		child.kill('SIGKILL');
		const runner = createNodeRunner(await opened(sessions, endpoint));
		const running = async () => (await runner.run(['pgrep', '-f', 'sleep 30[56]'], {timeoutMs: 30_000})).stdout;
		const left = await waitFor('the killed run’s command to end on the node', async () => ((await running()) === '' ? 'none' : undefined), 30_000).catch(async () => running());
		// Its master connection, left as a killed mesos-setup leaves it, is ended here.
		await new SshSession(endpoint, startedAt).close();
		await rm(startedAt, {recursive: true, force: true});
		return {left};
	},

	async killedChild(sessions, endpoint) {
		const runner = createNodeRunner(await opened(sessions, endpoint));
		await runner.run(['bash', '-c', 'sleep 305 & sleep 306 & echo started; wait'], {timeoutMs: 600_000, signal: new AbortController().signal, onLine: line => console.log(`${line} ${sessions.socketDir}`)});
	},

	// The preflight's questions, answered on the node.
	async checks(sessions, endpoint, request) {
		const session = sessions.session(endpoint);
		await session.open();
		const fs = createNodeFs(session);
		const checks = createNodeChecks(session, fs, createNodeRunner(session));
		const root = await checks.run({kind: 'root'});
		// The others act as root: without it, preflight stops here too.
		if (root.status === 'failed') return {root};
		return {
			root,
			apt: await checks.run({kind: 'apt'}),
			freePort: await checks.run({kind: 'port-free', port: 2181, owner: 'ZooKeeper clients'}),
			usedPort: await checks.run({kind: 'port-free', port: 22, owner: 'a test'}),
			repository: await checks.run({kind: 'reachable', url: request.repoUrl ?? '', what: 'repository'}),
			nowhere: await checks.run({kind: 'reachable', url: 'http://10.77.0.99:9/', what: 'repository'}),
			disk: await checks.run({kind: 'disk', path: '/var/lib/mesos', minMegabytes: 1}),
			clockOffsetMs: await checks.clockOffsetMs(),
		};
	},

	// What the installer detects about a machine, read on the node; a log's end.
	async detect(sessions, endpoint) {
		const session = sessions.session(endpoint);
		await session.open();
		const fs = createNodeFs(session);
		const facts = await detectMachine(fs, createNodeRunner(session), session.remoteIsRoot);
		return {facts, logEnd: await fs.readEnd('/var/log/mesos-setup-lab.log', 20), noLog: await fs.readEnd('/var/log/none.log', 20)};
	},

	// A user without passwordless sudo: the login works, anything as root does not.
	async withoutSudo(sessions, endpoint) {
		const session = sessions.session(endpoint);
		await session.open();
		return {remoteIsRoot: session.remoteIsRoot, read: await outcome(async () => createNodeFs(session).read('/etc/hostname'))};
	},

	// Opens the node's session as the test left known_hosts: the error, or the user it logged in as.
	async open(sessions, endpoint) {
		const session = sessions.session(endpoint);
		return outcome(async () => {
			await session.open();
			return {remoteIsRoot: session.remoteIsRoot};
		});
	},

	// An unknown host key: refused, fetched without logging in, accepted, then the session opens.
	async acceptKey(sessions, endpoint) {
		const session = sessions.session(endpoint);
		const first = await outcome(async () => session.open());
		const fetched = await fetchHostKeys(session, sessions.socketDir);
		const file = await acceptHostKeys(session, fetched);
		const second = await outcome(async () => {
			await session.open();
			return {remoteIsRoot: session.remoteIsRoot};
		});
		return {first, fetched, file, second};
	},

	async speed(sessions, endpoint) {
		const session = sessions.session(endpoint);
		let started = Date.now();
		await session.open();
		const openMs = Date.now() - started;
		const fs = createNodeFs(session);
		started = Date.now();
		for (let i = 0; i < 30; i++) await fs.info('/etc/hostname');
		const infoMs = (Date.now() - started) / 30;
		started = Date.now();
		for (let i = 0; i < 20; i++) await fs.write(`${dir}/speed`, `write ${i}\n`, 0o644);
		const writeMs = (Date.now() - started) / 20;
		// Every one of those went through the node's one root shell: one private folder on its /run.
		const shells = (await fs.list('/run')).filter(name => name.startsWith('mesos-setup-shell.')).length;
		// A look still under way when the sessions close (cluster status's screen left) is refused,
		// instead of opening a connection and a root shell that nothing would close.
		const pending = fs.info('/etc/hostname').catch(() => undefined);
		await sessions.close();
		await pending;
		const afterClose = await outcome(async () => fs.info('/etc/hostname'));
		const newSession = await outcome(async () => sessions.session(endpoint));
		// Closed while its connection is still being made: the close waits for the connection, then
		// ends it (the test then finds no master connection left on this machine).
		const others = await SshSessions.create();
		const opening = outcome(async () => others.session(endpoint).open());
		await others.close();
		const openedWhileClosing = await opening;
		return {openMs, infoMs, writeMs, shells, afterClose, newSession, openedWhileClosing};
	},
};

const request = JSON.parse(process.argv[2] ?? '{}') as Request;
const scenario = scenarios[request.scenario];
if (!scenario) throw new Error(`no scenario ${request.scenario}`);
const sessions = await SshSessions.create();
try {
	const result = await scenario(sessions, request.endpoint, request);
	console.log(JSON.stringify({result, socketDir: sessions.socketDir}));
} finally {
	await sessions.close();
}
