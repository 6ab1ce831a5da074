// A node shell's request cut short, as a connection lost mid-input leaves it: once the shell
// (node-shell.ts or command-shell.ts, run here with bash) says it is ready, `request` is written and
// its input closed. Resolves to the shell's exit code.
import type {ChildProcessWithoutNullStreams} from 'node:child_process';

export async function cutRequest(shell: ChildProcessWithoutNullStreams, marker: string, request: string): Promise<number | null> {
	await new Promise<void>(resolve => {
		let seen = '';
		shell.stdout.on('data', (chunk: Buffer) => {
			seen += chunk.toString('utf8');
			if (seen.includes(`${marker}\n`)) resolve();
		});
	});
	const exited = new Promise<number | null>(resolve => shell.once('close', resolve));
	shell.stdin.end(request);
	return exited;
}
