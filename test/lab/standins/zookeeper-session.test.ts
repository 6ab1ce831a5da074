// The stand-ins' ZooKeeper session against a server that accepts a connection and never answers
// it (a ZooKeeper still starting): it connects again, and is connected once a server answers.
import net from 'node:net';
import {afterEach, expect, it} from 'vitest';
import {waitFor} from '../../helpers/wait-for.js';
import {openZookeeperSession, type ZookeeperSession} from './zookeeper-session.js';

// ZooKeeper's ConnectResponse: protocol version, timeout, session id, a 16-byte password, after its length.
function connectResponse(): Buffer {
	const body = Buffer.alloc(4 + 4 + 8 + 4 + 16);
	body.writeInt32BE(0, 0);
	body.writeInt32BE(10_000, 4);
	body.writeBigInt64BE(0x1234n, 8);
	body.writeInt32BE(16, 16);
	const length = Buffer.alloc(4);
	length.writeInt32BE(body.length);
	return Buffer.concat([length, body]);
}

const opened: Array<{server: net.Server; sockets: net.Socket[]; session?: ZookeeperSession}> = [];

afterEach(async () => {
	for (const {server, sockets, session} of opened.splice(0)) {
		session?.close();
		for (const socket of sockets) socket.destroy();
		await new Promise(resolve => server.close(resolve));
	}
});

it('connects again when ZooKeeper accepts the connection and never answers it, then is connected', async () => {
	const sockets: net.Socket[] = [];
	// The first connection is accepted and left unanswered; later ones get their ConnectResponse.
	const server = net.createServer(socket => {
		sockets.push(socket);
		socket.on('error', () => undefined);
		if (sockets.length > 1) socket.once('data', () => socket.write(connectResponse()));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const entry: (typeof opened)[number] = {server, sockets};
	opened.push(entry);
	const lines: string[] = [];
	const log = {info: (line: string) => lines.push(`I ${line}`), warn: (line: string) => lines.push(`W ${line}`), error: (line: string) => lines.push(`E ${line}`)};
	const {port} = server.address() as net.AddressInfo;
	entry.session = openZookeeperSession(`127.0.0.1:${port}`, log, () => undefined, 300);
	await entry.session.connected;
	expect(sockets.length).toBeGreaterThanOrEqual(2);
	expect(lines).toContain(`W ZooKeeper at 127.0.0.1:${port} did not answer within 0.3 s; connecting again`);
	await waitFor('the connected line', () => lines.includes(`I Connected to ZooKeeper at 127.0.0.1:${port}`));
}, 20_000);
