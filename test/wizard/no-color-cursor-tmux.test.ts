// Under NO_COLOR there is no inverse either (chalk is off), so the text cursor is drawn in the text:
// an underscore after the end, a combining low line under the character it stands on. Seen in a
// real terminal (tmux, 80×24) with the built CLI on a --root sandbox; with colour, inverse as before.
import path from 'node:path';
import {expect, it} from 'vitest';
import {startBuiltCli} from '../helpers/built-cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import type {TmuxSession} from '../helpers/tmux.js';

async function keyPage(env: Record<string, string>): Promise<TmuxSession> {
	const root = await tempRoot();
	const session = await startBuiltCli({name: `cursor-${path.basename(root)}`, args: ['--root', root], env, width: 80, height: 24});
	await session.waitFor('Press Enter to begin');
	await session.key('Enter');
	await session.waitFor('Press Enter to go on to the settings');
	await session.key('Enter');
	// The settings at a glance: ↓ to the walk of every page, whose first field is the package source.
	await session.waitFor('❯ Continue with these values');
	await session.key('Down');
	await session.waitFor('❯ Walk through every page');
	await session.key('Enter');
	// The package source is asked first; Enter keeps the article's and moves to the key server.
	await session.waitFor('▸ Package source');
	await session.key('Enter');
	await session.waitFor('▸ Key server');
	return session;
}

const fieldRow = (screen: string): string => screen.split('\n').find(row => row.startsWith('▸ Key server')) ?? '';

it('shows where typing lands under NO_COLOR: after the end, then on the character under it', async () => {
	const session = await keyPage({NO_COLOR: '1'});
	expect(fieldRow(await session.waitFor('keyserver.ubuntu.com_'))).toMatch(/ keyserver\.ubuntu\.com_$/);
	await session.key('Left');
	const moved = await session.waitFor('keyserver.ubuntu.com\u0332');
	expect(fieldRow(moved)).toMatch(/ keyserver\.ubuntu\.com\u0332$/);
	// What is typed goes where the mark is.
	await session.key('x');
	expect(fieldRow(await session.waitFor('keyserver.ubuntu.cox'))).toMatch(/ keyserver\.ubuntu\.coxm\u0332$/);
});

it('keeps the inverse cursor where there is colour', async () => {
	const session = await keyPage({NO_COLOR: '', FORCE_COLOR: '1'});
	const screen = await session.capture({escapes: true});
	expect(screen).toMatch(/keyserver\.ubuntu\.com\u001B\[[\d;]*7[\d;]*m/);
	expect(screen).not.toContain('keyserver.ubuntu.com_');
});
