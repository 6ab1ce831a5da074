// Host names looked up for this machine's requests (http-get.ts), each answer handed on for a few
// seconds. A setup asks the same hosts several times within milliseconds: the layout's prediction
// fetches the repository's index, then the preflight asks whether the repository and the key server
// answer. Each lookup is a round trip to the name server (6 to 13 ms here for a name it does not
// know, and more on a slow link), so a setup looks each host up once, the failure kept as the
// answer too, and starts the lookups of the hosts its preflight will reach as soon as its plan is
// known (lookAhead), where they overlap the plan's work instead of holding the preflight.
// The same getaddrinfo Node's own connections ask, with the same hints.
import type {LookupAddress, LookupOptions} from 'node:dns';
import {isIPv4, type LookupFunction} from 'node:net';
import {monotonicMs} from './monotonic-clock.js';

// An answer is handed on for long enough for one setup's prediction and preflight. A failure only
// for a second after it came: a network mended meanwhile (the wizard's retry, a setup at boot while
// the network comes up, a status screen asking every 2 s) is looked up anew.
export const lookupReuseMs = 5_000;
export const failureReuseMs = 1_000;

// `at`: monotonicMs(), a monotonic clock (a clock stepped back must not keep an answer for hours).
const kept = new Map<string, {at: number; failedAt?: number; answer: Promise<LookupAddress[]>}>();

function lookupAll(host: string, now: number): Promise<LookupAddress[]> {
	const earlier = kept.get(host);
	const fresh = earlier && (earlier.failedAt === undefined ? now - earlier.at <= lookupReuseMs : now - earlier.failedAt <= failureReuseMs);
	if (earlier && fresh) return earlier.answer;
	// node:dns loaded at the first look-up, not with the program: a screen's first frame and the
	// commands that reach no host do without it. The callback form: the promise one loads a module
	// of its own.
	const answer = import('node:dns').then(
		({default: dns}) =>
			new Promise<LookupAddress[]>((resolve, reject) => {
				dns.lookup(host, {all: true, hints: dns.ADDRCONFIG}, (error, addresses) => (error ? reject(error) : resolve(addresses)));
			}),
	);
	const entry: {at: number; failedAt?: number; answer: Promise<LookupAddress[]>} = {at: now, answer};
	answer.catch(() => {
		// a look ahead nobody took fails nowhere
		entry.failedAt = monotonicMs();
	});
	kept.set(host, entry);
	return answer;
}

// Starts looking up the hosts of these URLs (http and https only), for the requests that follow.
export function lookAhead(urls: readonly string[]): void {
	for (const url of urls) {
		const {protocol, hostname} = new URL(url);
		if ((protocol === 'http:' || protocol === 'https:') && hostname !== '' && !hostname.startsWith('[')) lookupAll(hostname, monotonicMs());
	}
}

// A failed look-up as a connection to the host ends with it: a new error each time, in the name
// server's words.
const lookupFailure = (host: string, error: NodeJS.ErrnoException): NodeJS.ErrnoException => Object.assign(new Error(error.message), {code: error.code, errno: error.errno, syscall: error.syscall, hostname: host});

// net's `lookup` option: the kept answer, as dns.lookup gives it (all addresses, or the first) for
// the family asked; a failure as a new error each time, with the name server's words.
export const keptLookup = ((host: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
	lookupAll(host, monotonicMs()).then(
		all => {
			const found = options.family === 4 || options.family === 6 ? all.filter(address => address.family === options.family) : all;
			const [first] = found;
			if (first) return options.all ? callback(null, found) : callback(null, first.address, first.family);
			callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host}), '');
		},
		(error: NodeJS.ErrnoException) => callback(lookupFailure(host, error), ''),
	);
}) as LookupFunction;

// Waits for the host's look-up (the kept one, or one started now) before a request to it is made:
// a name that does not resolve then fails at once, as its connection would, without a request and
// a socket made for nothing (their first use in a process costs several milliseconds: a setup on a
// machine without a name server pays it for the repository's index). A GET stopped meanwhile has
// ended already (http-get.ts); the look-up goes on, kept for the next. An address (not a name) is
// not looked up.
export function hostFound(host: string): Promise<void> {
	if (host === '' || host.startsWith('[') || isIPv4(host)) return Promise.resolve();
	return lookupAll(host, monotonicMs()).then(
		() => undefined,
		(error: NodeJS.ErrnoException) => Promise.reject(lookupFailure(host, error)),
	);
}
