import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {Text} from 'ink';
import {renderScreen} from '../ui/render-screen.js';
import {afterEach, describe, expect, it} from 'vitest';
import {runSetupYes} from '../../source/commands/setup-yes.js';
import type {Answers} from '../../source/model/answers.js';
import {createSystem} from '../../source/system/system.js';
import {AfterSetup} from '../../source/ui/AfterSetup.js';
import {waitFor} from '../helpers/wait-for.js';
import {press, pressExpectingNoChange, readsKeys, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';
import {renderWizard} from '../ui/render-wizard.js';

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

async function showAfterSetup(start: 'home' | 'status' | 'edit', edit: {editId?: string; editValue?: string} = {}, setUp: {answers?: Answers; files?: Record<string, string>} = {}) {
	const root = await tempRoot();
	for (const [file, content] of Object.entries(setUp.files ?? {})) {
		await mkdir(path.dirname(path.join(root, file)), {recursive: true});
		await writeFile(path.join(root, file), content);
	}
	const system = await createSystem({root});
	expect(await runSetupYes(system, setUp.answers ?? {}, {out: () => undefined, err: () => undefined, color: false})).toBe(0);
	const exits: number[] = [];
	const screen = renderScreen(
		system,
		<AfterSetup start={start} answers={system.state.answers()} {...edit} setup={() => <Text>the wizard</Text>} onExit={code => exits.push(code)} />,
	);
	unmount = screen.unmount;
	return {screen, exits, root};
}

describe('the screens of a machine already set up', () => {
	it('goes from the menu to status and back, then to edit and back, and out with q', async () => {
		const {screen, exits} = await showAfterSetup('home');
		await waitForFrame(screen, '❯ Status');
		await press(screen, keys.enter);
		await waitForFrame(screen, 'mesos-setup status');
		await waitForFrame(screen, 'Cluster');
		// Opened from the menu, q goes back to it, and says so.
		expect(screen.lastFrame()).toContain('q/Esc back to the menu');
		await press(screen, 'q');
		await waitForFrame(screen, '❯ Status');
		await press(screen, keys.down);
		await press(screen, keys.enter);
		await waitForFrame(screen, 'mesos-setup edit');
		await waitForFrame(screen, '❯ ZooKeeper server id');
		await press(screen, keys.escape);
		await waitForFrame(screen, 'Undo the last change');
		await pressExpectingNoChange(screen, 'q');
		await waitFor('the program to end', () => exits.length === 1);
		expect(exits).toEqual([0]);
	});

	it('opens edit from status with e, and comes back to status', async () => {
		const {screen} = await showAfterSetup('status');
		await waitForFrame(screen, 'Cluster');
		await press(screen, 'e');
		await waitForFrame(screen, 'mesos-setup edit');
		await waitForFrame(screen, '❯ ZooKeeper server id');
		await press(screen, keys.escape);
		await waitForFrame(screen, 'mesos-setup status');
	});

	it('runs the wizard for "Run the full setup again"', async () => {
		const {screen} = await showAfterSetup('home');
		await waitForFrame(screen, '❯ Status');
		await press(screen, keys.down);
		await press(screen, keys.down);
		await press(screen, keys.enter);
		await waitForFrame(screen, 'the wizard');
	});

	it('goes back to the menu from the wizard’s welcome with Esc or q, and quits from the menu', async () => {
		const root = await tempRoot();
		expect(await runSetupYes(await createSystem({root}), {}, {out: () => undefined, err: () => undefined, color: false})).toBe(0);
		const app = await renderWizard({system: await createSystem({root}), command: 'home'});
		unmount = app.unmount;
		await waitForFrame(app, '❯ Status');
		await press(app, keys.down);
		await waitForFrame(app, '❯ Edit a setting');
		await press(app, keys.down);
		await waitForFrame(app, '❯ Run the full setup again');
		await press(app, keys.enter);
		expect(await waitForFrame(app, 'Press Enter to begin')).toContain('Enter start · Esc back to the menu');
		await press(app, keys.escape);
		// Back where one left, the same choice highlighted.
		await waitForFrame(app, '❯ Run the full setup again');
		await press(app, keys.enter);
		await waitForFrame(app, 'Press Enter to begin');
		await press(app, 'q');
		const menu = await waitForFrame(app, '↑↓ choose · Enter open · q quit');
		expect(menu).not.toContain('Quit now?');
		expect(app.exitCode()).toBeUndefined();
		await pressExpectingNoChange(app, 'q');
		await waitFor('the program to end', () => app.exitCode() === 0);
	});

	it('an edit saves its answers, so the next edit does not call it a hand edit', async () => {
		const {screen, root} = await showAfterSetup('edit', {editId: 'slave.hostname'});
		await waitForFrame(screen, 'Agent host name');
		await press(screen, ...Array<string>('127.0.0.1'.length).fill(keys.backspace));
		await press(screen, ...'node1');
		await press(screen, keys.enter);
		await waitForFrame(screen, '+ node1');
		await press(screen, keys.enter);
		await waitForFrame(screen, '(y/n)');
		await press(screen, 'n');
		await waitForFrame(screen, 'Not restarted');
		await press(screen, keys.enter);
		const frame = await waitForFrame(screen, '❯ Agent host name                 node1');
		expect(frame).not.toContain('edited by hand');
		expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('node1\n');
	});

	it('after an undo from the menu, says what the machine is now: not set up, the restored value not a hand edit', async () => {
		const {screen, root} = await showAfterSetup('home', {}, {answers: {'slave.hostname': 'node1'}, files: {'etc/mesos-slave/hostname': '127.0.0.1\n'}});
		await waitForFrame(screen, '❯ Status');
		for (const label of ['Edit a setting', 'Run the full setup again', 'Undo the last change']) {
			await press(screen, keys.down);
			await waitForFrame(screen, `❯ ${label}`);
		}
		await press(screen, keys.enter);
		const asked = await waitForFrame(screen, '(y/n)');
		expect(asked).toContain('restore /etc/mesos-slave/hostname');
		expect(asked).toContain('remove  /etc/mesos/zk');
		expect(asked).toContain('Installed packages stay installed');
		await press(screen, 'y');
		const done = await waitForFrame(screen, 'no setup counts as done here any more');
		expect(done).toContain('In a real setup zookeeper, mesos-master, mesos-slave, marathon would be restarted');
		expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('127.0.0.1\n');
		await press(screen, keys.enter);
		const menu = await waitForFrame(screen, 'Nothing mesos-setup set up is left on this machine');
		expect(menu).toContain('❯ Undo the last change');
		expect(menu).toContain('Run the setup ');
		await press(screen, keys.up);
		await waitForFrame(screen, '❯ Run the setup');
		await press(screen, keys.up);
		await waitForFrame(screen, '❯ Edit a setting');
		await press(screen, keys.enter);
		await waitForFrame(screen, 'Type to narrow the list');
		// The list is longer than the screen: typing narrows it to the agent's host name.
		await press(screen, 'Agent host');
		const list = await waitForFrame(screen, 'Filter: Agent host');
		expect(list).toMatch(/Agent host name +127\.0\.0\.1\n/);
		expect(list).not.toContain('edited by hand');
	});

	it('takes keys that come in one read on the menu, the edit list, the editor and the preview, in order', async () => {
		const {screen, root} = await showAfterSetup('home');
		await waitForFrame(screen, '❯ Status');
		await readsKeys(screen);
		// Down and Enter: edit opens, and the keys after Enter in the same read are the edit screen's.
		screen.stdin.write(`${keys.down}${keys.enter}${keys.down}${keys.down}`);
		await waitForFrame(screen, '❯ ZooKeeper data directory');
		// Enter opens the editor; six Backspaces, two letters and Enter in one read edit and preview.
		screen.stdin.write(`\r${'\u007F'.repeat(6)}zk\r`);
		const preview = await waitForFrame(screen, '+ dataDir=/var/lib/zoozk');
		expect(preview).toContain('- dataDir=/var/lib/zookeeper');
		screen.stdin.write('\r');
		await waitForFrame(screen, '(y/n)');
		expect(await readFile(path.join(root, 'etc/zookeeper/conf/zoo.cfg'), 'utf8')).toContain('dataDir=/var/lib/zoozk\n');
	});
});
