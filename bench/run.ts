// npm run bench: every figure of issue 12 in one run, each a ratio against an anchor built or
// started in this same run, printed with its target and pass or FAIL; then all of them again on a
// loaded machine (a process started here keeps one core busy). It never fails: speed is judged
// here, by a person reading it, not by the test command. bench/README.md says what each figure is.
// A new benchmark is a file here exporting a function that returns a Figure (figures.ts); add it below.
import {spawn} from 'node:child_process';
import {errorMessage} from '../source/model/errors.js';
import {type Figure, notMeasured, passed} from './figures.js';

// Ink draws its live screen only outside CI; the benchmarks measure that screen. Set before the
// benchmark files (and Ink) are imported, since Ink reads it once.
process.env.CI = 'false';

type Benchmark = {name: string; run: () => Promise<Figure>; quietOnly?: string};

const benchmarks: Benchmark[] = [
	{name: 'first frame', run: async () => (await import('./first-frame.js')).benchFirstFrame()},
	{name: 'log pane', run: async () => (await import('./log-pane.js')).benchLogPane()},
	{name: 'status idle', run: async () => (await import('./status-idle.js')).benchStatusIdle()},
	{name: 'plain commands', run: async () => (await import('./plain-commands.js')).benchPlainCommands()},
	{name: 'answers file', run: async () => (await import('./answers-file.js')).benchAnswersFile()},
	{name: 'file preview', run: async () => (await import('./file-preview.js')).benchFilePreview()},
	// Minutes of lab per size: measured once, on the quiet machine.
	{name: 'cluster', run: async () => (await import('./cluster.js')).benchCluster(), quietOnly: 'the cluster figures are measured on the quiet machine only (each size is minutes of lab)'},
];

// `npm run bench -- "log pane" cluster`: only the figures named (all of them without a name).
const only = process.argv.slice(2);
const unknown = only.filter(name => !benchmarks.some(benchmark => benchmark.name === name));
if (unknown.length > 0) {
	process.stderr.write(`No benchmark named ${unknown.map(name => `"${name}"`).join(', ')}; the names are ${benchmarks.map(b => `"${b.name}"`).join(', ')}.\n`);
	process.exit(2);
}
const chosen = only.length > 0 ? benchmarks.filter(benchmark => only.includes(benchmark.name)) : benchmarks;

// One core kept busy by a process of our own, stopped by its pid.
function busyCore(): () => void {
	const child = spawn(process.execPath, ['-e', 'for (;;) {}'], {stdio: 'ignore'});
	return () => {
		child.kill('SIGKILL');
	};
}

async function runAll(load: 'quiet' | 'loaded'): Promise<{passed: number; failed: number; unmeasured: number}> {
	const tally = {passed: 0, failed: 0, unmeasured: 0};
	process.stdout.write(`\n== ${load === 'quiet' ? 'Quiet machine' : 'Loaded machine: one core kept busy by a process the bench started'}\n`);
	for (const benchmark of chosen) {
		let figure: Figure;
		if (load === 'loaded' && benchmark.quietOnly) figure = notMeasured(benchmark.name, benchmark.quietOnly);
		else {
			try {
				figure = await benchmark.run();
			} catch (error) {
				figure = notMeasured(benchmark.name, `it could not run: ${errorMessage(error)}`);
			}
		}
		for (const line of figure.lines) process.stdout.write(`${line}\n`);
		const verdict = passed(figure);
		if (verdict === undefined) tally.unmeasured++;
		else if (verdict) tally.passed++;
		else tally.failed++;
	}
	return tally;
}

const quiet = await runAll('quiet');
const stopLoad = busyCore();
let loaded: Awaited<ReturnType<typeof runAll>>;
try {
	loaded = await runAll('loaded');
} finally {
	stopLoad();
}
const summary = (name: string, t: typeof quiet) => `${name}: ${t.passed} pass, ${t.failed} FAIL, ${t.unmeasured} not measured`;
process.stdout.write(`\n${summary('quiet', quiet)}; ${summary('loaded', loaded)}\n`);
// Never a failing exit: the figures are for reading (issue 12), and a slow machine is not a broken build.
process.exitCode = 0;
