import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import path from 'node:path';

/**
 * Serves the files under root by GET and HEAD (no listings), as a plain apt mirror does. With
 * `debDelayMs`, a package (.deb) is answered with its headers at once and its bytes only after that
 * delay, as an overloaded mirror would: apt-get install is then mid-download for as long, which is
 * when a test stops it. Indexes (Release, Packages) are never slowed, so apt-get update is quick.
 */
export function createStaticFileServer(root: string, log: (line: string) => void, debDelayMs = 0): Server {
	return createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://lab');
		const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
		const inside = file.startsWith(`${root}${path.sep}`);
		const info = inside ? await stat(file).catch(() => undefined) : undefined;
		const found = info?.isFile() && (request.method === 'GET' || request.method === 'HEAD');
		log(`${request.method} ${url.pathname} ${found ? 200 : 404}`);
		if (!found || !info) {
			response.writeHead(404, {'Content-Type': 'text/plain'}).end('Not Found\n');
			return;
		}
		response.writeHead(200, {
			'Content-Length': info.size,
			'Content-Type': 'application/octet-stream',
			'Last-Modified': info.mtime.toUTCString(),
		});
		if (request.method === 'HEAD') {
			response.end();
			return;
		}
		if (debDelayMs > 0 && file.endsWith('.deb')) {
			log(`holding ${url.pathname} for ${debDelayMs} ms`);
			const timer = setTimeout(() => createReadStream(file).pipe(response), debDelayMs);
			// apt-get stopped (or gone): nothing more to send.
			response.on('close', () => clearTimeout(timer));
			return;
		}
		createReadStream(file).pipe(response);
	});
}
