// The undo screen: it lists every file it restores and removes, says what it does not undo, asks,
// and after a yes offers to restart the services that read the files put back.
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {Journal, newRunId} from '../../source/system/journal.js';
import {createSystem} from '../../source/system/system.js';
import {tempRoot} from '../helpers/temp-root.js';
import {UndoScreen} from '../../source/ui/undo/UndoScreen.js';
import {waitFor} from '../helpers/wait-for.js';
import {press, pressExpectingNoChange, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderScreen} from '../ui/render-screen.js';
import {fakeMachine} from '../wizard/fake-machine.js';

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

// A machine (not a sandbox: its services are restarted through the fake commands) where an edit
// changed the agent's host name and created a new file.
async function afterAnEdit() {
	const restarted: string[] = [];
	const {system, ran} = await fakeMachine({
		command(argv) {
			if (argv[0] === 'service') restarted.push(argv.join(' '));
			return {};
		},
		probe: () => ({healthy: true, detail: 'answered 200 (test)'}),
	});
	await mkdir(path.join(system.root, 'etc/mesos-slave'), {recursive: true});
	await writeFile(path.join(system.root, 'etc/mesos-slave/hostname'), 'old-name\n');
	const journal = new Journal(system.fs, newRunId(system.now()), 'edit', system.now(), {});
	await journal.write('/etc/mesos-slave/hostname', 'new-name\n');
	await journal.write('/etc/mesos-slave/attributes', 'rack:1\n');
	const done: number[] = [];
	const screen = renderScreen(system, <UndoScreen onDone={code => done.push(code)} />);
	unmount = screen.unmount;
	return {system, screen, done, restarted, ran};
}

describe('the undo screen', () => {
	it('names only what it does: no "removes 0"', async () => {
		const {system} = await fakeMachine({});
		await mkdir(path.join(system.root, 'etc/mesos-slave'), {recursive: true});
		await writeFile(path.join(system.root, 'etc/mesos-slave/hostname'), 'old-name\n');
		await new Journal(system.fs, newRunId(system.now()), 'edit', system.now(), {}).write('/etc/mesos-slave/hostname', 'new-name\n');
		const screen = renderScreen(system, <UndoScreen onDone={() => undefined} />);
		unmount = screen.unmount;
		const asked = (await waitForFrame(screen, '(y/n)')).replaceAll(/\s+/g, ' ');
		expect(asked).toContain('changed 1 file. Undo puts back 1:');
		expect(asked).not.toMatch(/\b0 /);
	});

	// The preview checks what the undo would: a missing backup is said at once, whole, and nothing is asked.
	it('says a missing backup before it asks anything, naming it', async () => {
		const {system} = await fakeMachine({});
		await mkdir(path.join(system.root, 'etc/mesos-slave'), {recursive: true});
		await writeFile(path.join(system.root, 'etc/mesos-slave/hostname'), 'old-name\n');
		const journal = new Journal(system.fs, newRunId(system.now()), 'edit', system.now(), {});
		await journal.write('/etc/mesos-slave/hostname', 'new-name\n');
		await rm(path.join(system.root, journal.dir, '000-hostname'));
		const screen = renderScreen(system, <UndoScreen onDone={() => undefined} />);
		unmount = screen.unmount;
		const said = (await waitForFrame(screen, 'Undo did not happen')).replaceAll(/\s+/g, ' ');
		expect(said).toContain('Undo did not happen: what run');
		expect(said).toContain('is not all there');
		expect(said).toMatch(/the backup of \/etc\/mesos-slave\/hostname \(.*000-hostname\) is missing/);
		expect(said).not.toContain('(y/n)');
		expect(await readFile(path.join(system.root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('new-name\n');
	});

	it('lists what it restores and removes, says what it leaves, and changes nothing on n', async () => {
		const {system, screen, done} = await afterAnEdit();
		const asked = await waitForFrame(screen, '(y/n)');
		expect(asked.replaceAll(/\s+/g, ' ')).toContain('changed 2 files. Undo puts back 1 and removes 1 it created:');
		expect(asked).toContain('restore /etc/mesos-slave/hostname');
		expect(asked).toContain('remove  /etc/mesos-slave/attributes');
		expect(asked).toContain('Undo does not undo:');
		expect(asked).toContain('Running services are not stopped');
		await pressExpectingNoChange(screen, 'n');
		await waitFor('the screen to be left', () => done.length === 1);
		expect(await readFile(path.join(system.root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('new-name\n');
	});

	it('undoes on y, then offers to restart the service that reads the file and restarts it on y', async () => {
		const {system, screen, restarted} = await afterAnEdit();
		await waitForFrame(screen, '(y/n)');
		await press(screen, 'y');
		const offer = await waitForFrame(screen, /Restart\s+it\s+now\?\s+\(y\/n\)/);
		expect(offer).toContain('The saved answers are those from before that run.');
		expect(offer).toContain('restored  /etc/mesos-slave/hostname');
		expect(offer).toContain('removed   /etc/mesos-slave/attributes');
		expect(offer).toContain('mesos-slave reads the files put back and removed');
		expect(await readFile(path.join(system.root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('old-name\n');
		expect(restarted).toEqual([]);
		await press(screen, 'y');
		await waitForFrame(screen, 'Restarted: mesos-slave.');
		expect(restarted).toEqual(['service mesos-slave restart']);
		await pressExpectingNoChange(screen, keys.enter);
	});

	it('says when there is nothing to undo', async () => {
		const {system} = await fakeMachine({});
		const done: number[] = [];
		const screen = renderScreen(system, <UndoScreen onDone={code => done.push(code)} />);
		unmount = screen.unmount;
		await waitForFrame(screen, 'Nothing to undo: every run that changed files here has been undone, or none has.');
		await pressExpectingNoChange(screen, keys.enter);
		await waitFor('the screen to be left', () => done.length === 1);
	});
	it('scrolls a list of files taller than the screen, keeps the question in view, and moves back at once after a key pressed past the end', async () => {
		const {system} = await fakeMachine({});
		const journal = new Journal(system.fs, newRunId(system.now()), 'edit', system.now(), {});
		for (let index = 0; index < 60; index++) await journal.write(`/etc/mesos-slave/attribute-${String(index).padStart(2, '0')}`, `${index}\n`);
		const screen = renderScreen(system, <UndoScreen onDone={() => undefined} />);
		unmount = screen.unmount;
		let frame = await waitForFrame(screen, '(y/n)');
		// The last written is listed first.
		expect(frame).toContain('attribute-59');
		expect(frame).toMatch(/↓ \d+ more files \(↓ to scroll\)/);
		// Down to the end: each key moves the list by a row, the question always in view.
		while (/↓ \d+ more files/.test(frame)) {
			frame = await press(screen, keys.down);
			expect(frame).toContain('(y/n)');
		}
		expect(frame).toContain('attribute-00');
		expect(frame).toMatch(/↑ \d+ more files \(↑ to scroll\)/);
		// Past the end nothing moves, and nothing is owed: the first ↑ moves the list.
		for (let extra = 0; extra < 3; extra++) await pressExpectingNoChange(screen, keys.down);
		frame = await press(screen, keys.up);
		expect(frame).toMatch(/↓ 2 more files \(↓ to scroll\)/);
		expect(frame).toContain('(y/n)');
	});

	// Review 3, #13: the result said "removed (it had been edited since)" but never where the copy went.
	it('names the folder that keeps the copies of files edited by hand since the run', async () => {
		const {system} = await fakeMachine({});
		const journal = new Journal(system.fs, newRunId(system.now()), 'edit', system.now(), {});
		await journal.write('/etc/mesos-master/quorum', '1\n');
		await writeFile(path.join(system.root, 'etc/mesos-master/quorum'), '0\n');
		const screen = renderScreen(system, <UndoScreen onDone={() => undefined} />);
		unmount = screen.unmount;
		await waitForFrame(screen, '(y/n)');
		await press(screen, 'y');
		const said = (await waitForFrame(screen, /kept in/)).replaceAll(/\s+/g, '');
		const folders = await readdir(path.join(system.root, 'var/backups/mesos-setup'));
		const kept = folders.find(folder => folder !== journal.runId);
		expect(await readFile(path.join(system.root, 'var/backups/mesos-setup', kept ?? '', '000-quorum'), 'utf8')).toBe('0\n');
		// Wrapped across rows; compared without the breaks.
		expect(said).toContain(`arekeptin${path.join(system.root, 'var/backups/mesos-setup', kept ?? '')}.`.replaceAll(/\s+/g, ''));
	});

	// Review 3, #13: 10 of 22 lines of the result could not be seen; the last line spoke of files put
	// back when every file was removed.
	it('scrolls a result taller than the screen with ↑↓, and says a restart goes without the files removed', async () => {
		const system = await createSystem({root: await tempRoot()});
		const journal = new Journal(system.fs, newRunId(system.now()), 'setup', system.now(), {});
		for (let index = 0; index < 60; index++) await journal.write(`/etc/mesos-master/attribute-${String(index).padStart(2, '0')}`, `${index}\n`);
		await journal.write('/etc/mesos-master/quorum', '1\n');
		const screen = renderScreen(system, <UndoScreen onDone={() => undefined} />);
		unmount = screen.unmount;
		await waitForFrame(screen, '(y/n)');
		await press(screen, 'y');
		let frame = await waitForFrame(screen, 'Undid the run');
		expect(frame).toContain('removed   /etc/mesos-master/quorum');
		expect(frame).not.toContain('attribute-00');
		expect(frame).toMatch(/↓ \d+ more files \(↓ to scroll\)/);
		expect(frame.replaceAll(/\s+/g, ' ')).toContain('In a real setup mesos-master would be restarted to go without the files removed.');
		expect(frame).not.toContain('put back');
		while (/↓ \d+ more files/.test(frame)) frame = await press(screen, keys.down);
		expect(frame).toContain('attribute-00');
		expect(frame).toContain('Enter back');
	});
});

