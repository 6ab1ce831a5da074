import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {Journal, newRunId} from '../../source/system/journal.js';
import {createSystem} from '../../source/system/system.js';
import {HomeMenu} from '../../source/ui/home/HomeMenu.js';
import {SystemProvider} from '../../source/ui/system-context.js';
import {waitFor} from '../fixtures/wait-for.js';
import {keys, press, waitForFrame} from '../ui/ink-keys.js';
import {tempRoot} from '../helpers/temp-root.js';


let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

// Down until the menu highlights `label`.
async function moveTo(screen: ReturnType<typeof render>, label: string): Promise<void> {
	for (let presses = 0; !(screen.lastFrame() ?? '').includes(`❯ ${label}`); presses++) {
		if (presses > 5) throw new Error(`${label} is not in the menu`);
		await press(screen, keys.down);
	}
}

async function showHome(root?: string) {
	const system = await createSystem({root: root ?? (await tempRoot())});
	const calls: string[] = [];
	const screen = render(
		<SystemProvider system={system}>
			<HomeMenu onStatus={() => calls.push('status')} onEdit={() => calls.push('edit')} onSetup={() => calls.push('setup')} onQuit={() => calls.push('quit')} />
		</SystemProvider>,
	);
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
	});

	it('opens the screen chosen with the arrows and Enter', async () => {
		const {screen, calls} = await showHome();
		await waitForFrame(screen, '❯ Status');
		await press(screen, keys.enter);
		await waitFor(() => calls.length === 1, 'status chosen');
		await moveTo(screen, 'Edit a setting');
		await press(screen, keys.enter);
		await waitFor(() => calls.length === 2, 'edit chosen');
		await moveTo(screen, 'Run the full setup again');
		await press(screen, keys.enter);
		await waitFor(() => calls.length === 3, 'setup chosen');
		await press(screen, 'q');
		await waitFor(() => calls.length === 4, 'quit');
		expect(calls).toEqual(['status', 'edit', 'setup', 'quit']);
	});

	it('says when there is nothing to undo', async () => {
		const {screen} = await showHome();
		await waitForFrame(screen, '❯ Status');
		await moveTo(screen, 'Undo the last change');
		await press(screen, keys.enter);
		await waitForFrame(screen, 'Nothing to undo: no earlier run changed files here.');
		await press(screen, keys.enter);
		await waitForFrame(screen, '❯ Undo the last change');
	});

	it('shows the files of the last run, asks, and puts them back on yes', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/mesos-slave'), {recursive: true});
		await writeFile(path.join(root, 'etc/mesos-slave/hostname'), 'old-name\n');
		const {screen, system} = await showHome(root);
		const journal = new Journal(system.fs, newRunId(system.now()));
		await journal.write('/etc/mesos-slave/hostname', 'new-name\n');
		await waitForFrame(screen, '❯ Status');
		await moveTo(screen, 'Undo the last change');
		await press(screen, keys.enter);
		await waitForFrame(screen, 'changed 1 file:');
		await waitForFrame(screen, '/etc/mesos-slave/hostname');
		await waitForFrame(screen, '(y/n)');
		await press(screen, 'n');
		await waitForFrame(screen, '❯ Undo the last change');
		expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('new-name\n');
		await press(screen, keys.enter);
		await waitForFrame(screen, '(y/n)');
		await press(screen, 'y');
		await waitForFrame(screen, 'restored  /etc/mesos-slave/hostname');
		expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('old-name\n');
	});
});
