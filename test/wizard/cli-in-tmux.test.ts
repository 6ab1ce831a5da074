// The built CLI in a real terminal (tmux, 120×40): every screen accepted with Enter in a --root
// sandbox, then the files on disk checked against the catalogue. Needs dist/cli.js (npm test
// builds it first).
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {expect, it} from 'vitest';
import {articleMachine} from '../../source/model/facts.js';
import {tempRoot} from '../helpers/temp-root.js';
import {startBuiltCli} from '../helpers/built-cli.js';
import {expectCatalogueDefaults} from './catalogue-defaults.js';
import {askedSettings} from '../../source/model/wizard-pages.js';
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
		if (page.id === 'preflight') await session.waitFor(/✔ Preflight[\s\S]*▸ Settings/);
		if (page.id === 'settings') {
			// The summary before the run: every file new in an empty sandbox, the counts under the list.
			const summary = await session.waitFor('Press Enter to start the run');
			expect(summary).toMatch(/\d+ commands to run; files: 21 new\./);
			expect(summary).toContain('❯ ✎ /etc/apt/sources.list.d/mesosphere.list   (new file)');
		}
	}
	expect(await session.waitForExit()).toBe(0);
	await expectCatalogueDefaults(root, articleMachine);
	expect(await readdir(path.join(root, 'var/log/mesos-setup'))).toHaveLength(1);
});

it('applies keys sent together in one send-keys, at a field, the list and the summary, and writes exactly what was typed', async () => {
	const root = await tempRoot();
	const session = await startBuiltCli({name: `keys-together-${path.basename(root)}`, args: ['--root', root]});
	const screen = tmuxScreen(session);
	const pages = pagesFor(articleMachine);
	for (const page of pages.slice(0, pages.findIndex(p => p.id === 'settings'))) await acceptPage(screen, page);
	await session.waitFor('❯ Continue with these values');
	// Down to the server id and open it, together.
	const item = 2 + askedSettings(pages).indexOf('zookeeper.myid');
	await session.keysTogether(...Array<string>(item).fill('Down'), 'Enter');
	await session.waitFor('▸ ZooKeeper server id');
	// Backspace and 2 (the keys that once left "21" and a hidden DEL), up to the servers asked
	// before it, cleared and typed, and the Enters that end the page: all at once.
	await session.keysTogether('BSpace', '2', 'Up', 'Up', 'C-u', '2=127.0.0.1:2888:3888', 'Enter', 'Enter', 'Enter');
	// Back on the list, on the setting that was opened.
	await session.waitFor(/\* ZooKeeper servers +2=127\.0\.0\.1:2888:3888[\s\S]*❯ \* ZooKeeper server id +2\s/);
	// Up to "continue" and on to the summary; there the second file's diff, together.
	await session.keysTogether(...Array<string>(item).fill('Up'), 'Enter');
	await session.waitFor('Press Enter to start the run');
	await session.keysTogether('Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'd');
	await session.waitFor('+ server.2=127.0.0.1:2888:3888');
	await session.keysTogether('d', 'Enter');
	await session.waitFor('Press Enter to finish');
	expect(await readFile(path.join(root, 'etc/zookeeper/conf/myid'), 'utf8')).toBe('2\n');
	const zooCfg = await readFile(path.join(root, 'etc/zookeeper/conf/zoo.cfg'), 'utf8');
	expect(zooCfg).toContain('server.2=127.0.0.1:2888:3888\n');
	expect(zooCfg).not.toContain('server.1=');
	expect(zooCfg).toContain('dataDir=/var/lib/zookeeper\n');
});
