// Preflight checks that read the real machine: listening ports, /etc/hosts, free disk, commands
// and whether the repository and key server answer. None of them change anything.
import {closeSync, openSync, read, readdirSync, readFileSync, readlinkSync} from 'node:fs';
import {promisify} from 'node:util';
import os from 'node:os';
import path from 'node:path';
import {judgeFolder} from '../model/apt-index.js';
import {hostsPath} from '../model/files.js';
import type {Check} from '../model/plan.js';
import {askDocker} from './docker-version.js';
import {lookAhead} from './host-lookup.js';
import {httpGet} from './http-get.js';
import {createCommandRunner, findOnPath} from './runner.js';
import {readerHere, readSourceIndex} from './source-index.js';
import type {TargetFs} from './target-fs.js';
import {monotonicMs} from './monotonic-clock.js';

// message: what the check's title does not already say (a finding, a figure, what to do); none
// where a passed check's title says it all.
export type CheckResult = {status: 'passed' | 'warned' | 'failed'; message?: string};

// Listening TCP sockets from /proc/net/tcp{,6}: state 0A is LISTEN; the inode leads to the owner.
// Each read walks the kernel's whole socket table (milliseconds apiece where many sockets are open,
// as on a machine running several), so the port checks that start together share one reading, and
// one walk of the processes' descriptors for the owners of the ports in use.
type Listening = {byPort: Map<number, Set<string>>; owners(): readonly SocketOwner[]};
type SocketOwner = {inode: string; owner: string};

// A socket table read with two trips to the thread pool where few sockets are open: opened and
// closed here (microseconds), read there until a read finds the end (the kernel hands out a page or
// so a read). readFile would take five trips (open, stat, the reads, close), each waiting for this
// thread, busy making the plan, to start the next: the preflight then waited for the table.
const readPromise = promisify(read);

async function readTable(file: string): Promise<string> {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch {
		return '';
	}
	const chunks: Buffer[] = [];
	const buffer = Buffer.allocUnsafe(1 << 16);
	try {
		for (;;) {
			const {bytesRead} = await readPromise(fd, buffer, 0, buffer.length, null);
			if (bytesRead === 0) break;
			chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
		}
	} catch {
		return '';
	} finally {
		closeSync(fd);
	}
	return Buffer.concat(chunks).toString('utf8');
}

async function readListening(): Promise<Listening> {
	const byPort = new Map<number, Set<string>>();
	// Both at once: each read is the kernel's time, not ours.
	const tables = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map(readTable));
	for (const text of tables) {
		for (const line of text.split('\n').slice(1)) {
			const cols = line.trim().split(/\s+/);
			if (cols[3] !== '0A') continue;
			const port = Number.parseInt((cols[1] ?? '').split(':').at(-1) ?? '', 16);
			byPort.set(port, (byPort.get(port) ?? new Set()).add(cols[9] ?? ''));
		}
	}
	let walked: SocketOwner[] | undefined;
	return {byPort, owners: () => (walked ??= socketOwners(new Set([...byPort.values()].flatMap(inodes => [...inodes]))))};
}

let reading: Promise<Listening> | undefined;
// A reading read ahead is taken only this soon after: a setup's preflight comes within a second of its
// plan; later, a port opened or closed meanwhile would be judged from a stale table.
const aheadReuseMs = 1_000;
// A reading started ahead of the preflight (lookAheadFor), taken by the next checks that start.
let ahead: {at: number; reading: Promise<Listening>} | undefined;
// Shared while it is under way, then read again: a preflight run later sees the ports as they are then.
const listening = (): Promise<Listening> => {
	// A monotonic clock: a clock stepped back must not make an old reading look fresh.
	const early = ahead && monotonicMs() - ahead.at <= aheadReuseMs ? ahead.reading : undefined;
	ahead = undefined;
	return (reading ??= (early ?? readListening()).finally(() => {
		reading = undefined;
	}));
};

const quietly = <T>(read: () => T, otherwise: T): T => {
	try {
		return read();
	} catch {
		return otherwise; // a process that ended meanwhile, or one this user may not look into
	}
};

// Every process's descriptors that are one of these sockets, in /proc's order. Synchronous calls: a
// machine running a cluster holds thousands of descriptors, and a readlink each through the thread
// pool (a promise call) took 150 to 220 ms of a preflight; as calls, a few.
function socketOwners(inodes: ReadonlySet<string>): SocketOwner[] {
	const found: SocketOwner[] = [];
	for (const pid of quietly(() => readdirSync('/proc'), []).filter(p => /^\d+$/.test(p))) {
		let comm: string | undefined;
		for (const fd of quietly(() => readdirSync(`/proc/${pid}/fd`), [])) {
			const inode = /^socket:\[(\d+)\]$/.exec(quietly(() => readlinkSync(`/proc/${pid}/fd/${fd}`), ''))?.[1];
			if (!inode || !inodes.has(inode)) continue;
			comm ??= quietly(() => readFileSync(`/proc/${pid}/comm`, 'utf8'), '?').trim();
			found.push({inode, owner: `${comm} (pid ${pid})`});
		}
	}
	return found;
}

async function listeners(port: number): Promise<string[]> {
	const table = await listening();
	const inodes = table.byPort.get(port) ?? new Set<string>();
	if (inodes.size === 0) return [];
	const owners = table.owners().filter(({inode}) => inodes.has(inode)).map(({owner}) => owner);
	return owners.length > 0 ? owners : ['another program'];
}

// The hosts the checks that reach a server will ask, looked up ahead (host-lookup.ts).
// The socket table the port checks read is read ahead too: the kernel walks it in the thread pool
// (4 to 8 ms here, however few sockets are open) while the plan is made.
export function lookAheadFor(checks: readonly Check[]): void {
	lookAhead(checks.flatMap(check => (check.kind === 'reachable' ? [check.url] : check.kind === 'source-index' ? [check.dists] : [])));
	if (checks.some(check => check.kind === 'port-free')) {
		const early = readListening();
		early.catch(() => undefined);
		ahead = {at: monotonicMs(), reading: early};
	}
}

export async function runCheck(check: Check, fs: TargetFs, isRoot: boolean, signal?: AbortSignal): Promise<CheckResult> {
	switch (check.kind) {
		case 'root':
			return isRoot
				? {status: 'passed'}
				: {status: 'failed', message: `this runs as ${os.userInfo().username}: run it with sudo, or rehearse with --root ./mesos-rehearsal`};
		case 'apt': {
			const release = (await fs.read('/etc/os-release')) ?? '';
			const family = /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
			const apt = await findOnPath('apt-get');
			const name = /^PRETTY_NAME="?([^"\n]*)/m.exec(release)?.[1] ?? 'this system';
			const missing = family ? 'has no apt-get' : 'is not Debian or Ubuntu';
			return family && apt ? {status: 'passed'} : {status: 'failed', message: `${name} ${missing}; rehearse with --root ./mesos-rehearsal instead`};
		}
		case 'hosts-loopback': {
			const hosts = await fs.read(hostsPath);
			if (hosts === undefined) return {status: 'passed', message: `there is no ${fs.hostPath(hostsPath)}, so no name maps to 127.0.1.1`};
			// A sandbox may carry its own host name; the real one is the fallback.
			const name = (await fs.read('/etc/hostname'))?.trim() || os.hostname();
			const loopback = hosts.split('\n').some(line => {
				const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
				return ip === '127.0.1.1' && (names.includes(name) || names.includes(name.split('.')[0] ?? ''));
			});
			return loopback
				? {status: 'warned', message: `/etc/hosts maps ${name} to 127.0.1.1: Mesos would register on loopback; set the agent’s ip and hostname, or map ${name} to this machine’s address`}
				: {status: 'passed', message: name};
		}
		case 'port-free': {
			const owners = await listeners(check.port);
			// The check's title names the port and who needs it; the finding is who holds it.
			return owners.length === 0 ? {status: 'passed'} : {status: 'warned', message: `in use by ${owners.join(', ')}`};
		}
		case 'disk': {
			let dir = check.path;
			while (dir !== '/' && !(await fs.exists(dir))) dir = path.dirname(dir);
			// A sandbox root that does not exist yet (--dry-run makes nothing): its nearest existing parent.
			const freeMb = Math.floor((await fs.freeBytes(dir)) / 1_048_576);
			return freeMb >= check.minMegabytes
				? {status: 'passed', message: `${freeMb} MB free under ${dir}`}
				: {status: 'warned', message: `only ${freeMb} MB free under ${dir}; the master’s work_dir wants at least ${check.minMegabytes} MB`};
		}
		case 'command':
			return (await findOnPath(check.name)) ? {status: 'passed'} : {status: 'warned', message: `${check.name} is not installed, but ${check.why}`};
		case 'docker':
			return askDocker(createCommandRunner(), check.installs, signal);
		case 'source-index':
			return readSourceIndex(check, readerHere, signal);
		case 'deb-folder':
			return judgeFolder(check.path, await fs.list(check.path).catch(() => undefined), check.packages);
		case 'reachable':
			try {
				await httpGet(check.url, {timeoutMs: 5000, signal});
				return {status: 'passed', message: check.url};
			} catch (error) {
				const cause = (error as {cause?: Error}).cause?.message ?? (error as Error).message;
				return {status: 'warned', message: `${check.url} does not answer (${cause}); check the network, or set a mirror`};
			}
	}
}
