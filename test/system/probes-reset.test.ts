// A probe whose connection the service resets (a daemon stopping or restarting drops what it had
// accepted) says so in words, for ZooKeeper's four-letter word and for an HTTP endpoint alike.
import {createServer, type Server} from 'node:net';
import {afterEach, expect, it} from 'vitest';
import {probeHttp, probeZookeeper} from '../../source/system/probes.js';

let server: Server | undefined;
afterEach(async () => {
	await new Promise(resolve => server ? server.close(resolve) : resolve(undefined));
	server = undefined;
});

// Accepts each connection, then resets it at once (RST, not FIN).
async function resettingServer(): Promise<number> {
	server = createServer(socket => socket.resetAndDestroy());
	await new Promise<void>(resolve => server?.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

const said = 'connection reset by the service (it may be stopping or restarting)';

it('names a reset ZooKeeper connection in words', async () => {
	const port = await resettingServer();
	expect(await probeZookeeper('127.0.0.1', port)).toEqual({healthy: false, detail: `127.0.0.1:${port}: ${said}`});
});

it('names a reset HTTP connection in words', async () => {
	const port = await resettingServer();
	const url = `http://127.0.0.1:${port}/master/health`;
	expect(await probeHttp(url, 'ok')).toEqual({healthy: false, detail: `${url}: ${said}`});
});
