import {createServer, type Server} from 'node:http';
import type {Log} from './standin-log.js';

export type Reply = {status?: number; json?: unknown; text?: string; headers?: Record<string, string>};
export type Request = {method: string; url: URL; body: string};
/** Routes keyed by 'METHOD /path'. */
export type Routes = Record<string, (request: Request) => Reply | Promise<Reply>>;

/** Serves the routes on ip:port; rejects with the daemon's own words when it cannot bind. */
export function serveHttp(ip: string, port: number, routes: Routes, log: Log): Promise<Server> {
	const server = createServer((request, response) => {
		let body = '';
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => {
			body += chunk;
		});
		request.on('end', async () => {
			const url = new URL(request.url ?? '/', `http://${ip}:${port}`);
			const route = routes[`${request.method} ${url.pathname}`];
			let reply: Reply;
			try {
				reply = route ? await route({method: request.method ?? 'GET', url, body}) : {status: 404, text: ''};
			} catch (error) {
				log.warn(`${request.method} ${url.pathname} failed: ${String(error)}`);
				reply = {status: 500, text: String(error)};
			}
			const payload = reply.json === undefined ? reply.text ?? '' : JSON.stringify(reply.json);
			response.writeHead(reply.status ?? 200, {
				'Content-Type': reply.json === undefined ? 'text/plain; charset=utf-8' : 'application/json',
				...reply.headers,
			});
			response.end(payload);
		});
	});
	return new Promise((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) => {
			reject(new Error(`Failed to initialize: Failed to bind on ${ip}:${port}: ${error.code === 'EADDRINUSE' ? 'Address already in use' : error.message}`));
		});
		server.listen(port, ip, () => {
			log.info(`Listening for HTTP on ${ip}:${port}`);
			resolve(server);
		});
	});
}

/** POSTs JSON to a stand-in's private endpoint and returns the JSON answer. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
	const response = await fetch(url, {
		method: 'POST',
		headers: {'Content-Type': 'application/json'},
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(5000),
	});
	if (!response.ok) throw new Error(`${url} answered ${response.status} ${await response.text()}`);
	return await response.json() as T;
}
