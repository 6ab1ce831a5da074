// Instructions a whole run of the CLI executes, counted by valgrind's callgrind (every thread of
// the process: V8's compiler and collector helpers too). Unlike wall time it does not change with
// what else the machine is doing: two counts of the same run here differed by 0.002%, where two
// timings of `--version` differ twofold. It leaves out what only waits (syncs, look-ups, children),
// so it is read beside the wall-time figure, never instead of it. A run under callgrind is about
// 50 times slower, so a figure takes seconds of counting per command.
import {spawnSync} from 'node:child_process';

export type Counted = {instructions: number} | {unavailable: string};

// Whether valgrind is here at all (Debian's package valgrind); once per process.
let valgrindHere: boolean | undefined;
function hasValgrind(): boolean {
	valgrindHere ??= spawnSync('valgrind', ['--version'], {stdio: 'ignore'}).status === 0;
	return valgrindHere;
}

export function countInstructions(cli: string, args: string[]): Counted {
	if (!hasValgrind()) return {unavailable: 'valgrind is not installed (apt-get install valgrind)'};
	const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, cli, ...args], {
		stdio: ['ignore', 'ignore', 'pipe'],
		env: {...process.env, CI: 'true'},
		maxBuffer: 16 * 1024 * 1024,
	});
	const stderr = run.stderr.toString();
	// valgrind exits with the program's own status; its summary line is "==PID== Collected : N".
	if (run.status !== 0) throw new Error(`mesos-setup ${args.join(' ')} under callgrind exited ${run.status}: ${stderr.trim().slice(-300)}`);
	const collected = /==\d+== Collected : (\d+)/.exec(stderr);
	if (!collected?.[1]) return {unavailable: `callgrind printed no count for ${args.join(' ')}`};
	return {instructions: Number(collected[1])};
}
