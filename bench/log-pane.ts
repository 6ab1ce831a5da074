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
import {LogPane} from '../source/ui/components/log-pane/log-pane.js';
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
	const read = variant === 'pane' ? await paneShown(count) : async () => readWithoutUi(count);
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

async function readWithoutUi(count: number): Promise<number> {
	let seen = 0;
	const result = await createCommandRunner().run([process.execPath, '-e', producer(count)], {timeoutMs: 120_000, onLine: () => seen++});
	if (!result.ok) throw new Error(`the line producer failed: ${result.failure}`);
	return seen;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

// The pane on screen, waiting; then reading into it.
async function paneShown(count: number): Promise<() => Promise<number>> {
	const stdout = new TerminalSink();
	stdout.awaited = 'waiting for output';
	const buffer = new LogBuffer(500);
	// Ink's types want a real stream; the sink has every member Ink uses for output.
	const app = render(createElement(LogPane, {buffer, height: 30, empty: 'waiting for output'}), {stdout: stdout as unknown as NodeJS.WriteStream, patchConsole: false, exitOnCtrlC: false});
	while (!stdout.shown) await sleep(5);
	// Done when the terminal shows the last line.
	stdout.awaited = `package-${count - 1} `;
	stdout.shown = false;
	return () => readIntoPane(count, buffer, stdout, () => app.unmount());
}

async function readIntoPane(count: number, buffer: LogBuffer, stdout: TerminalSink, unmount: () => void): Promise<number> {
	try {
		const result = await createCommandRunner().run([process.execPath, '-e', producer(count)], {timeoutMs: 120_000, onLine: (line, stream) => buffer.push(line, stream)});
		if (!result.ok) throw new Error(`the line producer failed: ${result.failure}`);
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
