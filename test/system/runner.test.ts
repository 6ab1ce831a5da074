// The command runner with real processes: what a command starts is ended with it, by its process
// group, when it is stopped or times out; nothing it started is left running.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {groupRuns} from '../../source/system/process-group.js';
import {createCommandRunner, keptOutputChars} from '../../source/system/runner.js';
import {waitFor} from '../helpers/wait-for.js';
import {tempRoot} from '../helpers/temp-root.js';

// A command that starts two children (as apt-get starts its download methods and dpkg), says
// their PIDs, and waits: the shell ignores SIGTERM, so only SIGKILL ends it.
const script = `trap '' TERM; sleep 300 & echo "child $!"; (trap '' TERM; sleep 300) & echo "child $!"; echo ready; wait`;

const alive = (pid: number): boolean => {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
};

describe('the command runner', () => {
	it('ends a stopped command and everything it started: SIGTERM to its group, SIGKILL after the grace', async () => {
		const runner = createCommandRunner();
		const controller = new AbortController();
		const children: number[] = [];
		let leader = 0;
		const ran = runner.run(['bash', '-c', script], {
			timeoutMs: 60_000,
			signal: controller.signal,
			onLine(line) {
				const pid = /^child (\d+)$/.exec(line)?.[1];
				if (pid) children.push(Number(pid));
				if (line === 'ready') controller.abort();
			},
		});
		await waitFor('the two children', () => children.length === 2);
		leader = Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(children[0])], {encoding: 'utf8'}).trim());
		const started = Date.now();
		const result = await ran;
		expect(result.ok).toBe(false);
		expect(result.stopped).toBe(true);
		expect(result.failure).toBe('“bash -c ' + script + '” was stopped before it finished');
		// The shell ignored SIGTERM: it took the SIGKILL after the grace.
		expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
		for (const pid of children) expect(alive(pid), `child ${pid}`).toBe(false);
		expect(groupRuns(leader)).toBe(false);
	}, 30_000);

	it('ends a command that runs past its timeout the same way, and says it timed out', async () => {
		const runner = createCommandRunner();
		const children: number[] = [];
		const result = await runner.run(['bash', '-c', 'sleep 300 & echo "child $!"; wait'], {
			timeoutMs: 500,
			onLine(line) {
				const pid = /^child (\d+)$/.exec(line)?.[1];
				if (pid) children.push(Number(pid));
			},
		});
		expect(result.ok).toBe(false);
		expect(result.stopped).toBeUndefined();
		expect(result.failure).toMatch(/did not finish within 1 s and was stopped/);
		expect(children).toHaveLength(1);
		for (const pid of children) expect(alive(pid)).toBe(false);
	}, 30_000);

	it('does not start a command whose signal is already aborted, and leaves a finished one’s children alone', async () => {
		const runner = createCommandRunner();
		const controller = new AbortController();
		controller.abort();
		const stopped = await runner.run(['sleep', '300'], {timeoutMs: 60_000, signal: controller.signal});
		expect(stopped.stopped).toBe(true);
		// A daemon a command leaves behind (as `service X start` does) is not the runner's to end.
		const pidFile = path.join(await tempRoot(), 'daemon.pid');
		const ok = await runner.run(['bash', '-c', `setsid sleep 300 >/dev/null 2>&1 < /dev/null & echo $! > ${pidFile}`], {timeoutMs: 60_000});
		expect(ok.ok).toBe(true);
		const daemon = Number(readFileSync(pidFile, 'utf8').trim());
		expect(alive(daemon)).toBe(true);
		process.kill(daemon, 'SIGKILL');
	}, 30_000);

	it('hands every line of a long output on in order, and keeps only its end, from a line’s start, in the result', async () => {
		const runner = createCommandRunner();
		// 60,000 lines of about 40 characters: far more than the result keeps; the last line has no newline.
		const lines = 60_000;
		const print = `for (let i = 0; i < ${lines}; i++) process.stdout.write('line ' + i + ' of the output of a long command' + (i < ${lines} - 1 ? '\\n' : '')); process.stderr.write('E: the last word\\n'); process.exitCode = 3;`;
		let seen = 0;
		let inOrder = true;
		const result = await runner.run([process.execPath, '-e', print], {
			timeoutMs: 60_000,
			onLine(line, stream) {
				if (stream === 'stdout') inOrder &&= line === `line ${seen++} of the output of a long command`;
			},
		});
		expect(seen).toBe(lines);
		expect(inOrder).toBe(true);
		expect(result.stdout.length).toBeLessThanOrEqual(keptOutputChars);
		expect(result.stdout.length).toBeGreaterThan(keptOutputChars - 100);
		expect(result.stdout).toMatch(/^line \d+ of the output/);
		expect(result.stdout.endsWith(`line ${lines - 1} of the output of a long command`)).toBe(true);
		expect(result.failure).toBe(`“${process.execPath} -e ${print}” exited with code 3: E: the last word`);
		// Without onLine nobody had the lines: the result holds all of them.
		const whole = await runner.run([process.execPath, '-e', print], {timeoutMs: 60_000});
		expect(whole.stdout.split('\n')).toHaveLength(lines);
	}, 60_000);
});
