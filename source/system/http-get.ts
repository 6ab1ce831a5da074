// A GET over HTTP for the probes, the status readings and the preflight's reachability and
// package index checks, on Node's own http client (a plain setup no longer loads undici either). The live
// status screen asks six or more endpoints every 2 s: fetch (undici) spends about twice the CPU
// of http.get on each such request, which alone kept the idle screen above 1% of a core. It
// follows redirects as fetch does (a Mesos master that does not lead redirects to the one that
// does, with a Location that may leave out the scheme), and gives up when its time runs out or the
// caller's signal aborts.
import type http from 'node:http';
import type https from 'node:https';
import {hostFound, keptLookup} from './host-lookup.js';

// body: the bytes as text; bytes: as they came (a Packages.gz).
export type HttpAnswer = {status: number; statusText: string; ok: boolean; body: string; bytes: Buffer};

const redirects = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 5;

// How long a GET may take, all its redirects together, and the caller's stop.
export type GetLimits = {timeoutMs: number; signal?: AbortSignal | undefined};

// A GET under way: what stopped it, and its request of the moment (to end it with).
type Asking = {stopped?: Error; request?: http.ClientRequest};

// The time and the stop are one timer and one listener, with no signal given to the request: the
// signals this took before (AbortSignal.any of AbortSignal.timeout and the caller's, handed to
// http.get) cost 0.3 to 0.5 ms of CPU a request here, a third of a kept connection's whole request,
// and the live status screen makes eight requests every 2 s. A stop ends the GET at once, whatever
// the request was doing (looking up its host, waiting for an answer, reading its body).
export function httpGet(url: string, {timeoutMs, signal}: GetLimits): Promise<HttpAnswer> {
	if (signal?.aborted) return Promise.reject(stoppedError());
	let at: URL;
	try {
		at = new URL(url);
	} catch (error) {
		return Promise.reject(error as Error);
	}
	return new Promise((resolve, reject) => {
		const asking: Asking = {};
		// The timer and the listener go as soon as the GET ends, answered or stopped: a stop during a
		// look-up that never ends must not keep the process waiting for the timer.
		const settle = (): void => {
			clearTimeout(timer);
			signal?.removeEventListener('abort', onAbort);
		};
		const stop = (error: Error): void => {
			if (asking.stopped) return;
			asking.stopped = error;
			settle();
			reject(error);
			asking.request?.destroy(error);
		};
		const timer = setTimeout(() => stop(timedOut(timeoutMs)), timeoutMs);
		const onAbort = (): void => stop(stoppedError());
		signal?.addEventListener('abort', onAbort, {once: true});
		follow(at, asking)
			.then(resolve, reject)
			.finally(settle);
	});
}

// Named as fetch names them, so a caller tells a stop from a failure by the name alone.
const stoppedError = (): Error => Object.assign(new Error('stopped'), {name: 'AbortError'});
const timedOut = (timeoutMs: number): Error => Object.assign(new Error(`no answer within ${timeoutMs} ms`), {name: 'TimeoutError'});

async function follow(url: URL, asking: Asking): Promise<HttpAnswer> {
	let at = url;
	for (let hop = 0; ; hop++) {
		const answer = await getOnce(at, asking);
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

async function getOnce(url: URL, asking: Asking): Promise<HttpAnswer & {location?: string}> {
	const secure = url.protocol === 'https:';
	if (!secure && url.protocol !== 'http:') throw new Error(`${url.href}: only http and https are asked`);
	// A host whose name does not resolve fails as its request would, with no request made.
	await hostFound(url.hostname).catch((error: Error) => Promise.reject(failureAt(url, error)));
	const client = await clientFor(secure);
	// Stopped meanwhile: the GET has ended already, and no request is made.
	if (asking.stopped) throw asking.stopped;
	return requestOn(url, client, asking, client.agent);
}

// As fetch reports it: what the socket said is the cause (connection refused, reset, unknown host,
// an answer cut off); the caller's stop is an AbortError, the time running out a TimeoutError.
const failureAt = (url: URL, error: Error): Error =>
	error.name === 'AbortError' || error.name === 'TimeoutError' ? error : Object.assign(new Error(`${url.href}: ${error.message}`), {cause: error});

// agent: false is a connection of this request's own, closed after its answer.
function requestOn(url: URL, client: Client, asking: Asking, agent: http.Agent | false): Promise<HttpAnswer & {location?: string}> {
	const failure = (error: Error): Error => failureAt(url, error);
	return new Promise((resolve, reject) => {
		let answered = false;
		// Host names looked up once a moment (host-lookup.ts): a setup asks the same hosts again.
		const request = client.get(url, {agent, lookup: keptLookup}, response => {
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
		asking.request = request;
		request.on('error', (error: NodeJS.ErrnoException) => {
			// A kept connection the server had closed as this request went out (Node's documented
			// reusedSocket case): nothing was answered, so a GET is asked again, once, on a connection
			// of its own (another kept one may have been closed with it). One cut off after its answer
			// began is not asked again: the answer's own error has ended the request already.
			if (agent !== false && request.reusedSocket && !answered && error.code === 'ECONNRESET' && !asking.stopped) {
				requestOn(url, client, asking, false).then(resolve, reject);
				return;
			}
			reject(failure(error));
		});
	});
}
