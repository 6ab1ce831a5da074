// DEV=true is a name shells and CI setups set for their own reasons; Ink reads it as "connect to
// React DevTools", which the bundle does not carry (scripts/build/ink-without-devtools.ts). The
// screens must open as they do without it, and ask no DevTools server. Needs dist/cli.js.
import {expect, it} from 'vitest';
import {startBuiltCli} from '../helpers/built-cli.js';
import {tempRoot} from '../helpers/temp-root.js';

it('opens the wizard with DEV=true in the environment', async () => {
	const root = await tempRoot();
	const session = await startBuiltCli({name: 'dev-variable', args: ['--root', root], env: {DEV: 'true'}});
	const screen = await session.waitFor('Press Enter to begin');
	expect(screen).not.toMatch(/failed unexpectedly|is not a function|DevTools/i);
});
