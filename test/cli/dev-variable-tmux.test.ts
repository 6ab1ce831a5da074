// DEV=true is a name shells and CI setups set for their own reasons; Ink reads it as "connect to
// React DevTools", which the bundle does not carry (scripts/build/ink-without-devtools.ts). The
// screens must open as they do without it. The bundle runs from a folder of its own, as the
// executable unpacks it: no package.json of Ink's or of ours beside or above it. Needs dist/cli.js.
import {copyFile, mkdir} from 'node:fs/promises';
import path from 'node:path';
import {expect, it} from 'vitest';
import {startBuiltCli} from '../helpers/built-cli.js';
import {cliPath} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';

it('opens the wizard with DEV=true in the environment, from a bundle alone in its folder', async () => {
	const work = await tempRoot();
	const cli = path.join(work, 'unpacked', 'cli.mjs');
	await mkdir(path.dirname(cli));
	await copyFile(cliPath, cli);
	const root = path.join(work, 'root');
	await mkdir(root);
	const session = await startBuiltCli({name: `dev-variable-${path.basename(work)}`, cli, args: ['--root', root], env: {DEV: 'true'}});
	const screen = await session.waitFor('Press Enter to begin');
	expect(screen).not.toMatch(/failed unexpectedly|is not a function|ENOENT/);
});
