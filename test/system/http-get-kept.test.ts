// The connections httpGet keeps between requests: reused, dropped when the server ends them while
// idle, asked again when the server closed one as the request went out, and never holding the
// process open.
import {execFile} from 'node:child_process';
import http from 'node:http';
import net, {type AddressInfo} from 'node:net';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {httpGet} from '../../source/system/http-get.js';

const servers: net.Server[] = [];
// Every connection a test's servers accepted: closed with them, so a connection the client keeps
// does not hold a server's close until the client drops it.
const accepted = new Set<net.Socket>();
afterEach(async () => {
	for (const socket of accepted) socket.destroy();
	accepted.clear();
	await Promise.all(servers.splice(0).map(server => new Promise(resolve => server.close(resolve))));
});

async function listen<T extends net.Server>(server: T): Promise<string> {
	servers.push(server);
	server.on('connection', (socket: net.Socket) => accepted.add(socket));
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// An HTTP server that counts the connections it accepted; each answer names the connection it came on.
async function countingServer(): Promise<{url: string; connections: net.Socket[]; server: http.Server}> {
	const connections: net.Socket[] = [];
	const server = http.createServer((request, response) => response.end(`connection ${connections.indexOf(request.socket)}`));
	server.on('connection', socket => connections.push(socket));
	return {url: await listen(server), connections, server};
}

const timeout = () => ({timeoutMs: 5000});

describe('kept connections', () => {
	it('asks one server again on the connection it kept', async () => {
		const {url, connections} = await countingServer();
		const answers = [];
		for (let round = 0; round < 3; round++) answers.push((await httpGet(`${url}/health`, timeout())).body);
		expect(answers).toEqual(['connection 0', 'connection 0', 'connection 0']);
		expect(connections).toHaveLength(1);
	});

	it('drops a kept connection the server reset while it was idle, and answers on a new one', async () => {
		const {url, connections} = await countingServer();
		expect((await httpGet(`${url}/health`, timeout())).body).toBe('connection 0');
		const [idle] = connections;
		expect(idle?.destroyed).toBe(false);
		const closed = new Promise(resolve => idle?.once('close', resolve));
		idle?.resetAndDestroy();
		await closed;
		// Let the reset reach the client's socket: an error on it while idle must not end the process.
		await new Promise(resolve => setTimeout(resolve, 50));
		expect((await httpGet(`${url}/health`, timeout())).body).toBe('connection 1');
	});

	it('asks again, on a connection of its own, when the server closes the kept one as the request goes out', async () => {
		// A raw server: the first request on each connection is answered and the connection kept; a
		// second request on it is met by a reset, as a server closing an idle connection at that moment.
		let accepted = 0;
		const server = net.createServer(socket => {
			const number = accepted++;
			let requests = 0;
			socket.on('error', () => undefined);
			socket.on('data', () => {
				if (requests++ > 0) return socket.resetAndDestroy();
				const body = `connection ${number}`;
				socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body}`);
			});
		});
		const url = await listen(server);
		expect((await httpGet(`${url}/health`, timeout())).body).toBe('connection 0');
		expect((await httpGet(`${url}/health`, timeout())).body).toBe('connection 1');
		expect(accepted).toBe(2);
	});

	it('says a reset on a new connection as the socket said it, without asking again', async () => {
		let accepted = 0;
		const server = net.createServer(socket => {
			accepted++;
			socket.on('error', () => undefined);
			socket.on('data', () => socket.resetAndDestroy());
		});
		const url = await listen(server);
		const error = (await httpGet(`${url}/health`, timeout()).catch((caught: unknown) => caught)) as Error & {cause?: NodeJS.ErrnoException};
		expect(error.message).toContain(`${url}/health`);
		expect(error.cause?.code).toBe('ECONNRESET');
		expect(accepted).toBe(1);
	});

	it('does not ask again when the server cuts off an answer it had begun on a kept connection', async () => {
		// The second request on a connection gets its headers and part of its body, then a reset.
		let accepted = 0;
		const server = net.createServer(socket => {
			accepted++;
			let requests = 0;
			socket.on('error', () => undefined);
			socket.on('data', () => {
				if (requests++ === 0) return void socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
				// The reset once the client has read what came (a reset at once may drop it unread).
				socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart of it', () => setTimeout(() => socket.resetAndDestroy(), 50));
			});
		});
		const url = await listen(server);
		expect((await httpGet(`${url}/health`, timeout())).body).toBe('ok');
		const error = (await httpGet(`${url}/health`, timeout()).catch((caught: unknown) => caught)) as Error & {cause?: NodeJS.ErrnoException};
		// Said as every other failure: the address, and what the socket said as the cause (the answer
		// cut off, or the reading socket's reset, whichever Node tells first).
		expect(error.message).toMatch(new RegExp(`^${url}/health: (aborted|read ECONNRESET)$`));
		expect(error.cause?.code).toBe('ECONNRESET');
		// A request asked again would have come on a connection of its own before this one.
		expect((await httpGet(`${url}/health`, timeout())).body).toBe('ok');
		expect(accepted).toBe(2);
	});

	it('does not hold the process open once its answers are in', async () => {
		// The server would keep an idle connection for a minute, and the agent drops an idle one
		// after 4 s: the asking process must end well before either, as soon as its answer is in.
		const {url, server} = await countingServer();
		server.keepAliveTimeout = 60_000;
		const module = path.resolve('source/system/http-get.ts');
		const program = `const {httpGet} = await import(${JSON.stringify(module)}); const body = (await httpGet(${JSON.stringify(`${url}/health`)}, {timeoutMs: 5000})).body; const answered = performance.now(); process.on('exit', () => console.log(JSON.stringify({body, lingeredMs: performance.now() - answered})));`;
		// Run asynchronously: this process's server must answer the child.
		const asked = await new Promise<{code: number | null; stdout: string}>(resolve => {
			const child = execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], {encoding: 'utf8', timeout: 30_000}, (_error, stdout) => resolve({code: child.exitCode, stdout}));
		});
		expect(asked.code).toBe(0);
		const {body, lingeredMs} = JSON.parse(asked.stdout) as {body: string; lingeredMs: number};
		expect(body).toBe('connection 0');
		expect(lingeredMs).toBeLessThan(2000);
	});
});
