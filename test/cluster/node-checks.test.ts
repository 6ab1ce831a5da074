// A node's preflight checks (system/ssh/node-checks.ts) over its root shell, run here with bash as
// ssh would start it on the node; the lab asks a real node over SSH (nodes/node-transport.e2e).
import {spawn} from 'node:child_process';
import {createServer as createHttpServer} from 'node:http';
import {type AddressInfo, createServer} from 'node:net';
import {describe, expect, it} from 'vitest';
import {createNodeChecks} from '../../source/system/ssh/node-checks.js';
import {createNodeFs} from '../../source/system/ssh/node-fs.js';
import {createNodeRunner} from '../../source/system/ssh/node-runner.js';
import {NodeShell, nodeShellScript, type ShellRequest} from '../../source/system/ssh/node-shell.js';
import type {SshSession} from '../../source/system/ssh/ssh-session.js';

const marker = 'mesos-setup-output-test';

// A node reached as a user other than root whose questions may only go through its root shell: a
// session of its own (call, exec) fails the test.
function shellOnlySession(shell: NodeShell, requests: string[]): SshSession {
	const refuse = () => {
		throw new Error('a session of its own was opened');
	};
	return {
		endpoint: {name: 'n1', address: '10.0.0.1', user: 'admin'},
		remoteIsRoot: false,
		call: refuse,
		exec: refuse,
		asRootInShell: async (request: ShellRequest) => {
			requests.push(request.script);
			return shell.call(request);
		},
	} as unknown as SshSession;
}

const bashShell = (command = nodeShellScript) => new NodeShell(spawn('bash', ['-c', command, 'mesos-setup', marker], {stdio: ['pipe', 'pipe', 'pipe']}), marker);

async function freePorts(count: number): Promise<number[]> {
	const servers = Array.from({length: count}, () => createServer());
	await Promise.all(servers.map(async server => new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))));
	const ports = servers.map(server => (server.address() as AddressInfo).port);
	await Promise.all(servers.map(async server => new Promise(resolve => server.close(resolve))));
	return ports;
}

describe('a node’s port checks', () => {
	it('share one reading of the listening ports when they start together, and name who holds one', async () => {
		const shell = new NodeShell(spawn('bash', ['-c', nodeShellScript, 'mesos-setup', marker], {stdio: ['pipe', 'pipe', 'pipe']}), marker);
		const requests: string[] = [];
		const session = {
			endpoint: {name: 'n1', address: '10.0.0.1'},
			remoteIsRoot: true,
			asRootInShell: async (request: ShellRequest) => {
				requests.push(request.script);
				return shell.call(request);
			},
		} as unknown as SshSession;
		const checks = createNodeChecks(session, createNodeFs(session), createNodeRunner(session));
		const server = createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		try {
			const {port} = server.address() as AddressInfo;
			// Ports nobody listens on: picked by the kernel and let go at once (not the lab's fixed ports,
			// which its ZooKeeper and stand-ins may hold while this runs beside it).
			const free = await freePorts(4);
			const results = await Promise.all([port, ...free].map(async checked => checks.run({kind: 'port-free', port: checked, owner: `owner of ${checked}`})));
			expect(results[0]).toEqual({status: 'failed', message: expect.stringMatching(new RegExp(`^port ${port}, needed by owner of ${port}, is in use on n1 by .*\\(pid ${process.pid}\\)`))});
			for (const [index, checked] of free.entries()) expect(results[index + 1]).toEqual({status: 'passed', message: `port ${checked} is free on n1`});
			// One reading for all of them, then the owners of the one in use.
			expect(requests).toHaveLength(2);
			// Read again by a later check: the port closed since is free then.
			server.close();
			await new Promise(resolve => server.once('close', resolve));
			expect(await checks.run({kind: 'port-free', port, owner: 'again'})).toEqual({status: 'passed', message: `port ${port} is free on n1`});
			expect(requests).toHaveLength(3);
		} finally {
			server.close();
			await shell.close();
		}
	});
});

describe('a node’s other questions', () => {
	it('are asked in its root shell, no session of their own: sudo, the servers reached, the index fetched, its architecture and clock', async () => {
		const shell = bashShell();
		const requests: string[] = [];
		const session = shellOnlySession(shell, requests);
		const checks = createNodeChecks(session, createNodeFs(session), createNodeRunner(session));
		const server = createHttpServer((request, response) => {
			if (request.url === '/debian/dists/bookworm/Release') response.end('Suite: bookworm\n');
			else response.writeHead(404).end();
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const [closed] = await freePorts(1);
		try {
			const {port} = server.address() as AddressInfo;
			expect(await checks.run({kind: 'root'})).toEqual({status: 'passed', message: 'admin may act as root on n1 (sudo -n)'});
			expect(await checks.run({kind: 'reachable', url: `http://127.0.0.1:${port}/debian`, what: 'repository'})).toEqual({status: 'passed', message: `the repository http://127.0.0.1:${port}/debian answers from n1`});
			expect((await checks.run({kind: 'reachable', url: `http://127.0.0.1:${closed}/`, what: 'key server'})).status).toBe('failed');
			const fetch = checks.sourceReader.fetchBytes();
			expect(String(await fetch(`http://127.0.0.1:${port}/debian/dists/bookworm/Release`))).toBe('Suite: bookworm\n');
			expect(await fetch(`http://127.0.0.1:${port}/debian/dists/trixie/Release`)).toBeUndefined();
			expect(await checks.sourceReader.arch()).toMatch(/^[a-z0-9]+$/);
			// The same kernel's clock, a round trip apart.
			expect(Math.abs(await checks.clockOffsetMs())).toBeLessThan(1000);
			expect(requests).toHaveLength(7);
		} finally {
			server.close();
			await shell.close();
		}
	});

	it('say that sudo wants a password with sudo’s own words, where the root shell could not start', async () => {
		// What ssh gives back when sudo -n refuses before the shell starts: sudo's words and status.
		const shell = bashShell('echo "sudo: a password is required" >&2; exit 1');
		const session = shellOnlySession(shell, []);
		const checks = createNodeChecks(session, createNodeFs(session), createNodeRunner(session));
		expect(await checks.run({kind: 'root'})).toEqual({
			status: 'failed',
			message: 'admin cannot act as root on n1 without a password (sudo -n: sudo: a password is required); allow it in /etc/sudoers.d (NOPASSWD), or log in as root',
		});
	});

	it('are started ahead of the preflight when told its checks, and each answer is taken once', async () => {
		const shell = bashShell();
		const requests: string[] = [];
		const session = shellOnlySession(shell, requests);
		const checks = createNodeChecks(session, createNodeFs(session), createNodeRunner(session));
		const [closed] = await freePorts(1);
		const unreached = {kind: 'reachable', url: `http://127.0.0.1:${closed}/`, what: 'repository'} as const;
		try {
			checks.lookAhead([{kind: 'root'}, unreached]);
			// Both asked at once, before the preflight asks for them.
			expect(requests).toHaveLength(2);
			expect(await checks.run({kind: 'root'})).toEqual({status: 'passed', message: 'admin may act as root on n1 (sudo -n)'});
			expect((await checks.run(unreached)).status).toBe('failed');
			expect(requests).toHaveLength(2);
			// A retry asks the node again.
			expect((await checks.run(unreached)).status).toBe('failed');
			expect(requests).toHaveLength(3);
		} finally {
			await shell.close();
		}
	});
});
