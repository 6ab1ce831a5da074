// Stopgap until test/tmux/tmux.ts does both itself (asked for in the lab's report): the PIDs behind
// a TmuxSession, and its program's exit status when tmux missed it.
//
// Debian's tmux is built with utempter, whose helper briefly replaces tmux's SIGCHLD handler when a
// pane's terminal closes (tmux/tmux#311). A program that ends at that moment stays a zombie and the
// pane reads dead with no status, forever. A SIGCHLD sent to that tmux server, by its PID, makes it
// reap the program and record the status.
import {execa} from 'execa';
import type {TmuxSession} from '../tmux/tmux.js';
import {isAlive, stopPid} from './lab-processes.js';
import {waitFor} from './wait-for.js';

// The socket test/tmux/tmux.ts starts its sessions on.
const socket = 'mesos-setup-tests';

type PaneState = {serverPid: number; panePid: number; dead: boolean; status?: number};

async function paneState(session: TmuxSession): Promise<PaneState | undefined> {
	const shown = await execa('tmux', ['-L', socket, 'display-message', '-p', '-t', session.name, '#{pid} #{pane_pid} #{pane_dead} #{pane_dead_status}'], {reject: false, timeout: 10_000});
	if (shown.exitCode !== 0) return undefined;
	const [serverPid, panePid, dead, status] = shown.stdout.trim().split(' ');
	return {serverPid: Number(serverPid), panePid: Number(panePid), dead: dead === '1', ...(status ? {status: Number(status)} : {})};
}

/** The program's exit status once it has ended; nudges tmux to reap it when tmux missed its end. */
export async function waitForExit(session: TmuxSession, timeoutMs = 60_000): Promise<number> {
	return waitFor(`the program in tmux session ${session.name} to exit`, async () => {
		const state = await paneState(session);
		if (!state?.dead) return undefined;
		if (state.status !== undefined) return state.status;
		process.kill(state.serverPid, 'SIGCHLD');
		return undefined;
	}, timeoutMs).catch(async (error: unknown) => {
		throw new Error(`${String(error)}\n--- screen ---\n${await session.capture().catch(() => '(no screen)')}`);
	});
}

/** Ends the session's program by its PID if it still runs (the SIGHUP of kill-session may not reach what it started), then the session. */
export async function closeSession(session: TmuxSession): Promise<void> {
	const state = await paneState(session);
	if (state && !state.dead && isAlive(state.panePid)) await stopPid(state.panePid);
	await session.kill();
}
