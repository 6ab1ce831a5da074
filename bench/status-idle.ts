// What the live status screen costs while nothing changes: the real screen, rendered by Ink into a
// terminal-like sink, watching a fixture cluster on 127.0.0.1 that never changes, in a process of
// its own as the real services are (stand-ins-apart.ts). CPU is measured for the screen's whole
// process and the commands it starts (`service X status`), against the same process with no
// screen, over the same time, in the same run; the stand-ins' own CPU meanwhile is printed beside
// it, not counted (until 2026-12-01 they answered in the measured process: about a quarter of a
// refresh's CPU was theirs). Two screens are measured: one on a sandbox root (no system
// commands), one on this machine's root, which asks its init system about every service. Idle
// starts once the screen has drawn its first full reading (every service's state and health):
// the start-up before it (the first reads of every file, the first init-system ask) is not idle.
// Run on its own: node --expose-gc --import tsx bench/status-idle.ts [seconds]
import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import {stripVTControlCharacters} from 'node:util';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {render} from 'ink';
import {createElement} from 'react';
import {resolveValues} from '../source/model/answers.js';
import {roleOf, roleServices} from '../source/model/roles.js';
import {createSystem, type System} from '../source/system/system.js';
import {StatusScreen} from '../source/ui/status/StatusScreen.js';
import {KeyRouterProvider} from '../source/ui/components/keys/KeyRouterProvider.js';
import {UseCasesProvider} from '../source/ui/UseCasesProvider.js';
import {verdict} from './figures.js';
import {type StandInsApart, startStandInsApart} from './stand-ins-apart.js';
import {TerminalSink} from './terminal-sink.js';

export type StatusIdleResult = {
	name: string;
	seconds: number;
	// Percent of one core used by the process with the screen (the higher of the two screens),
	// and without it (the baseline).
	cpuPercent: number;
	baselinePercent: number;
	limitPercent: number;
	// Frames Ink wrote while idle: the screen renders only on change, so this should be 0.
	idleWrites: number;
	refreshes: number;
	pass: boolean;
	lines: string[];
};

class IdleKeyboard extends EventEmitter {
	isTTY = true;
	setRawMode(): this {
		return this;
	}
	setEncoding(): this {
		return this;
	}
	read(): null {
		return null;
	}
	resume(): this {
		return this;
	}
	pause(): this {
		return this;
	}
	ref(): this {
		return this;
	}
	unref(): this {
		return this;
	}
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

// With --expose-gc (npm run bench gives it).
const collectGarbage = () => (globalThis as {gc?: () => void}).gc?.();

// CPU microseconds of this process (every thread: JIT and GC too) and of the children it has
// waited for (/proc/self/stat), apart: a sandbox screen starts no command, so children's CPU
// there is another benchmark's child reaped in the window, which is not this screen's cost.
function cpuNow(): {own: number; children: number} {
	const own = process.cpuUsage();
	const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
	// cutime and cstime, in clock ticks of 1/100 s on Linux.
	return {own: own.user + own.system, children: (Number(fields[13]) + Number(fields[14])) * 10_000};
}

type Usage = {percent: number; ms: number; perSecond: string};

// CPU over the window, and each second's own and children's milliseconds (what the window holds).
async function cpuOver(seconds: number): Promise<Usage> {
	const first = cpuNow();
	const started = process.hrtime.bigint();
	const own: number[] = [];
	const children: number[] = [];
	let last = first;
	for (let second = 0; second < seconds; second++) {
		await sleep(1000);
		const now = cpuNow();
		own.push(Math.round((now.own - last.own) / 1000));
		children.push(Math.round((now.children - last.children) / 1000));
		last = now;
	}
	const wallMicros = Number(process.hrtime.bigint() - started) / 1000;
	const percentOf = (micros: number) => (micros / wallMicros) * 100;
	const spawned = children.some(ms => ms > 0) ? `; children ${children.join(' ')}` : '';
	const micros = last.own - first.own + last.children - first.children;
	return {percent: percentOf(micros), ms: Math.round(micros / 1000), perSecond: `ms a second: ${own.join(' ')}${spawned}`};
}

// The first full reading on screen: every service of the role on its line with its health.
function showsEveryService(frame: string, services: readonly string[]): boolean {
	const text = stripVTControlCharacters(frame);
	return services.every(name => new RegExp(`^\\W*${name} .*\\b(?:un)?healthy\\b`, 'm').test(text));
}

type Measured = Usage & {idleWrites: number; refreshes: number; drawnMs: number; settlingMs: number; standInsMs: number};

async function measureScreen(system: System, cluster: StandInsApart, seconds: number): Promise<Measured> {
	const stdout = new TerminalSink();
	const services = roleServices(roleOf(resolveValues(system.state.answers())['node.role']));
	const screen = createElement(StatusScreen, {endpoints: cluster.endpoints, onQuit: () => undefined});
	const began = performance.now();
	// Ink's types want real streams; these two have every member Ink uses.
	// As the app renders it: the System and its use cases in context, keys through the router.
	const app = render(createElement(UseCasesProvider, {system, children: createElement(KeyRouterProvider, {onStop: () => undefined, children: screen})}), {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: new IdleKeyboard() as unknown as NodeJS.ReadStream,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	try {
		// Settled: the first snapshot (every file read, every probe, the init system asked) is drawn.
		while (!showsEveryService(stdout.frame, services)) {
			if (performance.now() - began > 30_000) throw new Error(`the status screen drew no reading of ${services.join(', ')} within 30 s`);
			await sleep(10);
		}
		const drawnMs = performance.now() - began;
		// Then start-up's last work, measured apart: what it left for the collector (the modules,
		// the first render and reading: a major collection), collected now as before the baseline,
		// and the optimizing compiler finishing on V8's helper threads what the first frames made
		// hot (Ink's output building: styledCharsToString, diffAnsiCodes), all within a second.
		collectGarbage();
		const settling = await cpuOver(1);
		const writesBefore = stdout.writes;
		const hitsBefore = await cluster.masterHits();
		const standInsBefore = cluster.cpuMicros();
		const usage = await cpuOver(seconds);
		const standInsMs = Math.round((cluster.cpuMicros() - standInsBefore) / 1000);
		// Each refresh asks the master three things: health, state, metrics.
		const refreshes = Math.round(((await cluster.masterHits()) - hitsBefore) / 3);
		return {...usage, drawnMs, settlingMs: settling.ms, idleWrites: stdout.writes - writesBefore, refreshes, standInsMs};
	} finally {
		app.unmount();
	}
}

export async function benchStatusIdle(options: {seconds?: number; limitPercent?: number} = {}): Promise<StatusIdleResult> {
	const seconds = options.seconds ?? 10;
	const limitPercent = options.limitPercent ?? 1;
	const cluster = await startStandInsApart();
	const root = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-bench-'));
	try {
		// What an earlier benchmark left for the collector is not this screen's cost.
		collectGarbage();
		const baseline = await cpuOver(seconds);
		const sandbox = await measureScreen(await createSystem({root}), cluster, seconds);
		// This machine's root, read only: the screen reads files, probes and asks the init system.
		const machine = await measureScreen(await createSystem({dryRun: true}), cluster, seconds);
		const cpuPercent = Math.max(sandbox.percent, machine.percent);
		const baselinePercent = baseline.percent;
		const idleWrites = sandbox.idleWrites + machine.idleWrites;
		const pass = cpuPercent <= limitPercent && idleWrites === 0;
		const within = (percent: number) => `(target ≤ ${limitPercent}% of one core): ${verdict(percent <= limitPercent)}`;
		const settled = (screen: Measured) =>
			`first reading drawn ${(screen.drawnMs / 1000).toFixed(1)} s after the first render, ${screen.settlingMs} ms of CPU in the second after it (start-up's collection and compiles, not counted); the stand-ins answering, in their own process, ${screen.standInsMs} ms over the ${seconds} s (not counted)`;
		const lines = [
			`status screen idle, sandbox root, stand-ins on loopback: ${sandbox.percent.toFixed(2)}% of one core over ${seconds} s, ${sandbox.refreshes} refreshes ${within(sandbox.percent)}`,
			`  ${settled(sandbox)}; ${sandbox.perSecond}`,
			`status screen idle, this machine (init system asked): ${machine.percent.toFixed(2)}%, ${machine.refreshes} refreshes ${within(machine.percent)}`,
			`  ${settled(machine)}; ${machine.perSecond}`,
			`  the same process without the screen: ${baselinePercent.toFixed(2)}% (${baseline.perSecond}); frames written while idle: ${idleWrites} (target 0): ${verdict(idleWrites === 0)}`,
		];
		return {name: 'status-idle', seconds, cpuPercent, baselinePercent, limitPercent, idleWrites, refreshes: sandbox.refreshes + machine.refreshes, pass, lines};
	} finally {
		await cluster.stop();
		await rm(root, {recursive: true, force: true});
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchStatusIdle({seconds: Number(process.argv[2] ?? 10)});
	for (const line of result.lines) process.stdout.write(`${line}\n`);
}
