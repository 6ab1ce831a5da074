// The built CLI in the smallest common terminal (tmux, 80×24) on a --root sandbox: every screen
// keeps its prompt in view, long explanations wrap instead of being cut, and NO_COLOR leaves no
// colour on the screen. Needs dist/cli.js (npm test builds it first).
import path from 'node:path';
import {expect, it} from 'vitest';
import {articleMachine} from '../../source/model/facts.js';
import {tempRoot} from '../helpers/temp-root.js';
import {startBuiltCli} from '../helpers/built-cli.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {acceptPage, pagesFor, tmuxScreen} from './walk.js';

async function wizardAt80x24(name: string, env: Record<string, string>): Promise<{session: TmuxSession; root: string}> {
	const root = await tempRoot();
	const session = await startBuiltCli({
		name: `${name}-${path.basename(root)}`,
		args: ['--root', root],
		// Ink draws its live screen only where it does not think it runs in CI.
		env,
		width: 80,
		height: 24,
	});
	return {session, root};
}

// Select Graphic Rendition: colour, bold, dim and the like.
const sgr = /\u001B\[[\d;]*m/;

it('shows the summary at 80×24: the list scrolls with the cursor, the prompt stays in view', async () => {
	const {session} = await wizardAt80x24('summary', {NO_COLOR: '1'});
	const screen = tmuxScreen(session);
	const pages = pagesFor(articleMachine);
	for (const page of pages.slice(0, pages.findIndex(p => p.id === 'summary'))) await acceptPage(screen, page);
	const top = await session.waitFor('Press Enter to start the run');
	expect(top.split('\n')[0]).toMatch(/^mesos-setup · step 4 of 11: Summary/);
	expect(top).toContain('❯ ✎ /etc/apt/sources.list.d/mesosphere.list   (new file)');
	expect(top.split('\n').at(-1)).toMatch(/^Enter start the run · ↑↓ choose a file · d show its diff/);
	// A long command wraps under its start instead of being cut.
	expect(top).toMatch(/\$ gpg --batch --keyserver keyserver\.ubuntu\.com --recv-keys\n {6,}[0-9A-F]{40}/);
	// Twenty Downs at once: each is applied in order, whatever the terminal hands over in one read.
	await session.keysTogether(...Array<string>(20).fill('Down'));
	const bottom = await session.waitFor('❯ ✎ /etc/marathon/conf/zk   (new file)');
	expect(bottom).not.toContain('mesosphere.list');
	expect(bottom).toContain('Press Enter to start the run');
	expect(bottom.split('\n').length).toBeLessThanOrEqual(24);
	expect(bottom.split('\n').every(line => line.length <= 80)).toBe(true);
});

it('draws no colour under NO_COLOR, and colour without it', async () => {
	const plain = await wizardAt80x24('no-color', {NO_COLOR: '1'});
	const coloured = await wizardAt80x24('colour', {NO_COLOR: '', FORCE_COLOR: '1'});
	for (const {session} of [plain, coloured]) {
		await session.waitFor('Press Enter to begin');
		await session.key('Enter');
		await session.waitFor('Press Enter to go on to the settings');
	}
	// The preflight screen has green, yellow and dim text, a bold title and a cyan name.
	expect(await coloured.session.capture({escapes: true})).toMatch(sgr);
	expect(await plain.session.capture({escapes: true})).not.toMatch(sgr);
});
