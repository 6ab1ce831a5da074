// Parsing an answers file grows in line with its size (issue 9: a 2.4 MB YAML file took over 12
// minutes, the yaml package's own duplicate-key check being quadratic). Files of one size and of
// four times that size, of the shapes that were slow (many keys; many nested keys; JSON), are
// parsed; four times the bytes must take well under sixteen times as long. Unknown ids are refused
// as they would be, so the whole path to the refusal is timed.
import {pathToFileURL} from 'node:url';
import {parseAnswers} from '../source/system/answers-file.js';

type BenchResult = {name: string; pass: boolean; lines: string[]};

const shapes: Record<string, (keys: number) => string> = {
	'flat YAML keys': keys => Array.from({length: keys}, (_, i) => `key${i}: value`).join('\n'),
	'nested YAML keys': keys => Array.from({length: keys}, (_, i) => `group${i}:\n  key: value`).join('\n'),
	'JSON keys': keys => JSON.stringify(Object.fromEntries(Array.from({length: keys}, (_, i) => [`key${i}`, 'value']))),
};

function timeParse(text: string): number {
	// npm run bench runs node with --expose-gc: no collection left over from the last parse is timed.
	(globalThis as {gc?: () => void}).gc?.();
	const started = process.hrtime.bigint();
	try {
		parseAnswers(text, 'answers.yaml');
	} catch (error) {
		// Refused (unknown ids): that is the path being timed.
		if (!(error instanceof Error)) throw error;
	}
	return Number(process.hrtime.bigint() - started) / 1e6;
}

// The best of five, so a busy machine's pauses do not decide.
const best = (text: string): number => Math.min(...Array.from({length: 5}, () => timeParse(text)));

export async function benchAnswersFile(keys = 6000): Promise<BenchResult> {
	const lines: string[] = [];
	let pass = true;
	for (const [shape, make] of Object.entries(shapes)) {
		const small = make(keys);
		const large = make(keys * 4);
		const ratio = best(large) / best(small);
		// Linear is 4; quadratic would be 16.
		const ok = ratio < 8;
		pass &&= ok;
		lines.push(`answers-file ${shape}: ${(large.length / 1024).toFixed(0)} KB takes ${ratio.toFixed(1)}× as long as ${(small.length / 1024).toFixed(0)} KB (linear 4×, quadratic 16×; pass under 8×): ${ok ? 'pass' : 'FAIL'}`);
	}
	return {name: 'answers-file', pass, lines};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchAnswersFile();
	for (const line of result.lines) process.stdout.write(`${line}\n`);
	process.exitCode = result.pass ? 0 : 1;
}
