import {afterEach, describe, expect, it} from 'vitest';
import {createSystem} from '../../source/system/system.js';
import {HomeMenu} from '../../source/ui/home/HomeMenu.js';
import type {HomeChoice} from '../../source/ui/home/home-choices.js';
import {renderScreen} from '../ui/render-screen.js';
import {waitFor} from '../helpers/wait-for.js';
import {press, pressExpectingNoChange, readsKeys, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';


let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

// Down until the menu highlights `label`, each key sent once the one before has moved the highlight.
async function moveTo(screen: ReturnType<typeof renderScreen>, label: string): Promise<void> {
	for (let presses = 0; !(screen.lastFrame() ?? '').includes(`❯ ${label}`); presses++) {
		if (presses > 5) throw new Error(`${label} is not in the menu`);
		const before = /❯ (\S+)/.exec(screen.lastFrame() ?? '')?.[1];
		await press(screen, keys.down);
		await waitForFrame(screen, frame => /❯ (\S+)/.exec(frame)?.[1] !== before);
	}
}

async function showHome(root?: string) {
	const system = await createSystem({root: root ?? (await tempRoot())});
	// A setup finished here: the menu says the machine is set up.
	system.state.saveProgress({runId: 'a-run', completed: [], finished: true});
	const calls: HomeChoice[] = [];
	const screen = renderScreen(system, <HomeMenu onChoose={choice => calls.push(choice)} />);
	unmount = screen.unmount;
	return {screen, calls, system};
}

describe('the home menu', () => {
	it('offers status, edit, setup again, undo and quit', async () => {
		const {screen} = await showHome();
		const frame = await waitForFrame(screen, 'Quit');
		const labels = ['Status', 'Edit a setting', 'Run the full setup again', 'Undo the last change', 'Quit'];
		const order = labels.map(label => frame.indexOf(label));
		expect(order.every(at => at >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(frame).toContain('❯ Status');
		expect(frame).toContain('This machine is set up (ubuntu trusty, upstart) in the sandbox');
		// Every hint starts in one column, two spaces clear of the longest label.
		const rows = frame.split('\n').filter(row => /^(❯| ) {1,2}\S/.test(row) && !row.includes('Quit'));
		const starts = new Set(rows.map(row => /^.{2}\S.*? {2,}(?=\S)/.exec(row)?.[0].length));
		expect(rows).toHaveLength(4);
		expect([...starts]).toHaveLength(1);
		expect(frame).toMatch(/Run the full setup again {2,}the wizard/);
	});

	it('opens the screen chosen with the arrows and Enter', async () => {
		const {screen, calls} = await showHome();
		await waitForFrame(screen, '❯ Status');
		await pressExpectingNoChange(screen, keys.enter);
		await waitFor('status chosen', () => calls.length === 1);
		await moveTo(screen, 'Edit a setting');
		await pressExpectingNoChange(screen, keys.enter);
		await waitFor('edit chosen', () => calls.length === 2);
		await moveTo(screen, 'Run the full setup again');
		await pressExpectingNoChange(screen, keys.enter);
		await waitFor('setup chosen', () => calls.length === 3);
		await pressExpectingNoChange(screen, 'q');
		await waitFor('quit', () => calls.length === 4);
		expect(calls).toEqual(['status', 'edit', 'setup', 'quit']);
	});

	it('takes ↓↓ and Enter typed in one read as three keys, in order', async () => {
		const {screen, calls} = await showHome();
		await waitForFrame(screen, '❯ Status');
		await readsKeys(screen);
		screen.stdin.write(`${keys.down}${keys.down}${keys.enter}`);
		await waitFor('a choice', () => calls.length === 1);
		expect(calls).toEqual(['setup']);
	});

	it('says so when the only setup here was undone, and offers the setup instead of "again"', async () => {
		const root = await tempRoot();
		const system = await createSystem({root});
		const screen = renderScreen(system, <HomeMenu onChoose={() => undefined} />);
		unmount = screen.unmount;
		const frame = await waitForFrame(screen, 'Nothing mesos-setup set up is left on this machine');
		expect(frame).toContain('Run the setup');
		expect(frame).not.toContain('Run the full setup again');
	});
});
