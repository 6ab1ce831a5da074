import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {waitFor} from './wait-for.js';

/** A program running in a real terminal (tmux on a private socket), read as a person sees it. */
export type Terminal = {
	/** The whole pane, history included, as plain text. */
	screen(): Promise<string>;
	waitForText(expected: string | RegExp, timeoutMs?: number): Promise<string>;
	/** tmux key names: 'Enter', 'Down', 'C-c', or literal text. */
	sendKeys(...keys: string[]): Promise<void>;
	/** The exit code once the program has ended (the pane stays for reading). */
	waitForExit(timeoutMs?: number): Promise<number>;
	close(): Promise<void>;
};

export async function openTerminal(command: string[], options: {cwd: string; env?: Record<string, string>; columns?: number; rows?: number}): Promise<Terminal> {
	const dir = await mkdtemp(path.join(tmpdir(), 'lab-tmux-'));
	const socket = path.join(dir, 'socket');
	const config = path.join(dir, 'tmux.conf');
	// remain-on-exit keeps the pane (and its exit status) after the program ends; a big history keeps all of --yes.
	await writeFile(config, 'set -g remain-on-exit on\nset -g history-limit 100000\n');
	const tmux = (...args: string[]) => execa('tmux', ['-S', socket, '-f', config, ...args], {timeout: 10_000});
	const tmuxMayFail = (...args: string[]) => execa('tmux', ['-S', socket, ...args], {timeout: 10_000, reject: false});
	const env = {TERM: 'xterm-256color', ...options.env};
	await tmux('new-session', '-d', '-s', 'lab', '-x', String(options.columns ?? 120), '-y', String(options.rows ?? 40),
		'-c', options.cwd, ...Object.entries(env).flatMap(([name, value]) => ['-e', `${name}=${value}`]), '--', ...command);
	const screen = async () => (await tmux('capture-pane', '-p', '-J', '-S', '-', '-E', '-', '-t', 'lab')).stdout;
	return {
		screen,
		waitForText: (expected, timeoutMs = 60_000) => waitFor(`${String(expected)} on the terminal`, async () => {
			const text = await screen();
			return (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) ? text : undefined;
		}, timeoutMs).catch(async (error: unknown) => {
			throw new Error(`${String(error)}\n--- screen ---\n${await screen()}`);
		}),
		async sendKeys(...keys) {
			await tmux('send-keys', '-t', 'lab', ...keys);
		},
		waitForExit: (timeoutMs = 60_000) => waitFor('the program to exit', async () => {
			const [dead, status] = (await tmux('display-message', '-p', '-t', 'lab', '#{pane_dead} #{pane_dead_status}')).stdout.split(' ');
			return dead === '1' ? Number(status) : undefined;
		}, timeoutMs).catch(async (error: unknown) => {
			throw new Error(`${String(error)}\n--- screen ---\n${await screen()}`);
		}),
		async close() {
			// Ends only this terminal's own tmux server (private socket); it may already be gone.
			await tmuxMayFail('kill-server');
			await rm(dir, {recursive: true, force: true});
		},
	};
}
