// The stop signals in a real process, with conf loaded as in the CLI: one SIGINT lets the program
// stop what runs and say so before it exits 130; a second one ends it at once.
import {fileURLToPath} from 'node:url';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {waitFor} from '../helpers/wait-for.js';

const program = fileURLToPath(new URL('../fixtures/stop-signals-main.ts', import.meta.url));

function start() {
	const child = execa(process.execPath, ['--import', 'tsx', program], {reject: false});
	let out = '';
	let err = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		out += chunk.toString('utf8');
	});
	child.stderr?.on('data', (chunk: Buffer) => {
		err += chunk.toString('utf8');
	});
	return {child, said: () => out, complained: () => err};
}

describe('stop signals', () => {
	it('a first SIGINT stops what runs, which finishes saying so, and the program exits 130', async () => {
		const {child, said} = start();
		await waitFor('the program to start', () => said().includes('ready'), 30_000);
		child.kill('SIGINT');
		const result = await child;
		expect(result.exitCode).toBe(130);
		expect(result.stderr).toBe('stopping on SIGINT');
		expect(result.stdout).toBe('ready\nstopped what ran');
	}, 60_000);

	it('a second signal ends it at once', async () => {
		const {child, said, complained} = start();
		await waitFor('the program to start', () => said().includes('ready'), 30_000);
		child.kill('SIGTERM');
		await waitFor('the first signal', () => complained().includes('stopping on SIGTERM'));
		child.kill('SIGINT');
		const result = await child;
		expect(result.exitCode).toBe(130);
		expect(result.stdout).toBe('ready');
	}, 60_000);
});
