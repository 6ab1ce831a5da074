// The built CLI in the smallest common terminal (tmux, 80×24) on a --root sandbox: every screen
// keeps its prompt in view, long explanations wrap instead of being cut, and NO_COLOR leaves no
// colour on the screen. Needs dist/cli.js (npm test builds it first).
import path from 'node:path';
import {expect, it} from 'vitest';
import {articleMachine} from '../../source/model/facts.js';
import {findSetting} from '../../source/model/settings.js';
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

it('shows the whole overrides step at 80×24: five previews scroll, the prompt stays in view', async () => {
	const {session} = await wizardAt80x24('overrides', {NO_COLOR: '1'});
	const screen = tmuxScreen(session);
	const pages = pagesFor(articleMachine);
	for (const page of pages.slice(0, pages.findIndex(p => p.id === 'overrides'))) await acceptPage(screen, page);
	const top = await session.waitFor(/↓ \d+ more lines?, \d+ more files? \(↓ to scroll\)/);
	expect(top).toContain('Press Enter to write them.');
	expect(top.split('\n')[0]).toMatch(/^mesos-setup · step 6 of 9: Service overrides/);
	expect(top).toContain('/etc/init/chronos.override · new file');
	expect(top.split('\n').at(-1)).toBe('Enter write them · ↑↓ scroll · f whole file · Esc back · q quit');
	// Ten Downs at once: each is applied in order, whatever the terminal hands over in one read.
	await session.keysTogether(...Array<string>(10).fill('Down'));
	const bottom = await session.waitFor('/etc/init/mesos-slave.override · new file');
	expect(bottom).toMatch(/↑ \d+ more lines \(↑ to scroll\)/);
	expect(bottom).toContain('Press Enter to write them.');
	expect(bottom.split('\n')[0]).toMatch(/^mesos-setup · step 6 of 9: Service overrides/);
});

it('wraps why a step was skipped instead of cutting it (the key import in a sandbox)', async () => {
	const {session} = await wizardAt80x24('key-skipped', {NO_COLOR: '1'});
	const screen = tmuxScreen(session);
	const pages = pagesFor(articleMachine);
	for (const page of pages.slice(0, pages.findIndex(p => p.id === 'key'))) await acceptPage(screen, page);
	// Each field's own focus mark before its Enter: a second Enter sent before the first was drawn
	// would be read against the screen before it.
	for (const id of pages.find(p => p.id === 'key')?.fields ?? []) {
		await session.waitFor(`▸ ${findSetting(id)?.label}`);
		await session.key('Enter');
	}
	await session.waitFor('Press Enter to run it.');
	await session.key('Enter');
	const done = await session.waitFor('✔ Repository key done.');
	// The title row may cut the sandbox's path; the screen below it cuts nothing.
	expect(done.split('\n').slice(1).join('\n')).not.toContain('…');
	expect(done.replaceAll(/\s+/g, ' ')).toMatch(/– Import key [0-9A-F]{40} from keyserver\.ubuntu\.com \(--root: system commands are not run\)/);
});

it('draws no colour under NO_COLOR, and colour without it', async () => {
	const plain = await wizardAt80x24('no-color', {NO_COLOR: '1'});
	const coloured = await wizardAt80x24('colour', {NO_COLOR: '', FORCE_COLOR: '1'});
	for (const {session} of [plain, coloured]) {
		await session.waitFor('Press Enter to begin');
		await session.key('Enter');
		await session.waitFor('Press Enter to go on to the repository key.');
	}
	// The preflight screen has green, yellow and dim text, a bold title and a cyan name.
	expect(await coloured.session.capture({escapes: true})).toMatch(sgr);
	expect(await plain.session.capture({escapes: true})).not.toMatch(sgr);
});
