// A node's preflight checks (system/ssh/node-checks.ts) over its root shell, run here with bash as
// ssh would start it on the node; the lab asks a real node over SSH (nodes/node-transport.e2e).
import {spawn} from 'node:child_process';
import {type AddressInfo, createServer} from 'node:net';
import {describe, expect, it} from 'vitest';
import {createNodeChecks} from '../../source/system/ssh/node-checks.js';
import {createNodeFs} from '../../source/system/ssh/node-fs.js';
import {createNodeRunner} from '../../source/system/ssh/node-runner.js';
import {NodeShell, nodeShellScript, type ShellRequest} from '../../source/system/ssh/node-shell.js';
import type {SshSession} from '../../source/system/ssh/ssh-session.js';

const marker = 'mesos-setup-output-test';

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
