// A GET over HTTP for the probes, the status readings and the preflight's reachability and
// package index checks, on Node's own http client (a plain setup no longer loads undici either). The live
// status screen asks six or more endpoints every 2 s: fetch (undici) spends about twice the CPU
// of http.get on each such request, which alone kept the idle screen above 1% of a core. It
// follows redirects as fetch does (a Mesos master that does not lead redirects to the one that
// does, with a Location that may leave out the scheme), and gives up when the signal aborts.
import type http from 'node:http';
import type https from 'node:https';
import {hostFound, keptLookup} from './host-lookup.js';

// body: the bytes as text; bytes: as they came (a Packages.gz).
export type HttpAnswer = {status: number; statusText: string; ok: boolean; body: string; bytes: Buffer};

const redirects = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 5;

export async function httpGet(url: string, signal: AbortSignal): Promise<HttpAnswer> {
	let at = new URL(url);
	for (let hop = 0; ; hop++) {
		const answer = await getOnce(at, signal);
		if (!redirects.has(answer.status) || !answer.location || hop >= maxRedirects) return answer;
		at = new URL(answer.location, at);
	}
}

// Connections kept between requests: the live status screen asks the same three servers six times
// every 2 s, and a connection made, accepted and closed for each answer cost it (and the servers)
// several times a kept connection's CPU. An idle kept socket is unref'd by the agent (it never
// holds the process open), and one that errors while idle is only dropped (the agent listens for
// that). It is dropped after `idleMs` unused: under the 5 s Node's and Apache's servers keep one
// (Jetty and Akka keep one longer), and over the screen's 2 s between looks; the race of a server
// closing it as a request goes out is met by asking once more on a new connection (below).
const idleMs = 4_000;

// node:http and node:https (with tls) loaded at the first request of each, not with the program:
// a screen's first frame and the commands that ask no server do without them.
type Client = {get: typeof http.get | typeof https.get; agent: http.Agent};
const clients: {http?: Promise<Client>; https?: Promise<Client>} = {};
const clientFor = (secure: boolean): Promise<Client> =>
	secure
		? (clients.https ??= import('node:https').then(({default: https}) => ({get: https.get, agent: new https.Agent({keepAlive: true, timeout: idleMs})})))
		: (clients.http ??= import('node:http').then(({default: http}) => ({get: http.get, agent: new http.Agent({keepAlive: true, timeout: idleMs})})));

async function getOnce(url: URL, signal: AbortSignal): Promise<HttpAnswer & {location?: string}> {
	const secure = url.protocol === 'https:';
	if (!secure && url.protocol !== 'http:') throw new Error(`${url.href}: only http and https are asked`);
	// A host whose name does not resolve fails as its request would, with no request made.
	await hostFound(url.hostname, signal).catch((error: Error) => Promise.reject(failureAt(url, error)));
	const client = await clientFor(secure);
	return requestOn(url, client, signal, client.agent);
}

// As fetch reports it: what the socket said is the cause (connection refused, reset, unknown host,
// an answer cut off); an abort (the caller's stop or the timeout) is an AbortError.
const failureAt = (url: URL, error: Error): Error => (error.name === 'AbortError' ? error : Object.assign(new Error(`${url.href}: ${error.message}`), {cause: error}));

// agent: false is a connection of this request's own, closed after its answer.
function requestOn(url: URL, client: Client, signal: AbortSignal, agent: http.Agent | false): Promise<HttpAnswer & {location?: string}> {
	const failure = (error: Error): Error => failureAt(url, error);
	return new Promise((resolve, reject) => {
		let answered = false;
		// Host names looked up once a moment (host-lookup.ts): a setup asks the same hosts again.
		const request = client.get(url, {agent, signal, lookup: keptLookup}, response => {
			answered = true;
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', error => reject(failure(error)));
			response.on('end', () => {
				const status = response.statusCode ?? 0;
				const bytes = Buffer.concat(chunks);
				resolve({status, statusText: response.statusMessage ?? '', ok: status >= 200 && status < 300, body: bytes.toString('utf8'), bytes, ...(response.headers.location ? {location: response.headers.location} : {})});
			});
		});
		request.on('error', (error: NodeJS.ErrnoException) => {
			// A kept connection the server had closed as this request went out (Node's documented
			// reusedSocket case): nothing was answered, so a GET is asked again, once, on a connection
			// of its own (another kept one may have been closed with it). One cut off after its answer
			// began is not asked again: the answer's own error has ended the request already.
			if (agent !== false && request.reusedSocket && !answered && error.code === 'ECONNRESET' && !signal.aborted) {
				requestOn(url, client, signal, false).then(resolve, reject);
				return;
			}
			reject(failure(error));
		});
	});
}
