// How soon the wizard shows: from spawn to the first frame with visible text, on a real terminal
// (bench/pty.ts), for `mesos-setup --root <fresh sandbox>` (dist/cli.js, as `npm run bench` built
// it) against an Ink hello-world bundled in this run like the product (bench/build-like-product.ts).
// Alternated, a median of several; each process is stopped by its pid once it drew.
// Run on its own: npm run build && node --import tsx bench/first-frame.ts
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {buildLikeProduct} from './build-like-product.js';
import {runOnPty} from './pty.js';
import {type Figure, median, ratioLine} from './figures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'dist', 'cli.js');

async function firstFrameOf(argv: string[]): Promise<number> {
	const run = runOnPty(argv);
	try {
		return await run.firstFrame;
	} finally {
		await run.stop();
	}
}

export async function benchFirstFrame(options: {rounds?: number; target?: number} = {}): Promise<Figure> {
	const rounds = options.rounds ?? 9;
	const target = options.target ?? 1.2;
	const work = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-bench-frame-'));
	try {
		const hello = path.join(work, 'hello-world.js');
		await buildLikeProduct(path.join(here, 'hello-world.tsx'), hello);
		const anchor: number[] = [];
		const wizard: number[] = [];
		// One of each first, unmeasured: the files are then in the page cache for both.
		await firstFrameOf([process.execPath, hello]);
		await firstFrameOf([process.execPath, cli, '--root', await mkdtemp(path.join(work, 'root-'))]);
		for (let round = 0; round < rounds; round++) {
			anchor.push(await firstFrameOf([process.execPath, hello]));
			// A fresh sandbox each time: the wizard of a machine never set up.
			wizard.push(await firstFrameOf([process.execPath, cli, '--root', await mkdtemp(path.join(work, 'root-'))]));
		}
		const ratio = median(wizard) / median(anchor);
		return {
			name: 'first frame',
			ratio,
			target,
			higherIsBetter: false,
			lines: [ratioLine(`first frame of the wizard (--root, fresh sandbox): ${median(wizard).toFixed(0)} ms against an Ink hello-world's ${median(anchor).toFixed(0)} ms (median of ${rounds})`, ratio, target, false)],
		};
	} finally {
		await rm(work, {recursive: true, force: true});
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchFirstFrame();
	for (const line of result.lines) process.stdout.write(`${line}\n`);
}
