import {spawn} from 'node:child_process';
import {isAlive, stopPid} from './lab-processes.js';

/** Another program listening on a port the installer needs: it answers every connection with one line. */
export type PortHolder = {pid: number; port: number; stop(): Promise<void>};

const program = `
const [port, answer] = process.argv.slice(1);
const server = require('node:net').createServer(socket => socket.end(answer + '\\n'));
server.on('error', error => { process.stderr.write('port holder: ' + error.message + '\\n'); process.exit(1); });
server.listen(Number(port), '127.0.0.1', () => process.stderr.write('listening ' + port + '\\n'));
process.once('SIGTERM', () => process.exit(0));
`;

/** Starts a small node TCP server on 127.0.0.1:port in its own process; stop() ends it by PID. */
export function holdPort(port: number, answer = 'not zookeeper'): Promise<PortHolder> {
	const child = spawn(process.execPath, ['-e', program, String(port), answer], {stdio: ['ignore', 'ignore', 'pipe']});
	const pid = child.pid;
	return new Promise((resolve, reject) => {
		let stderr = '';
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			stderr += chunk;
			if (stderr.includes(`listening ${port}`) && pid !== undefined) {
				resolve({pid, port, stop: async () => {
					if (isAlive(pid)) await stopPid(pid);
				}});
			}
		});
		child.once('exit', code => reject(new Error(`the port holder for ${port} exited with ${code}: ${stderr.trim()}`)));
		child.once('error', reject);
	});
}
