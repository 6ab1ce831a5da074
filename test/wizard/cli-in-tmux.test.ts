// The built CLI in a real terminal (tmux, 120×40): every screen accepted with Enter in a --root
// sandbox, then the files on disk checked against the catalogue. Needs dist/cli.js (npm test
// builds it first).
import {readdir} from 'node:fs/promises';
import path from 'node:path';
import {expect, it} from 'vitest';
import {articleMachine} from '../../source/model/facts.js';
import {tempRoot} from '../helpers/temp-root.js';
import {startBuiltCli} from '../tmux/built-cli.js';
import {expectCatalogueDefaults} from './catalogue-defaults.js';
import {acceptPage, pagesFor, tmuxScreen} from './walk.js';


it('walks the whole setup in a terminal, accepting the defaults, and writes them', async () => {
	const root = await tempRoot();
	const session = await startBuiltCli({
		name: `wizard-${path.basename(root)}`,
		args: ['--root', root],
		// Ink draws its live screen only where it does not think it runs in CI.
	});
	const screen = tmuxScreen(session);
	const welcome = await session.waitFor('Press Enter to begin');
	expect(welcome).toContain(`mesos-setup · guided setup · rehearsal in ${root}`);
	expect(welcome).toContain('▸ Welcome');
	// Without os-release in the root, the article's machine is assumed (ubuntu trusty, upstart).
	for (const page of pagesFor(articleMachine)) {
		if (page.kind === 'done') {
			const done = await session.waitFor('Press Enter to exit');
			expect(done).toContain('✔ The setup is complete.');
			expect(done).toContain('Mesos master: http://127.0.0.1:5050');
			// The frame is shorter than the terminal, so Ink never scrolled or cleared it: the title
			// is still on the first row and the key help on a row of its own below the screen.
			expect(done.split('\n')[0]).toBe(`mesos-setup · guided setup · rehearsal in ${root}`);
			expect(done.split('\n').at(-1)).toBe('Enter exit');
		}
		await acceptPage(screen, page);
		if (page.id === 'preflight') await session.waitFor(/✔ Preflight[\s\S]*▸ Repository key/);
	}
	expect(await session.waitForExit()).toBe(0);
	await expectCatalogueDefaults(root, articleMachine);
	expect(await readdir(path.join(root, 'var/log/mesos-setup'))).toHaveLength(1);
});
