// Whether the log pane keeps up: 200,000 lines of command output (colour codes, carriage-return
// progress, as apt prints) read through the real command runner, once with no UI (counting the
// lines) and once into the LogPane rendered by Ink into a terminal-like sink. Figures are ratios
// of the two, measured in the same run: lines per second, and peak memory above what the process
// held once started (each measured in a fresh process). Run on its own:
// node --import tsx bench/log-pane.ts [lines]
import {fileURLToPath, pathToFileURL} from 'node:url';
import {execa} from 'execa';
import {render} from 'ink';
import {createElement} from 'react';
import {createCommandRunner} from '../source/system/runner.js';
import {LogBuffer} from '../source/ui/components/log-pane/log-buffer.js';
import {LogPane} from '../source/ui/components/log-pane/LogPane.js';
import {median, meets, ratioLine} from './figures.js';
import {TerminalSink} from './terminal-sink.js';

export type LogPaneResult = {
	name: string;
	lines: string[];
	pass: boolean;
	throughputRatio: number;
	memoryRatio: number;
};

// The child prints lines like apt's, in large writes, honouring back-pressure.
const producer = (count: number): string => `
const total = ${count};
let i = 0;
function line(n) {
	if (n % 10 === 0) return 'Progress: [ 10%]\\rProgress: [ 60%]\\rProgress: [100%] ' + n + '\\n';
	return '\\u001b[32mGet:' + n + '\\u001b[0m http://deb.debian.org/debian bookworm/main amd64 package-' + n + ' amd64 1.2.3-' + n + ' [' + (n % 997) + ' kB]\\n';
}
function more() {
	while (i < total) {
		let chunk = '';
		for (let j = 0; j < 1000 && i < total; j++) chunk += line(i++);
		if (!process.stdout.write(chunk)) return process.stdout.once('drain', more);
	}
}
more();
`;

type Variant = 'no-ui' | 'pane';

type Run = {seconds: number; peakBytes: number; counted: number};

// One variant, once, in this process: how long it took and how far memory rose above the start
// (the process's peak RSS, which the kernel keeps, less the RSS once everything was imported and
// the pane shown). The pane is on screen before the clock starts, as it is in the product before
// its command runs: its first frame is a cost of showing the screen, not of reading lines.
async function runVariant(variant: Variant, count: number): Promise<Run> {
	const read = variant === 'pane' ? await paneShown(count) : await readyWithoutUi(count);
	// What getting ready started (the compiler's work, collections) ends before the clock in both.
	await sleep(500);
	const start = process.memoryUsage().rss;
	const began = process.hrtime.bigint();
	const counted = await read();
	const seconds = Number(process.hrtime.bigint() - began) / 1e9;
	return {seconds, peakBytes: process.resourceUsage().maxRSS * 1024 - start, counted};
}

// Each variant runs in a fresh process, so one's garbage does not count against the other.
async function measure(variant: Variant, count: number): Promise<Run> {
	const file = fileURLToPath(import.meta.url);
	// React's production build, as the bundle the product ships defines (tsup.config.ts).
	const child = await execa(process.execPath, ['--import', 'tsx', file, '--variant', variant, String(count)], {env: {CI: 'false', NODE_ENV: 'production'}});
	return JSON.parse(child.stdout) as Run;
}

// Both variants read a command's lines through the runner before the clock, as the steps before
// the install (the key, apt-get update) do in the product: the runner's code is as warm in each.
const linesBefore = 20_000;

async function readLines(count: number, onLine: (line: string, stream: 'stdout' | 'stderr') => void): Promise<void> {
	const result = await createCommandRunner().run([process.execPath, '-e', producer(count)], {timeoutMs: 120_000, onLine});
	if (!result.ok) throw new Error(`the line producer failed: ${result.failure}`);
}

async function readyWithoutUi(count: number): Promise<() => Promise<number>> {
	await readLines(linesBefore, () => undefined);
	return async () => {
		let seen = 0;
		await readLines(count, () => seen++);
		return seen;
	};
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

// The pane on screen, waiting; then reading into it. In the product the pane's Ink is warm by
// then: the wizard's pages, and the steps before the install (the key, apt-get update), have drawn
// frames of this pane. Here the process is new, and its first frames of 30 lines ran Ink's output
// code (styledCharsToString, diffAnsiCodes) unoptimized, 50 to 150 ms each against 10 to 20 warm,
// while the optimizing compiler took them up: a command's lines and 20 frames come first.
async function paneShown(count: number): Promise<() => Promise<number>> {
	const stdout = new TerminalSink();
	const pane = (buffer: LogBuffer) => createElement(LogPane, {buffer, height: 30, empty: 'waiting for output'});
	const before = new LogBuffer(500);
	// Ink's types want a real stream; the sink has every member Ink uses for output.
	const app = render(pane(before), {stdout: stdout as unknown as NodeJS.WriteStream, patchConsole: false, exitOnCtrlC: false});
	await readLines(linesBefore, (line, stream) => before.push(line, stream));
	for (let frame = 0; frame < 20; frame++) {
		for (let n = 0; n < 30; n++) before.push(`Get:${n} http://deb.debian.org/debian bookworm/main amd64 step-before-${frame}-${n} amd64 1.2.3 [${n} kB]`);
		await shown(stdout, `step-before-${frame}-29 `, () => before.flush());
	}
	const buffer = new LogBuffer(500);
	await shown(stdout, 'waiting for output', () => app.rerender(pane(buffer)));
	// Done when the terminal shows the last line.
	stdout.awaited = `package-${count - 1} `;
	stdout.shown = false;
	return () => readIntoPane(count, buffer, stdout, () => app.unmount());
}

async function shown(stdout: TerminalSink, text: string, draw: () => void): Promise<void> {
	stdout.awaited = text;
	stdout.shown = false;
	draw();
	while (!stdout.shown) await sleep(5);
}

async function readIntoPane(count: number, buffer: LogBuffer, stdout: TerminalSink, unmount: () => void): Promise<number> {
	try {
		await readLines(count, (line, stream) => buffer.push(line, stream));
		buffer.flush();
		while (!stdout.shown) await sleep(5);
		return buffer.total;
	} finally {
		unmount();
	}
}

const throughputTarget = 0.75;
const memoryTarget = 1.1;

export async function benchLogPane(options: {lines?: number; rounds?: number} = {}): Promise<LogPaneResult> {
	const count = options.lines ?? 200_000;
	const rounds = options.rounds ?? 3;
	const plain: Run[] = [];
	const pane: Run[] = [];
	// Alternated, so that neither side always runs on a warmer process.
	for (let round = 0; round < rounds; round++) {
		plain.push(await measure('no-ui', count));
		pane.push(await measure('pane', count));
	}
	for (const run of [...plain, ...pane]) if (run.counted !== count) throw new Error(`read ${run.counted} lines, expected ${count}`);
	const plainRate = count / median(plain.map(r => r.seconds));
	const paneRate = count / median(pane.map(r => r.seconds));
	const plainPeak = median(plain.map(r => r.peakBytes));
	const panePeak = median(pane.map(r => r.peakBytes));
	const throughputRatio = paneRate / plainRate;
	const memoryRatio = panePeak / Math.max(plainPeak, 1);
	const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
	// The pane keeps three quarters of the reading rate, and holds no more than a tenth above what
	// reading alone does (the buffer keeps a fixed number of lines, so memory is flat in the count).
	const pass = meets(throughputRatio, throughputTarget, true) && meets(memoryRatio, memoryTarget, false);
	return {
		name: 'log-pane',
		throughputRatio,
		memoryRatio,
		pass,
		lines: [
			ratioLine(`log pane, ${count.toLocaleString('en')} lines (median of ${rounds}): ${Math.round(paneRate).toLocaleString('en')} lines/s through the pane against ${Math.round(plainRate).toLocaleString('en')} lines/s read with no UI`, throughputRatio, throughputTarget, true),
			ratioLine(`  peak memory above the start: ${mb(panePeak)} MB with the pane against ${mb(plainPeak)} MB with no UI`, memoryRatio, memoryTarget, false),
		],
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const [flag, variant, lines] = process.argv.slice(2);
	if (flag === '--variant') {
		process.stdout.write(JSON.stringify(await runVariant(variant === 'pane' ? 'pane' : 'no-ui', Number(lines))));
	} else {
		const result = await benchLogPane({lines: Number(flag ?? 200_000)});
		for (const line of result.lines) process.stdout.write(`${line}\n`);
	}
}
