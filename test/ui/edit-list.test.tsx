// The edit screen's list in an 80×24 terminal (review 3, #23 and the list's ends) and its package
// source (review 3, #11): the list fills its rows and says how many settings are out of view above
// and below; ↑ at the first and ↓ at the last stay there; a source whose own settings the list
// cannot offer says the command that sets them.
import {afterEach, describe, expect, it} from 'vitest';
import {runSetupYes} from '../../source/commands/setup-yes.js';
import {createSystem} from '../../source/system/system.js';
import {EditScreen} from '../../source/ui/edit/EditScreen.js';
import {press, pressExpectingNoChange, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';
import {renderScreen} from './render-screen.js';
import {resizeTo} from './render-wizard.js';

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

// The edit screen on a sandbox set up with the defaults, in a terminal of `size`.
async function showEdit(size: {columns: number; rows: number}) {
	const root = await tempRoot();
	expect(await runSetupYes(await createSystem({root}), {}, {out: () => undefined, err: () => undefined, color: false})).toBe(0);
	const system = await createSystem({root});
	const screen = renderScreen(system, <EditScreen onBack={() => undefined} />);
	unmount = screen.unmount;
	resizeTo(screen, size);
	return {screen, root: system.root};
}

const settingRow = /^(?:❯ | {2})\S/;
const settingsShown = (frame: string): number => frame.split('\n').filter(line => settingRow.test(line) && !line.includes('·')).length;
// The last file's last setting: the installer's own, kept in the saved answers.
const lastSetting = 'How the key is trusted';

describe('the edit list in 80×24', () => {
	it('fills its rows, says how many settings are below and above, and stops at either end', async () => {
		const {screen} = await showEdit({columns: 80, rows: 24});
		// Once the list has measured the rows around it: more than the six it showed, with four rows to spare.
		let frame = await waitForFrame(screen, now => /↓ \d+ more settings/.test(now) && settingsShown(now) > 6);
		expect(frame).toContain('❯ ZooKeeper server id');
		expect(frame).not.toMatch(/↑ \d+ more/);
		// Within the terminal.
		expect(frame.split('\n').length).toBeLessThan(24);
		const below = Number(/↓ (\d+) more settings/.exec(frame)?.[1]);
		expect(settingsShown(frame) + below).toBe(25);
		// ↑ on the first setting stays there (it went round to the last).
		await pressExpectingNoChange(screen, keys.up);
		frame = await press(screen, keys.down);
		expect(frame).toContain('❯ ZooKeeper servers');
		// Down to the last: the list scrolls, saying what is above, the file of its first row shown.
		for (let downs = 0; downs < 30 && !frame.includes(`❯ ${lastSetting}`); downs++) frame = await press(screen, keys.down);
		expect(frame).toContain(`❯ ${lastSetting}`);
		expect(frame).toMatch(/↑ \d+ more settings/);
		expect(frame).not.toMatch(/↓ \d+ more/);
		expect(frame.split('\n').length).toBeLessThan(24);
		// ↓ on the last stays there (it went round to the first).
		await pressExpectingNoChange(screen, keys.down);
		frame = await press(screen, keys.up);
		expect(frame).not.toContain(`❯ ${lastSetting}`);
		expect(frame).not.toContain('❯ ZooKeeper server id');
	});

	it('in the middle, says both, and the first row shown is a file’s heading', async () => {
		const {screen} = await showEdit({columns: 80, rows: 24});
		let frame = await waitForFrame(screen, /↓ \d+ more settings/);
		for (let downs = 0; downs < 12; downs++) frame = await press(screen, keys.down);
		const above = Number(/↑ (\d+) more settings/.exec(frame)?.[1]);
		const below = Number(/↓ (\d+) more settings/.exec(frame)?.[1]);
		expect(above).toBeGreaterThan(0);
		expect(below).toBeGreaterThan(0);
		expect(above + settingsShown(frame) + below).toBe(25);
		const lines = frame.split('\n');
		const marker = lines.findIndex(line => line.startsWith('↑ '));
		expect(lines[marker + 1]).toMatch(/^(\/etc\/|kept in the saved answers)/);
	});
});

// A frame's text with the screen's line breaks taken out: a long command wraps at 80 columns.
const unwrapped = (frame: string): string => frame.replaceAll(/ *\n */g, ' ');

describe('the package source in edit', () => {
	it('says the command that sets what a folder or apt source needs, which the list cannot offer', async () => {
		const {screen, root} = await showEdit({columns: 80, rows: 24});
		await waitForFrame(screen, 'Type to narrow the list');
		await press(screen, ...'source');
		await waitForFrame(screen, '❯ Package source');
		await press(screen, keys.enter);
		await waitForFrame(screen, /▸ Package source +❯ article/);
		let frame = await press(screen, keys.down);
		for (let downs = 0; downs < 3 && !/❯ folder/.test(frame); downs++) frame = await press(screen, keys.down);
		frame = unwrapped(await press(screen, keys.enter));
		expect(frame).toContain('repo.folder: a folder source needs the folder of .deb files');
		expect(frame).toContain(`run instead: mesos-setup edit repo.source folder --set repo.folder=DIR --root ${root}`);
		// apt: its own repository root and its key's fingerprint.
		frame = await press(screen, keys.up);
		expect(frame).toMatch(/❯ apt/);
		expect(frame).not.toContain('run instead');
		frame = unwrapped(await press(screen, keys.enter));
		expect(frame).toContain(`run instead: mesos-setup edit repo.source apt --set repo.url=URL --set repo.fingerprint=FINGERPRINT --root ${root}`);
	});
});
