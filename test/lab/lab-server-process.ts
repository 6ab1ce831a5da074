import {spawn} from 'node:child_process';
import {openSync, closeSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

/** A lab server running in its own process, on 127.0.0.1 (or the host given by `where`). */
export type ServerProcess = {pid: number; port: number; logFile: string; stop(): Promise<void>};

const entry = fileURLToPath(new URL('lab-server-main.ts', import.meta.url));

/** Bundles the servers into one .mjs so they start with plain node, without a TypeScript loader. */
export async function bundleLabServers(outFile: string): Promise<void> {
	await build({entryPoints: [entry], outfile: outFile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error'});
}

/** Where a server listens other than 127.0.0.1: a lab network's address, entered by a command prefix such as nsenter. */
export type ServerPlace = {host: string; prefix: string[]};

/** Starts `node <bundle> <args>` and resolves once it says which port it listens on. */
export function startServerProcess(bundle: string, args: string[], logFile: string, where?: ServerPlace): Promise<ServerProcess> {
	const out = openSync(logFile, 'a');
	const [command = process.execPath, ...prefixArgs] = [...where?.prefix ?? [], process.execPath];
	const child = spawn(command, [...prefixArgs, bundle, ...args], {
		stdio: ['ignore', out, 'pipe'],
		env: where ? {...process.env, LAB_SERVER_HOST: where.host} : process.env,
	});
	closeSync(out);
	const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await exited;
	};
	return new Promise((resolve, reject) => {
		let stderr = '';
		child.stderr?.setEncoding('utf8');
		child.stderr?.on('data', (chunk: string) => {
			stderr += chunk;
			const port = /^listening (\d+)$/m.exec(stderr)?.[1];
			if (port && child.pid !== undefined) resolve({pid: child.pid, port: Number(port), logFile, stop});
		});
		child.once('exit', code => reject(new Error(`lab server ${args[0]} exited with ${code} before listening: ${stderr.trim()}`)));
		child.once('error', reject);
	});
}
