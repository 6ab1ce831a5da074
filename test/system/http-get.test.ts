import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {gzipSync} from 'node:zlib';
import type {Check} from '../../source/model/plan.js';
import {httpGet} from '../../source/system/http-get.js';
import {type FetchBytes, fetchHere, indexReadings, indexReuseMs, readSourceIndex} from '../../source/system/source-index.js';

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

const timeout = () => ({timeoutMs: 2000});

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
		expect(await httpGet(`http://${address}/health`, timeout())).toEqual({status: 503, statusText: 'Service Unavailable', ok: false, body: 'not yet', bytes: Buffer.from('not yet')});
	});

	it('names what the socket said as the cause when nothing listens, and ends as an AbortError when stopped', async () => {
		const closed = await serve(() => undefined);
		await new Promise(resolve => servers.pop()?.close(resolve));
		const refused = await httpGet(`http://${closed}/health`, timeout()).catch((error: unknown) => error);
		expect((refused as {cause?: NodeJS.ErrnoException}).cause?.code).toBe('ECONNREFUSED');
		// A server that never answers: the caller's signal ends the wait.
		const silent = await serve(() => undefined);
		const stop = new AbortController();
		const asked = httpGet(`http://${silent}/health`, {timeoutMs: 2000, signal: stop.signal}).catch((error: unknown) => error);
		stop.abort();
		expect((await asked as Error).name).toBe('AbortError');
	});
	it('ends as a TimeoutError when no answer comes in time, and when a body stops half way', async () => {
		const silent = await serve(() => undefined);
		const waited = await httpGet(`http://${silent}/health`, {timeoutMs: 100}).catch((error: unknown) => error);
		expect(waited).toMatchObject({name: 'TimeoutError', message: 'no answer within 100 ms'});
		// The answer begun and never finished: the time covers the body too.
		const halfway = await serve((_request, response) => {
			response.writeHead(200, {'content-length': '100'});
			response.write('only a part');
		});
		const cut = await httpGet(`http://${halfway}/master/state`, {timeoutMs: 200}).catch((error: unknown) => error);
		expect(cut).toMatchObject({name: 'TimeoutError'});
	});

	it('ends at once as an AbortError when the caller stops while the body is coming, or stopped before', async () => {
		const halfway = await serve((_request, response) => {
			response.writeHead(200, {'content-length': '100'});
			response.write('only a part');
		});
		const stop = new AbortController();
		const asked = httpGet(`http://${halfway}/master/state`, {timeoutMs: 60_000, signal: stop.signal}).catch((error: unknown) => error);
		// Stopped once the answer has begun (the server's part is on its way), not before.
		await new Promise(resolve => setTimeout(resolve, 100));
		stop.abort();
		expect(await asked).toMatchObject({name: 'AbortError', message: 'stopped'});
		const before = await httpGet(`http://${halfway}/master/state`, {timeoutMs: 60_000, signal: AbortSignal.abort()}).catch((error: unknown) => error);
		expect(before).toMatchObject({name: 'AbortError'});
	});
});

describe('a package index read over it', () => {
	it('gives the bytes as they came; 404 is no file, another status a failure said with its address', async () => {
		const gzipped = gzipSync('Package: mesos\n');
		const host = await serve((request, response) => {
			if (request.url === '/bytes/Packages.gz') response.writeHead(200).end(gzipped);
			else if (request.url?.endsWith('/Release')) response.writeHead(200).end('Suite: bookworm\nCodename: bookworm\n');
			else if (request.url?.endsWith('/Packages')) response.writeHead(500).end();
			else response.writeHead(404).end();
		});
		const fetch = fetchHere();
		expect(await fetch(`http://${host}/bytes/Packages.gz`)).toEqual(gzipped);
		expect(await fetch(`http://${host}/dists/bookworm/main/binary-amd64/Packages.gz`)).toBeUndefined();
		await expect(fetch(`http://${host}/dists/bookworm/main/binary-amd64/Packages`)).rejects.toThrow(`http://${host}/dists/bookworm/main/binary-amd64/Packages answered 500`);
		const result = await readSourceIndex({kind: 'source-index', where: `http://${host}`, dists: `http://${host}/dists/bookworm`, suite: 'bookworm', codename: 'bookworm', component: 'main', packages: ['mesos']}, {arch: async () => 'amd64', readIndex: indexReadings(() => fetch)});
		expect(result.message).toContain('answered 500');
		expect(result.status).toBe('warned');
	});

	it('names what the socket said when nothing answers, as fetch did', async () => {
		const host = await serve((_request, response) => response.end());
		await new Promise(resolve => servers.pop()?.close(resolve));
		await expect(fetchHere()(`http://${host}/dists/bookworm/Release`)).rejects.toThrow(/^connect ECONNREFUSED/);
	});
});

describe('an index read by the prediction and then by the preflight', () => {
	const check: Extract<Check, {kind: 'source-index'}> = {kind: 'source-index', where: 'http://repo.test', dists: 'http://repo.test/dists/bookworm', suite: 'bookworm', codename: 'bookworm', component: 'main', packages: ['mesos']};
	// A source whose Release and Packages are counted as they are asked for; `down` makes every fetch fail.
	function countingSource() {
		const asked: string[] = [];
		const source = {asked, down: false, clock: 0};
		const fetchBytes: FetchBytes = async url => {
			asked.push(url.replace('http://repo.test/dists/bookworm/', ''));
			if (source.down) throw new Error('getaddrinfo ENOTFOUND repo.test');
			return url.endsWith('/Release') ? Buffer.from('Suite: bookworm\nCodename: bookworm\n') : url.endsWith('/Packages') ? Buffer.from('Package: mesos\nVersion: 1.4.0\n') : undefined;
		};
		return {source, readIndex: indexReadings(() => fetchBytes, () => source.clock)};
	}

	it('asks the server once: the preflight takes the reading the prediction kept, and the next preflight asks again', async () => {
		const {source, readIndex} = countingSource();
		const predicted = await readIndex(check, 'amd64', {keep: true});
		expect(predicted.packages).toContain('Package: mesos');
		expect(source.asked).toEqual(['Release', 'main/binary-amd64/Packages.gz', 'main/binary-amd64/Packages']);
		const preflight = await readSourceIndex(check, {arch: async () => 'amd64', readIndex});
		expect(preflight.status).toBe('passed');
		expect(source.asked).toHaveLength(3);
		// Taken once: a preflight run again reads the source as it is then, and keeps nothing.
		await readIndex(check, 'amd64');
		await readIndex(check, 'amd64');
		expect(source.asked).toHaveLength(9);
	});

	it('hands on why the index could not be read, as the same failure; a reading older than its time is read again', async () => {
		const {source, readIndex} = countingSource();
		source.down = true;
		await expect(readIndex(check, 'amd64', {keep: true})).rejects.toThrow('ENOTFOUND');
		const preflight = await readSourceIndex(check, {arch: async () => 'amd64', readIndex});
		expect(preflight).toEqual({status: 'warned', message: 'its index could not be read (getaddrinfo ENOTFOUND repo.test)'});
		expect(source.asked).toEqual(['Release']);
		// The network mended after the prediction, and the preflight comes later than a reading is kept.
		await expect(readIndex(check, 'amd64', {keep: true})).rejects.toThrow('ENOTFOUND');
		source.down = false;
		source.clock += indexReuseMs + 1;
		expect((await readSourceIndex(check, {arch: async () => 'amd64', readIndex})).status).toBe('passed');
		expect(source.asked).toEqual(['Release', 'Release', 'Release', 'main/binary-amd64/Packages.gz', 'main/binary-amd64/Packages']);
	});

	it('keeps no reading a stop cut short, nor one of another architecture', async () => {
		const {source, readIndex} = countingSource();
		const stop = new AbortController();
		stop.abort();
		await readIndex(check, 'amd64', {keep: true, signal: stop.signal});
		await readIndex(check, 'arm64', {keep: true});
		await readIndex(check, 'amd64');
		expect(source.asked.filter(url => url === 'Release')).toHaveLength(3);
	});
});
