// The preflight's port checks: a port something listens on is named with its owner, a free one
// passes, and the checks that start together read the kernel's socket table once between them.
import {readFile as realReadFile} from 'node:fs/promises';
import net from 'node:net';
import {afterEach, expect, it, vi} from 'vitest';
import {lookAheadFor, runCheck} from '../../source/system/machine-checks.js';
import {createTargetFs} from '../../source/system/target-fs.js';
import {tempRoot} from '../helpers/temp-root.js';

// The socket tables opened (each is read in one go where it is opened), and the walks of the
// processes' descriptors (for the owners of the ports in use).
const tableReads: string[] = [];
const walks: string[] = [];
vi.mock('node:fs', async importOriginal => {
	const actual = await importOriginal<typeof import('node:fs')>();
	const readdirSync = ((dir: Parameters<typeof actual.readdirSync>[0], options?: Parameters<typeof actual.readdirSync>[1]) => {
		if (String(dir) === '/proc') walks.push('/proc');
		return actual.readdirSync(dir, options as never);
	}) as typeof actual.readdirSync;
	const openSync = ((file: Parameters<typeof actual.openSync>[0], ...rest: [never]) => {
		if (String(file).startsWith('/proc/net/tcp')) tableReads.push(String(file));
		return actual.openSync(file, ...rest);
	}) as typeof actual.openSync;
	return {...actual, readdirSync, openSync, default: {...actual, readdirSync, openSync}};
});

const servers: net.Server[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(server => new Promise(resolve => server.close(resolve))));
	tableReads.length = 0;
	walks.length = 0;
});

const listen = async (): Promise<number> => {
	const server = net.createServer();
	servers.push(server);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as net.AddressInfo).port;
};

it('names who holds a port, passes a free one, and reads the socket table and the owners once for checks started together', async () => {
	const fs = createTargetFs(await tempRoot());
	const held = await listen();
	const free = await listen();
	await new Promise(resolve => servers.pop()?.close(resolve));
	const ports = [held, free, held, free, held, free];
	const results = await Promise.all(ports.map(async port => runCheck({kind: 'port-free', port, owner: 'ZooKeeper'}, fs, false)));
	const comm = (await realReadFile('/proc/self/comm', 'utf8')).trim();
	expect(results[0]).toEqual({status: 'warned', message: `in use by ${comm} (pid ${process.pid})`});
	expect(results[1]).toEqual({status: 'passed'});
	expect(results.map(result => result.status)).toEqual(['warned', 'passed', 'warned', 'passed', 'warned', 'passed']);
	expect(tableReads).toEqual(['/proc/net/tcp', '/proc/net/tcp6']);
	// One walk of every process's descriptors names the owners of every port in use among them.
	expect(walks).toEqual(['/proc']);
	// A check started later reads the table as it is then.
	await new Promise(resolve => servers.pop()?.close(resolve));
	expect(await runCheck({kind: 'port-free', port: held, owner: 'ZooKeeper'}, fs, false)).toEqual({status: 'passed'});
	expect(tableReads).toHaveLength(4);
});

it('reads the socket table ahead of the preflight when told its checks, and the checks that start next take that reading', async () => {
	const fs = createTargetFs(await tempRoot());
	const held = await listen();
	lookAheadFor([{kind: 'port-free', port: held, owner: 'ZooKeeper'}]);
	expect(tableReads).toEqual(['/proc/net/tcp', '/proc/net/tcp6']);
	const results = await Promise.all([held, held].map(async port => runCheck({kind: 'port-free', port, owner: 'ZooKeeper'}, fs, false)));
	expect(results.map(result => result.status)).toEqual(['warned', 'warned']);
	expect(tableReads).toHaveLength(2);
	// Taken once: the next check reads the table as it is then.
	await new Promise(resolve => servers.pop()?.close(resolve));
	expect(await runCheck({kind: 'port-free', port: held, owner: 'ZooKeeper'}, fs, false)).toEqual({status: 'passed'});
	expect(tableReads).toHaveLength(4);
});

it('does not take a reading read ahead more than a second before: a port closed meanwhile is seen free', async () => {
	vi.useFakeTimers({toFake: ['hrtime']});
	try {
		const fs = createTargetFs(await tempRoot());
		const held = await listen();
		lookAheadFor([{kind: 'port-free', port: held, owner: 'ZooKeeper'}]);
		await new Promise(resolve => servers.pop()?.close(resolve));
		vi.advanceTimersByTime(1001);
		expect(await runCheck({kind: 'port-free', port: held, owner: 'ZooKeeper'}, fs, false)).toEqual({status: 'passed'});
		expect(tableReads).toHaveLength(4);
	} finally {
		vi.useRealTimers();
	}
});

it('reads a socket table of many reads whole: every one of 600 listening ports is seen held', async () => {
	const fs = createTargetFs(await tempRoot());
	// About 150 bytes a socket: 600 listening ones make /proc/net/tcp some 90 KiB, which the kernel
	// hands out a page (27 sockets) a read, in its hash order, not the order they were opened.
	const ports: number[] = [];
	for (let index = 0; index < 600; index++) ports.push(await listen());
	const results = await Promise.all(ports.map(async port => runCheck({kind: 'port-free', port, owner: 'ZooKeeper'}, fs, false)));
	expect(results.filter(result => result.status !== 'warned')).toEqual([]);
});
