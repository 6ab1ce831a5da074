import {createServer, type Server} from 'node:http';

/** An armored public key and its full fingerprint. */
export type PublishedKey = {fingerprint: string; armored: string};

/**
 * The lookup half of an HKP keyserver: `GET /pks/lookup?op=get&search=0x<id>` returns the
 * ASCII-armored key whose fingerprint ends with the id (short, long or full), else 404,
 * which is what `gpg --recv-keys` and `apt-key adv --recv-keys` ask of a keyserver.
 */
export function createHkpKeyserver(keys: PublishedKey[], log: (line: string) => void): Server {
	return createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://lab');
		const search = (url.searchParams.get('search') ?? '').replace(/^0x/i, '').toUpperCase();
		const key = url.pathname === '/pks/lookup' && url.searchParams.get('op') === 'get' && /^[0-9A-F]{8,40}$/.test(search)
			? keys.find(candidate => candidate.fingerprint.toUpperCase().endsWith(search))
			: undefined;
		log(`${request.method} ${url.pathname}${url.search} ${key ? 200 : 404}`);
		if (!key) {
			response.writeHead(404, {'Content-Type': 'text/plain'}).end('No keys found\n');
			return;
		}
		response.writeHead(200, {'Content-Type': 'application/pgp-keys'}).end(key.armored);
	});
}

/**
 * A key server that answers every lookup with the same key, whatever fingerprint is asked for:
 * what a compromised or mistaken server does. gpg and the installer must refuse what it sends.
 */
export function createImpostorKeyserver(armored: string, log: (line: string) => void): Server {
	return createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://lab');
		const lookup = url.pathname === '/pks/lookup' && url.searchParams.get('op') === 'get';
		log(`${request.method} ${url.pathname}${url.search} ${lookup ? 200 : 404} (impostor)`);
		if (!lookup) {
			response.writeHead(404, {'Content-Type': 'text/plain'}).end('No keys found\n');
			return;
		}
		response.writeHead(200, {'Content-Type': 'application/pgp-keys'}).end(armored);
	});
}
