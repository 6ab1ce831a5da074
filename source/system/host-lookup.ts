// Host names looked up for this machine's requests (http-get.ts), each answer handed on for a few
// seconds. A setup asks the same hosts several times within milliseconds: the layout's prediction
// fetches the repository's index, then the preflight asks whether the repository and the key server
// answer. Each lookup is a round trip to the name server (6 to 13 ms here for a name it does not
// know, and more on a slow link), so a setup looks each host up once, the failure kept as the
// answer too, and starts the lookups of the hosts its preflight will reach as soon as its plan is
// known (lookAhead), where they overlap the plan's work instead of holding the preflight.
// The same getaddrinfo Node's own connections ask, with the same hints.
import dns, {type LookupAddress} from 'node:dns';
import type {LookupFunction} from 'node:net';

// Long enough for one setup's prediction and preflight, short enough that a preflight asked again
// after the network is mended (the wizard's retry) looks up anew.
export const lookupReuseMs = 5_000;

const kept = new Map<string, {at: number; answer: Promise<LookupAddress[]>}>();

function lookupAll(host: string, now: number): Promise<LookupAddress[]> {
	const earlier = kept.get(host);
	if (earlier && now - earlier.at <= lookupReuseMs) return earlier.answer;
	// The callback form: the promise one loads a module of its own.
	const answer = new Promise<LookupAddress[]>((resolve, reject) => {
		dns.lookup(host, {all: true, hints: dns.ADDRCONFIG}, (error, addresses) => (error ? reject(error) : resolve(addresses)));
	});
	answer.catch(() => undefined); // a look ahead nobody took fails nowhere
	kept.set(host, {at: now, answer});
	return answer;
}

// Starts looking up the hosts of these URLs (http and https only), for the requests that follow.
export function lookAhead(urls: readonly string[]): void {
	for (const url of urls) {
		const {protocol, hostname} = new URL(url);
		if ((protocol === 'http:' || protocol === 'https:') && hostname !== '' && !hostname.startsWith('[')) lookupAll(hostname, Date.now());
	}
}

// net's `lookup` option: the kept answer, as dns.lookup gives it (all addresses, or the first) for
// the family asked; a failure as a new error each time, with the name server's words.
export const keptLookup = ((host: string, options: dns.LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
	lookupAll(host, Date.now()).then(
		all => {
			const found = options.family === 4 || options.family === 6 ? all.filter(address => address.family === options.family) : all;
			const [first] = found;
			if (first) return options.all ? callback(null, found) : callback(null, first.address, first.family);
			callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host}), '');
		},
		(error: NodeJS.ErrnoException) => callback(Object.assign(new Error(error.message), {code: error.code, errno: error.errno, syscall: error.syscall, hostname: host}), ''),
	);
}) as LookupFunction;
