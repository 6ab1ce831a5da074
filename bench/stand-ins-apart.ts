// The fixture cluster (test/fixtures/cluster.ts: ZooKeeper, a master, an agent and Marathon on
// loopback) in a process of its own, as the real services are: the status screen's benchmark counts
// the CPU of the screen's process, and the stand-ins' answers are the services' work, not the
// screen's. Started and stopped by its pid; its own CPU is read from /proc for the same window and
// printed beside the figure.
// Run as a program, it starts the cluster and prints one line of JSON: the endpoints, and the port
// where it says how many requests the master has had (GET /hits), which the benchmark counts
// refreshes by.
import {execa, type ResultPromise} from 'execa';
import {readFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {pathToFileURL} from 'node:url';
import type {Endpoints} from '../source/model/endpoints.js';
import {startCluster} from '../test/fixtures/cluster.js';

export type StandInsApart = {
	endpoints: Endpoints;
	// Requests the master has answered so far.
	masterHits(): Promise<number>;
	// CPU microseconds the stand-ins' process has used so far (/proc/PID/stat, user + system).
	cpuMicros(): number;
	stop(): Promise<void>;
};

type Started = {endpoints: Endpoints; hitsPort: number};

export async function startStandInsApart(): Promise<StandInsApart> {
	const child: ResultPromise = execa(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname], {stdout: 'pipe', stderr: 'inherit', reject: false});
	const started = await new Promise<Started>((resolve, reject) => {
		child.stdout?.once('data', (line: Buffer) => resolve(JSON.parse(String(line)) as Started));
		void child.then(result => reject(new Error(`the stand-ins' process ended before it started: ${result.exitCode ?? result.signal}`)));
	});
	const pid = child.pid ?? 0;
	return {
		endpoints: started.endpoints,
		masterHits: () =>
			new Promise((resolve, reject) => {
				http.get(`http://127.0.0.1:${started.hitsPort}/hits`, response => {
					let body = '';
					response.on('data', (chunk: Buffer) => (body += String(chunk)));
					response.on('end', () => resolve(Number(body)));
				}).on('error', reject);
			}),
		cpuMicros() {
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
			// utime and stime, in clock ticks of 1/100 s on Linux.
			return (Number(fields[11]) + Number(fields[12])) * 10_000;
		},
		async stop() {
			child.kill('SIGTERM');
			await child;
		},
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const cluster = await startCluster();
	const hits = http.createServer((_request, response) => response.end(String(cluster.master.hits.length)));
	await new Promise<void>(resolve => hits.listen(0, '127.0.0.1', resolve));
	process.on('SIGTERM', () => {
		hits.close();
		void cluster.stop().then(() => process.exit(0));
	});
	process.stdout.write(`${JSON.stringify({endpoints: cluster.endpoints, hitsPort: (hits.address() as AddressInfo).port})}\n`);
}
