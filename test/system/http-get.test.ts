import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {httpGet} from '../../source/system/http-get.js';

const servers: http.Server[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(server => new Promise(resolve => server.close(resolve))));
});

async function serve(handler: http.RequestListener): Promise<string> {
	const server = http.createServer(handler);
	servers.push(server);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const timeout = () => AbortSignal.timeout(2000);

describe('httpGet', () => {
	it('follows a redirect without a scheme, as a Mesos master that does not lead sends one, to the answer', async () => {
		const leader = await serve((request, response) => {
			response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({leader: 'yes', path: request.url}));
		});
		const follower = await serve((_request, response) => {
			response.writeHead(307, {location: `//${leader}/master/state`}).end();
		});
		const answer = await httpGet(`http://${follower}/master/state`, timeout());
		expect(answer).toMatchObject({status: 200, ok: true});
		expect(JSON.parse(answer.body)).toEqual({leader: 'yes', path: '/master/state'});
	});

	it('gives the status of an answer that is not a success, with its body', async () => {
		const address = await serve((_request, response) => {
			response.writeHead(503).end('not yet');
		});
		expect(await httpGet(`http://${address}/health`, timeout())).toEqual({status: 503, statusText: 'Service Unavailable', ok: false, body: 'not yet'});
	});

	it('names what the socket said as the cause when nothing listens, and ends as an AbortError when stopped', async () => {
		const closed = await serve(() => undefined);
		await new Promise(resolve => servers.pop()?.close(resolve));
		const refused = await httpGet(`http://${closed}/health`, timeout()).catch((error: unknown) => error);
		expect((refused as {cause?: NodeJS.ErrnoException}).cause?.code).toBe('ECONNREFUSED');
		// A server that never answers: the caller's signal ends the wait.
		const silent = await serve(() => undefined);
		const stop = new AbortController();
		const asked = httpGet(`http://${silent}/health`, stop.signal).catch((error: unknown) => error);
		stop.abort();
		expect((await asked as Error).name).toBe('AbortError');
	});
});
