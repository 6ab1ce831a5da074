// A command on a real terminal, with no native module: util-linux's `script` gives it a pty of
// 120×40 and copies what it draws to a pipe. Both sides of a comparison start through the same
// `script` and `stty`, so that cost is in the anchor too.
import {type ChildProcess, spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

// Visible text: what is left once escape sequences and white space are taken out.
export const visibleText = (chunk: string): string =>
	chunk.replaceAll(/\u001B\[[?0-9;]*[a-zA-Z]|\u001B\][^\u0007]*\u0007|\u001B[()][0-9A-Z]/g, '').replaceAll(/\s+/g, '');

export type OnPty = {
	child: ChildProcess;
	// Resolves with the milliseconds from spawn to the first output with visible text.
	firstFrame: Promise<number>;
	// The pid of the command itself (script's child), once it runs.
	commandPid(): number | undefined;
	stop(): Promise<void>;
};

export function runOnPty(argv: readonly string[], env: NodeJS.ProcessEnv = {}): OnPty {
	const began = performance.now();
	const child = spawn('script', ['-qfec', `stty cols 120 rows 40; exec ${argv.map(quote).join(' ')}`, '/dev/null'], {
		stdio: ['pipe', 'pipe', 'ignore'],
		env: {...process.env, CI: 'false', TERM: 'xterm-256color', ...env},
	});
	const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
	const firstFrame = new Promise<number>((resolve, reject) => {
		let seen = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			seen += chunk.toString('utf8');
			if (visibleText(seen) !== '') resolve(performance.now() - began);
		});
		child.once('exit', code => reject(new Error(`${argv.join(' ')} ended (exit ${code}) before it drew anything${seen ? `: ${JSON.stringify(seen.slice(0, 200))}` : ''}`)));
	});
	firstFrame.catch(() => undefined);
	return {
		child,
		firstFrame,
		commandPid() {
			try {
				const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
				return children.length > 0 ? Number(children[0]) : undefined;
			} catch {
				return undefined;
			}
		},
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			// script passes the hang-up on to the command on its terminal, then ends.
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
			await exited;
			clearTimeout(timer);
		},
	};
}
