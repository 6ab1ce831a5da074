import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import path from 'node:path';

/** Serves the files under root by GET and HEAD (no listings), as a plain apt mirror does. */
export function createStaticFileServer(root: string, log: (line: string) => void): Server {
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
		if (request.method === 'HEAD') response.end();
		else createReadStream(file).pipe(response);
	});
}
