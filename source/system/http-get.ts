// A GET over HTTP for the probes, the status readings and the preflight's reachability and
// package index checks, on Node's own http client (a plain setup no longer loads undici either). The live
// status screen asks six or more endpoints every 2 s: fetch (undici) spends about twice the CPU
// of http.get on each such request, which alone kept the idle screen above 1% of a core. It
// follows redirects as fetch does (a Mesos master that does not lead redirects to the one that
// does, with a Location that may leave out the scheme), and gives up when the signal aborts.
import http from 'node:http';
import https from 'node:https';
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

async function getOnce(url: URL, signal: AbortSignal): Promise<HttpAnswer & {location?: string}> {
	const secure = url.protocol === 'https:';
	if (!secure && url.protocol !== 'http:') throw new Error(`${url.href}: only http and https are asked`);
	// A host whose name does not resolve fails as its request would, with no request made.
	await hostFound(url.hostname, signal).catch((error: NodeJS.ErrnoException) => Promise.reject(Object.assign(new Error(`${url.href}: ${error.message}`), {cause: error})));
	return new Promise((resolve, reject) => {
		// A connection of its own, closed after the answer (agent: false; Node 20's global agent keeps
		// connections alive): a server that resets an idle kept connection can then never reach a
		// socket nobody listens on, which would end the process.
		// Host names looked up once a moment (host-lookup.ts): a setup asks the same hosts again.
		const request = (secure ? https : http).get(url, {agent: false, signal, lookup: keptLookup}, response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				const status = response.statusCode ?? 0;
				const bytes = Buffer.concat(chunks);
				resolve({status, statusText: response.statusMessage ?? '', ok: status >= 200 && status < 300, body: bytes.toString('utf8'), bytes, ...(response.headers.location ? {location: response.headers.location} : {})});
			});
		});
		// As fetch reports it: what the socket said is the cause (connection refused, reset, unknown
		// host); an abort (the caller's stop or the timeout) is an AbortError.
		request.on('error', (error: NodeJS.ErrnoException) => reject(error.name === 'AbortError' ? error : Object.assign(new Error(`${url.href}: ${error.message}`), {cause: error})));
	});
}
