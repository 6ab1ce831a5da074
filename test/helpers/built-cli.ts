// The built CLI in a tmux terminal, as the terminal tests start it: dist/cli.js must exist (npm test
// builds it), Ink must think it is not in CI (CI=false, or it prints only its last frame), and
// every session started is killed after each test.
import {existsSync} from 'node:fs';
import {afterEach, expect} from 'vitest';
import {cliPath} from './cli.js';
import {type TmuxStart, TmuxSession} from './tmux.js';

const started: TmuxSession[] = [];

afterEach(async () => {
	await Promise.all(started.splice(0).map(session => session.kill()));
});

export type BuiltCliStart = Omit<TmuxStart, 'command'> & {
	args: string[];
	// Runs the CLI under sh and prints "mesos-setup exited with N" on the screen, then waits: the
	// status is read from the screen, not from tmux, which was seen to collect it late.
	showExitStatus?: boolean;
	// Another copy of the bundle to run (dist/cli.js by default).
	cli?: string;
};

export async function startBuiltCli({args, showExitStatus = false, env = {}, cli = cliPath, ...options}: BuiltCliStart): Promise<TmuxSession> {
	expect(existsSync(cli), `${cli} is missing: run npm run build`).toBe(true);
	const command = showExitStatus
		? ['sh', '-c', '"$0" "$@"; echo "mesos-setup exited with $?"; exec sleep 600', process.execPath, cli, ...args]
		: [process.execPath, cli, ...args];
	const session = await TmuxSession.start({...options, command, env: {CI: 'false', NO_COLOR: '1', ...env}});
	started.push(session);
	return session;
}

export const exitShown = (session: TmuxSession): Promise<number> =>
	session.waitFor(/mesos-setup exited with \d+/).then(screen => Number(/mesos-setup exited with (\d+)/.exec(screen)?.[1]));
