// The preflight's GET over Node's http, against a real server on loopback: the status and the
// bytes, redirects followed as fetch follows them, a refused connection and a timeout named.
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {httpGet} from '../../source/system/http-get.js';
import {readSourceIndex, fetchHere} from '../../source/system/source-index.js';

const servers: Server[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(server => new Promise(resolve => server.close(resolve))));
});

async function serve(answer: (path: string) => {status: number; headers?: Record<string, string>; body?: string} | 'never'): Promise<string> {
	const server = createServer((request, response) => {
		const reply = answer(request.url ?? '/');
		if (reply === 'never') return;
		response.writeHead(reply.status, reply.headers).end(reply.body ?? '');
	});
	servers.push(server);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	server.unref();
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const within = (ms: number) => AbortSignal.timeout(ms);

describe('httpGet', () => {
	it('gives the status and the body, and follows redirects to the end', async () => {
		const base = await serve(path => (path === '/old' ? {status: 301, headers: {location: '/new'}} : path === '/new' ? {status: 200, body: 'Origin: Mesosphere'} : {status: 404}));
		const moved = await httpGet(`${base}/old`, within(5000));
		expect(moved.status).toBe(200);
		expect(moved.body.toString()).toBe('Origin: Mesosphere');
		expect((await httpGet(`${base}/gone`, within(5000))).status).toBe(404);
		const headOnly = await httpGet(`${base}/new`, within(5000), {body: false});
		expect(headOnly.status).toBe(200);
		expect(headOnly.body.length).toBe(0);
	});

	it('names a refused connection and a server that never answers', async () => {
		const base = await serve(() => 'never');
		const closed = await serve(() => ({status: 200}));
		await new Promise(resolve => servers.pop()?.close(resolve));
		await expect(httpGet(closed, within(5000))).rejects.toThrow(/ECONNREFUSED/);
		await expect(httpGet(base, within(200))).rejects.toThrow(/timeout/);
	});

	it('reads a package index: 404 is no file, another status is a failure said with its address', async () => {
		const base = await serve(path => (path.endsWith('/Release') ? {status: 200, body: 'Suite: stable\nCodename: bookworm\n'} : path.endsWith('/Packages') ? {status: 500} : {status: 404}));
		const fetch = fetchHere();
		expect(await fetch(`${base}/dists/bookworm/Packages.gz`)).toBeUndefined();
		await expect(fetch(`${base}/dists/bookworm/main/binary-amd64/Packages`)).rejects.toThrow(`${base}/dists/bookworm/main/binary-amd64/Packages answered 500`);
		const result = await readSourceIndex({kind: 'source-index', where: base, dists: `${base}/dists/bookworm`, suite: 'bookworm', codename: 'bookworm', component: 'main', packages: ['mesos']}, 'amd64', fetch);
		expect(result.status).toBe('warned');
		expect(result.message).toContain('answered 500');
	});
});
