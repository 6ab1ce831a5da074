// What the live status screen costs while nothing changes: the real screen, rendered by Ink into a
// terminal-like sink, watching a fixture cluster on 127.0.0.1 that never changes. CPU is measured
// for the whole process and the commands it starts (so it includes the fixture servers answering
// and `service X status`), against the same process with the same servers and no screen, over
// the same time, in the same run. Two screens are measured: one on a sandbox root (no system
// commands), one on this machine's root, which asks its init system about every service.
// Run on its own: node --import tsx bench/status-idle.ts [seconds]
import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {render} from 'ink';
import {createElement} from 'react';
import {createSystem, type System} from '../source/system/system.js';
import {StatusScreen} from '../source/ui/status/StatusScreen.js';
import {KeyRouterProvider} from '../source/ui/components/keys/KeyRouterProvider.js';
import {UseCasesProvider} from '../source/ui/UseCasesProvider.js';
import {type FixtureCluster, startCluster} from '../test/fixtures/cluster.js';
import {verdict} from './figures.js';

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

// A terminal as Ink sees one: a size, a write, resize events.
class TerminalSink extends EventEmitter {
	isTTY = true;
	columns = 120;
	rows = 40;
	writes = 0;
	write(_chunk: string): boolean {
		this.writes++;
		return true;
	}
}

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

// CPU microseconds of this process and of the children it has waited for (/proc/self/stat).
function cpuMicros(): number {
	const own = process.cpuUsage();
	const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
	// cutime and cstime, in clock ticks of 1/100 s on Linux.
	const children = (Number(fields[13]) + Number(fields[14])) * 10_000;
	return own.user + own.system + children;
}

async function cpuPercentOver(seconds: number): Promise<number> {
	const before = cpuMicros();
	const started = process.hrtime.bigint();
	await sleep(seconds * 1000);
	const wallMicros = Number(process.hrtime.bigint() - started) / 1000;
	return ((cpuMicros() - before) / wallMicros) * 100;
}

type Measured = {cpuPercent: number; idleWrites: number; refreshes: number};

async function measureScreen(system: System, cluster: FixtureCluster, seconds: number): Promise<Measured> {
	const stdout = new TerminalSink();
	const screen = createElement(StatusScreen, {endpoints: cluster.endpoints, onQuit: () => undefined});
	// Ink's types want real streams; these two have every member Ink uses.
	// As the app renders it: the System and its use cases in context, keys through the router.
	const app = render(createElement(UseCasesProvider, {system, children: createElement(KeyRouterProvider, {onStop: () => undefined, children: screen})}), {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: new IdleKeyboard() as unknown as NodeJS.ReadStream,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	try {
		// Warm up: the first snapshot renders (and asks the init system); after that nothing should.
		const first = cluster.marathon.hits.length;
		while (cluster.marathon.hits.length < first + 4) await sleep(50);
		await sleep(500);
		const writesBefore = stdout.writes;
		const hitsBefore = cluster.master.hits.length;
		const cpuPercent = await cpuPercentOver(seconds);
		// Each refresh asks the master three things: health, state, metrics.
		return {cpuPercent, idleWrites: stdout.writes - writesBefore, refreshes: Math.round((cluster.master.hits.length - hitsBefore) / 3)};
	} finally {
		app.unmount();
	}
}

export async function benchStatusIdle(options: {seconds?: number; limitPercent?: number} = {}): Promise<StatusIdleResult> {
	const seconds = options.seconds ?? 10;
	const limitPercent = options.limitPercent ?? 1;
	const cluster = await startCluster();
	const root = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-bench-'));
	try {
		// What an earlier benchmark left for the collector is not this screen's cost.
		(globalThis as {gc?: () => void}).gc?.();
		const baselinePercent = await cpuPercentOver(seconds);
		const sandbox = await measureScreen(await createSystem({root}), cluster, seconds);
		// This machine's root, read only: the screen reads files, probes and asks the init system.
		const machine = await measureScreen(await createSystem({dryRun: true}), cluster, seconds);
		const cpuPercent = Math.max(sandbox.cpuPercent, machine.cpuPercent);
		const idleWrites = sandbox.idleWrites + machine.idleWrites;
		const pass = cpuPercent <= limitPercent && idleWrites === 0;
		const within = (percent: number) => `(target ≤ ${limitPercent}% of one core): ${verdict(percent <= limitPercent)}`;
		const lines = [
			`status screen idle, sandbox root, stand-ins on loopback: ${sandbox.cpuPercent.toFixed(2)}% of one core over ${seconds} s, ${sandbox.refreshes} refreshes ${within(sandbox.cpuPercent)}`,
			`status screen idle, this machine (init system asked): ${machine.cpuPercent.toFixed(2)}%, ${machine.refreshes} refreshes ${within(machine.cpuPercent)}`,
			`  the same process without the screen: ${baselinePercent.toFixed(2)}%; frames written while idle: ${idleWrites} (target 0): ${verdict(idleWrites === 0)}`,
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
