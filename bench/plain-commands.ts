// The plain paths against start-up: wall time of `setup --yes --root <fresh sandbox>` and of
// `plan --root <sandbox>` against `mesos-setup --version` (the same bundle loading and doing
// nothing), each spawned with no terminal, alternated, a median of several. On a shared virtual
// machine one start of the same bundle may take twice another's time, run to run: the spread of
// --version's own runs is printed beside the figure, so a reader can tell a change from the noise,
// and so are the instructions each run executes (instructions.ts), which do not change with load.
// Run on its own: npm run build && node --import tsx bench/plain-commands.ts
import {spawnSync} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {type Figure, median, meets, ratioLine} from './figures.js';
import {countInstructions} from './instructions.js';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

function wallMs(args: string[]): number {
	const began = performance.now();
	const run = spawnSync(process.execPath, [cli, ...args], {stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, CI: 'true'}});
	const ms = performance.now() - began;
	if (run.status !== 0) throw new Error(`mesos-setup ${args.join(' ')} exited ${run.status}: ${run.stderr.toString().trim().slice(0, 300)}`);
	return ms;
}

// The counts of --version, setup and plan, as a line; taken once per bench (the loaded run would
// count the same), each on a fresh sandbox as the timed runs are.
let countedLine: string | undefined;
async function instructionsLine(work: string): Promise<string> {
	if (countedLine) return `${countedLine} (counted in the first run: a count does not change with load)`;
	const version = countInstructions(cli, ['--version']);
	const setup = countInstructions(cli, ['setup', '--yes', '--root', await mkdtemp(path.join(work, 'counted-setup-'))]);
	const plan = countInstructions(cli, ['plan', '--root', await mkdtemp(path.join(work, 'counted-plan-'))]);
	if (!('instructions' in version) || !('instructions' in setup) || !('instructions' in plan)) {
		const why = [version, setup, plan].find(counted => 'unavailable' in counted);
		return `  instructions not counted: ${why && 'unavailable' in why ? why.unavailable : 'no count'}`;
	}
	const millions = (count: number) => `${(count / 1e6).toFixed(0)} M`;
	countedLine = `  instructions executed (callgrind; wall time above also holds waits): setup ${millions(setup.instructions)}, ${(setup.instructions / version.instructions).toFixed(2)}×, and plan ${millions(plan.instructions)}, ${(plan.instructions / version.instructions).toFixed(2)}×, --version's ${millions(version.instructions)}`;
	return countedLine;
}

export async function benchPlainCommands(options: {rounds?: number; target?: number} = {}): Promise<Figure> {
	// 15: with 9 the same build read 1.29 to 1.51 within an hour here (2026-12-01).
	const rounds = options.rounds ?? 15;
	const target = options.target ?? 1.3;
	const work = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-bench-plain-'));
	try {
		const planRoot = await mkdtemp(path.join(work, 'plan-'));
		const version: number[] = [];
		const setup: number[] = [];
		const plan: number[] = [];
		// Once each, unmeasured, so the bundle is in the page cache for all three.
		wallMs(['--version']);
		wallMs(['plan', '--root', planRoot]);
		for (let round = 0; round < rounds; round++) {
			version.push(wallMs(['--version']));
			setup.push(wallMs(['setup', '--yes', '--root', await mkdtemp(path.join(work, 'setup-'))]));
			plan.push(wallMs(['plan', '--root', planRoot]));
		}
		const setupRatio = median(setup) / median(version);
		const planRatio = median(plan) / median(version);
		return {
			name: 'plain commands',
			ratio: Math.max(setupRatio, planRatio),
			target,
			pass: meets(setupRatio, target, false) && meets(planRatio, target, false),
			lines: [
				ratioLine(`setup --yes --root (fresh sandbox): ${median(setup).toFixed(0)} ms against --version's ${median(version).toFixed(0)} ms (median of ${rounds})`, setupRatio, target, false),
				ratioLine(`plan --root: ${median(plan).toFixed(0)} ms against --version's ${median(version).toFixed(0)} ms`, planRatio, target, false),
				`  --version's own ${rounds} runs took ${Math.min(...version).toFixed(0)} to ${Math.max(...version).toFixed(0)} ms: the machine's run-to-run noise`,
				await instructionsLine(work),
			],
		};
	} finally {
		await rm(work, {recursive: true, force: true});
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchPlainCommands();
	for (const line of result.lines) process.stdout.write(`${line}\n`);
}
