// Under NO_COLOR chalk is off, so Ink's inverse is gone with the colours; the text cursor is then
// reverse video written by the field itself (reverse video is not colour), and nothing else on the
// screen has an attribute or a colour. Seen in a real terminal (tmux, 80×24) with the built CLI on
// a --root sandbox; with colour, Ink's inverse as before.
import path from 'node:path';
import {expect, it} from 'vitest';
import {startBuiltCli} from '../helpers/built-cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {waitFor} from '../helpers/wait-for.js';
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


// SGR parameters that set a colour: 30–38, 40–48, 90–97, 100–107.
const colourSgr = /\u001B\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;
// tmux drops a row's trailing spaces from a capture, the reversed one after the end too: there the
// reverse escape ends the row.
const reversed = (before: string, cell: string): RegExp => new RegExp(`${before}\u001B\\[[\\d;]*7[\\d;]*m${cell === ' ' ? '(?: |$)' : cell}`, 'm');

// The screen with its attributes, once the cursor stands on `cell` after `before`.
const cursorOn = (session: TmuxSession, before: string, cell: string): Promise<string> =>
	waitFor(`the cursor on "${cell}" after "${before}"`, async () => {
		const screen = await session.capture({escapes: true});
		return reversed(before, cell).test(screen) ? screen : undefined;
	});

it('shows where typing lands under NO_COLOR in reverse video, with no colour', async () => {
	const session = await keyPage({NO_COLOR: '1'});
	const screen = await cursorOn(session, 'keyserver\\.ubuntu\\.com', ' ');
	expect(screen).not.toMatch(colourSgr);
	expect(screen).not.toContain('keyserver.ubuntu.com_');
	await session.key('Left');
	await cursorOn(session, 'keyserver\\.ubuntu\\.co', 'm');
	// What is typed goes where the mark is.
	await session.key('x');
	await cursorOn(session, 'keyserver\\.ubuntu\\.cox', 'm');
});

it('keeps the inverse cursor where there is colour', async () => {
	const session = await keyPage({NO_COLOR: '', FORCE_COLOR: '1'});
	const screen = await session.capture({escapes: true});
	expect(screen).toMatch(/keyserver\.ubuntu\.com\u001B\[[\d;]*7[\d;]*m/);
	expect(screen).not.toContain('keyserver.ubuntu.com_');
});
