// npm run bench: every benchmark, one file each, in one run; each reports its figures as ratios
// against a baseline measured in the same run, and whether it passes. Exit 1 if any fails.
// A new benchmark is a file here exporting a function that returns {name, pass, lines}; add it below.
import {errorMessage} from '../source/model/errors.js';

type BenchResult = {name: string; pass: boolean; lines: string[]};

// Ink draws its live screen only outside CI; the benchmarks measure that screen. Set before the
// benchmark files (and Ink) are imported, since Ink reads it once.
process.env.CI = 'false';

const benchmarks: {name: string; run: () => Promise<BenchResult>}[] = [
	{name: 'log-pane', run: async () => (await import('./log-pane.js')).benchLogPane()},
	{name: 'status-idle', run: async () => (await import('./status-idle.js')).benchStatusIdle()},
	{name: 'answers-file', run: async () => (await import('./answers-file.js')).benchAnswersFile()},
	{name: 'file-preview', run: async () => (await import('./file-preview.js')).benchFilePreview()},
];

let failed = 0;
for (const benchmark of benchmarks) {
	try {
		const result = await benchmark.run();
		for (const line of result.lines) process.stdout.write(`${line}\n`);
		if (!result.pass) failed++;
	} catch (error) {
		failed++;
		process.stdout.write(`${benchmark.name}: could not run: ${errorMessage(error)}\n`);
	}
}
process.exitCode = failed > 0 ? 1 : 0;
