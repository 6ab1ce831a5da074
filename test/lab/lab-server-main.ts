// Entry of one lab server process: `repository <root> <port> [deb-delay-ms]`, `https-repository <root> <cert> <key> <port>`,
// `keyserver (<fingerprint> <armored-key-file>)... <port>` or `impostor-keyserver <armored-key-file> <port>`.
// It runs apart from the tests so a test that blocks its own event loop cannot starve apt or gpg.
import {readFileSync} from 'node:fs';
import type {Server} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {createHkpKeyserver, createImpostorKeyserver} from './hkp-keyserver.js';
import {createStaticFileServer} from './static-file-server.js';

const [kind, ...args] = process.argv.slice(2);
const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);

let server: Server;
let port: number;
if (kind === 'repository' && (args.length === 2 || args.length === 3)) {
	server = createStaticFileServer(args[0] ?? '', log, Number(args[2] ?? 0));
	port = Number(args[1]);
} else if (kind === 'https-repository' && args.length === 4) {
	// The same files over TLS, with the lab CA's certificate: the repository's own request handler.
	const [handler] = createStaticFileServer(args[0] ?? '', log).listeners('request') as Array<Parameters<typeof createHttpsServer>[1]>;
	server = createHttpsServer({cert: readFileSync(args[1] ?? ''), key: readFileSync(args[2] ?? '')}, handler);
	port = Number(args[3]);
} else if (kind === 'keyserver' && args.length >= 3 && args.length % 2 === 1) {
	const pairs = args.slice(0, -1);
	const keys = pairs.filter((_, index) => index % 2 === 0)
		.map((fingerprint, index) => ({fingerprint, armored: readFileSync(pairs[index * 2 + 1] ?? '', 'utf8')}));
	server = createHkpKeyserver(keys, log);
	port = Number(args.at(-1));
} else if (kind === 'impostor-keyserver' && args.length === 2) {
	server = createImpostorKeyserver(readFileSync(args[0] ?? '', 'utf8'), log);
	port = Number(args[1]);
} else {
	process.stderr.write('usage: lab-servers.mjs repository <root> <port> [deb-delay-ms] | https-repository <root> <cert> <key> <port>'
		+ ' | keyserver (<fingerprint> <armored-key-file>)... <port> | impostor-keyserver <armored-key-file> <port>\n');
	process.exit(2);
}
server.on('error', (error: Error) => {
	process.stderr.write(`${kind} server: ${error.message}\n`);
	process.exit(1);
});
// LAB_SERVER_HOST: an address inside the lab's network (test/lab/nodes), else loopback.
server.listen(port, process.env.LAB_SERVER_HOST ?? '127.0.0.1', () => {
	const address = server.address();
	// The parent reads this one line on stderr to learn the port.
	process.stderr.write(`listening ${typeof address === 'object' && address ? address.port : port}\n`);
});
process.once('SIGTERM', () => process.exit(0));
