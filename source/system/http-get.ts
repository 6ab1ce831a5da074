// A GET over Node's own http (https loaded only for an https URL), for the preflight's reachability
// and package index checks. Not the global fetch: its first use loads undici, which costs a plain
// `setup --yes` more than the checks themselves. Redirects are followed as fetch follows them.
import type {IncomingMessage} from 'node:http';

export type HttpAnswer = {status: number; body: Buffer};

const maxRedirects = 5;

async function getOnce(url: URL, signal: AbortSignal): Promise<{response: IncomingMessage}> {
	const {get} = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
	return new Promise((resolve, reject) => {
		const request = get(url, {signal}, response => resolve({response}));
		request.once('error', error => reject(signal.aborted && signal.reason instanceof Error ? signal.reason : error));
	});
}

async function bodyOf(response: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of response) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

// `signal` ends the request (a timeout, a stop); the error then is the signal's reason. Without
// `body` only the status is waited for (whether a server answers), as fetch resolves at the headers.
export async function httpGet(address: string, signal: AbortSignal, {body = true}: {body?: boolean} = {}): Promise<HttpAnswer> {
	let url = new URL(address);
	for (let redirects = 0; ; redirects++) {
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${url.href} is not an http or https address`);
		const {response} = await getOnce(url, signal);
		const status = response.statusCode ?? 0;
		const location = response.headers.location;
		if (status >= 300 && status < 400 && location !== undefined && redirects < maxRedirects) {
			response.resume();
			url = new URL(location, url);
			continue;
		}
		if (body) return {status, body: await bodyOf(response)};
		response.destroy();
		return {status, body: Buffer.alloc(0)};
	}
}
