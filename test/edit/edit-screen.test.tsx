import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {renderScreen} from '../ui/render-screen.js';
import {afterEach, describe, expect, it} from 'vitest';
import {runSetupYes} from '../../source/commands/setup-yes.js';
import type {Answers} from '../../source/model/answers.js';
import {createSystem} from '../../source/system/system.js';
import {EditScreen} from '../../source/ui/edit/EditScreen.js';
import {gatherAnswers} from '../../source/use-cases/gather-answers.js';
import {waitFor} from '../helpers/wait-for.js';
import {press, pressExpectingNoChange, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

async function setUpSandbox(): Promise<string> {
	const root = await tempRoot();
	const code = await runSetupYes(await createSystem({root}), {}, {out: () => undefined, err: () => undefined, color: false});
	expect(code).toBe(0);
	return root;
}

async function showEdit(root: string, options: {editId?: string; editValue?: string; answers?: Answers} = {}) {
	const system = await createSystem({root});
	const calls: string[] = [];
	const screen = renderScreen(
		system,
		<EditScreen {...options} onBack={() => calls.push('back')} />,
	);
	unmount = screen.unmount;
	return {screen, calls, system};
}

const read = (root: string, file: string) => readFile(path.join(root, file), 'utf8');

describe('the edit screen', () => {
	it('lists every setting by file with its value on disk, marking a hand edit', async () => {
		const root = await setUpSandbox();
		await writeFile(path.join(root, 'etc/mesos-master/quorum'), '3\n');
		const {screen} = await showEdit(root);
		const frame = await waitForFrame(screen, '/etc/zookeeper/conf/myid');
		expect(frame).toContain('❯ ZooKeeper server id             1\n');
		expect(frame).toContain('/etc/zookeeper/conf/zoo.cfg');
		expect(frame).toContain('  ZooKeeper servers               1=127.0.0.1:2888:3888');
		expect(frame).toContain('  Master quorum                   3  ✎ edited by hand');
		expect(frame).toContain('zookeeper.myid: A number from 1 to 255, different on every master.');
		expect(frame).toContain('Rehearsal in');
	});

	it('narrows the list to what is typed, lists the repository settings this source reads, and clears with Esc', async () => {
		const root = await setUpSandbox();
		const {screen, calls} = await showEdit(root);
		const all = await waitForFrame(screen, 'Type to narrow the list (label, id or file): 25 settings.');
		expect(all).toContain('type filter');
		await press(screen, 'r', 'e', 'p', 'o');
		const repo = await waitForFrame(screen, 'Filter: repo · 5 of 25 settings');
		// Every setting `edit` accepts: the installer's own (repo.*) are kept in the saved answers.
		expect(repo).toContain('kept in the saved answers');
		expect(repo).toContain('❯ Package source');
		expect(repo).toContain('  Repository URL');
		expect(repo).toContain('  Signing key fingerprint');
		// Exactly what `edit` accepts here: not another source's settings, not the role.
		expect(repo).not.toContain('Folder of .deb files');
		expect(repo).not.toContain('Key URL');
		expect(repo).not.toContain('ZooKeeper server id');
		// q is a letter of the filter here, not a way out.
		await press(screen, 'q');
		await waitForFrame(screen, 'No setting matches “repoq”.');
		await press(screen, keys.backspace, keys.escape);
		await waitForFrame(screen, '25 settings.');
		expect(screen.lastFrame()).not.toContain('This machine’s role');
		expect(calls).toEqual([]);
		await press(screen, 'q', 'u', 'o', keys.enter);
		await waitForFrame(screen, /▸ Master quorum|Master quorum +1/);
		expect(screen.lastFrame()).toContain('master.quorum');
	});

	it('says what the disk holds against the saved answer for the highlighted hand edit', async () => {
		const root = await setUpSandbox();
		await writeFile(path.join(root, 'etc/zookeeper/conf/myid'), '4\n');
		const {screen} = await showEdit(root);
		const frame = await waitForFrame(screen, 'the saved answer says 1');
		expect(frame).toContain('❯ ZooKeeper server id             4  ✎ edited by hand');
		expect(frame).toContain('On disk this is 4, the saved answer says 1: someone edited /etc/zookeeper/conf/myid by hand.');
	});

	it('refuses a value that is not allowed, saying why beside the field, and writes nothing', async () => {
		const root = await setUpSandbox();
		const {screen} = await showEdit(root, {editId: 'slave.executor_registration_timeout'});
		await waitForFrame(screen, 'Executor registration timeout');
		await waitForFrame(screen, '5mins');
		await press(screen, ...Array<string>('mins'.length).fill(keys.backspace));
		let frame = await waitForFrame(screen, '✖ not allowed: use a number and a unit');
		expect(frame).toContain('How long an executor may take to register');
		await pressExpectingNoChange(screen, keys.enter);
		frame = screen.lastFrame() ?? '';
		expect(frame).toContain('✖ not allowed');
		expect(frame).not.toContain('Enter write');
		// The footer names Enter only where it works: not on a value that is not allowed.
		expect(frame).not.toContain('Enter preview the change');
		expect(frame).toContain('Esc back to the list');
		await press(screen, ...'m');
		await waitForFrame(screen, '✖ not allowed');
		expect(await read(root, 'etc/mesos-slave/executor_registration_timeout')).toBe('5mins\n');
	});

	it('previews the diff, writes on Enter, asks before restarting, and shows the restart', async () => {
		const root = await setUpSandbox();
		const {screen} = await showEdit(root, {editId: 'slave.hostname'});
		await waitForFrame(screen, 'Agent host name');
		await waitForFrame(screen, '127.0.0.1');
		await press(screen, ...Array<string>('127.0.0.1'.length).fill(keys.backspace));
		await press(screen, ...'node1');
		await press(screen, keys.enter);
		await waitForFrame(screen, '/etc/mesos-slave/hostname');
		let frame = await waitForFrame(screen, '+ node1');
		expect(frame).toContain('slave.hostname: 127.0.0.1 → node1');
		expect(frame).toContain('- 127.0.0.1');
		expect(frame).toContain('After writing, you are asked whether to restart mesos-slave.');
		// Nothing is written before Enter.
		expect(await read(root, 'etc/mesos-slave/hostname')).toBe('127.0.0.1\n');
		await press(screen, keys.enter);
		frame = await waitForFrame(screen, 'Restart mesos-slave now? (y/n)');
		expect(frame).toContain('wrote /etc/mesos-slave/hostname');
		expect(frame).toContain('service mesos-slave restart');
		expect(frame).toMatch(/then wait up to 45 s until http:\/\/127\.0\.0\.1:5051\/health answers 200 OK/);
		expect(await read(root, 'etc/mesos-slave/hostname')).toBe('node1\n');
		await press(screen, 'y');
		frame = await waitForFrame(screen, 'Restart shown, not run: mesos-slave.');
		expect(frame).toContain('mesos-slave skipped');
		await press(screen, keys.enter);
		frame = await waitForFrame(screen, '❯ Agent host name                 node1');
	});

	it('emptying the master’s address removes its file: the preview says so, undo puts it back', async () => {
		const root = await setUpSandbox();
		const {runEditYes} = await import('../../source/commands/edit.js');
		const quiet = {answers: {}, out: () => undefined, err: () => undefined};
		expect(await runEditYes(await createSystem({root}), {...quiet, id: 'master.ip', value: '10.0.0.5'})).toBe(0);
		const {screen} = await showEdit(root, {editId: 'master.ip'});
		await waitForFrame(screen, '10.0.0.5');
		await press(screen, ...Array<string>('10.0.0.5'.length).fill(keys.backspace));
		await press(screen, keys.enter);
		let frame = await waitForFrame(screen, '/etc/mesos-master/ip · removed');
		expect(frame).toContain('master.ip: 10.0.0.5 → (empty)');
		expect(frame).toContain('- 10.0.0.5');
		expect(await read(root, 'etc/mesos-master/ip')).toBe('10.0.0.5\n');
		await press(screen, keys.enter);
		frame = await waitForFrame(screen, 'Restart mesos-master now? (y/n)');
		expect(frame).toContain('removed /etc/mesos-master/ip');
		await expect(read(root, 'etc/mesos-master/ip')).rejects.toThrow(/ENOENT/);
		const {runUndo} = await import('../../source/commands/undo.js');
		expect(await runUndo(await createSystem({root}), {out: () => undefined, err: () => undefined, color: false})).toBe(0);
		expect(await read(root, 'etc/mesos-master/ip')).toBe('10.0.0.5\n');
	});

	it('offers to take the followers of mesos.zk along, and writes all their files', async () => {
		const root = await setUpSandbox();
		const url = 'zk://10.0.0.1:2181/mesos';
		const {screen} = await showEdit(root, {editId: 'mesos.zk', editValue: url});
		await waitForFrame(screen, url);
		await press(screen, keys.enter);
		let frame = await waitForFrame(screen, 'master.zk, slave.master, marathon.master, marathon.zk follow mesos.zk');
		// Marathon's state follows with its own path (review 3, #22): the question says what each becomes.
		expect(frame).toContain(`master.zk, slave.master, marathon.master → ${url}`);
		expect(frame).toContain('marathon.zk → zk://10.0.0.1:2181/marathon');
		expect(frame).toContain('Change them too? (y/n)');
		await press(screen, 'y');
		await waitForFrame(screen, 'marathon.master: zk://127.0.0.1:2181/mesos →');
		frame = await waitForFrame(screen, `+ ZK=${url}`);
		for (const file of ['/etc/mesos/zk', '/etc/default/mesos-master', '/etc/default/mesos-slave', '/etc/marathon/conf/master']) expect(frame).toContain(file);
		expect(frame).toContain(`+ MASTER=${url}`);
		await press(screen, keys.enter);
		frame = await waitForFrame(screen, 'Restart mesos-master, mesos-slave, marathon now? (y/n)');
		await press(screen, 'n');
		frame = await waitForFrame(screen, 'Not restarted');
		expect(await read(root, 'etc/mesos/zk')).toBe(`${url}\n`);
		expect(await read(root, 'etc/default/mesos-master')).toBe(`PORT=5050\nZK=${url}\n`);
		expect(await read(root, 'etc/default/mesos-slave')).toBe(`MASTER=${url}\n`);
		expect(await read(root, 'etc/marathon/conf/master')).toBe(`${url}\n`);
		expect(await read(root, 'etc/marathon/conf/zk')).toBe('zk://10.0.0.1:2181/marathon\n');
	});

	it('changes only the one setting when the followers are left alone', async () => {
		const root = await setUpSandbox();
		const url = 'zk://10.0.0.1:2181/mesos';
		const {screen} = await showEdit(root, {editId: 'mesos.zk', editValue: url});
		await waitForFrame(screen, url);
		await press(screen, keys.enter);
		await waitForFrame(screen, '(y/n)');
		await press(screen, 'n');
		const frame = await waitForFrame(screen, 'mesos.zk: zk://127.0.0.1:2181/mesos →');
		expect(frame).not.toContain('master.zk:');
		await press(screen, keys.enter);
		await waitForFrame(screen, 'Restart mesos-master, mesos-slave now? (y/n)');
		expect(await read(root, 'etc/default/mesos-slave')).toBe('MASTER=zk://127.0.0.1:2181/mesos\n');
		expect(await read(root, 'etc/marathon/conf/zk')).toBe('zk://127.0.0.1:2181/marathon\n');
	});

	it('opens a setting chosen in the list, and goes back with Esc', async () => {
		const root = await setUpSandbox();
		const {screen, calls} = await showEdit(root);
		await waitForFrame(screen, '❯ ZooKeeper server id');
		await press(screen, keys.down);
		await waitForFrame(screen, 'zookeeper.servers: Every ZooKeeper server');
		await press(screen, keys.enter);
		await waitForFrame(screen, 'zookeeper.servers · /etc/zookeeper/conf/zoo.cfg · now 1=127.0.0.1:2888:3888');
		await press(screen, keys.escape);
		await waitForFrame(screen, '❯ ZooKeeper servers');
		await pressExpectingNoChange(screen, keys.escape);
		await waitFor('the screen to hand back', () => calls.length === 1);
		expect(calls).toEqual(['back']);
	});

	it('on a machine never set up, says a setting is not set rather than showing its default as its value', async () => {
		const root = await tempRoot();
		const {screen} = await showEdit(root);
		let frame = await waitForFrame(screen, '❯ ZooKeeper server id');
		expect(frame).toContain('❯ ZooKeeper server id             not set (file missing; default 1)');
		expect(frame).toContain('/etc/zookeeper/conf/myid does not exist: this setting is not set on this machine.');
		unmount?.();
		const {screen: editing} = await showEdit(root, {editId: 'slave.hostname'});
		frame = await waitForFrame(editing, 'slave.hostname · /etc/mesos-slave/hostname · now not set (file missing; default 127.0.0.1)');
		expect(frame).not.toContain('now 127.0.0.1');
		await press(editing, ...Array<string>('127.0.0.1'.length).fill(keys.backspace));
		await press(editing, ...'node1');
		await press(editing, keys.enter);
		frame = await waitForFrame(editing, '+ node1');
		expect(frame).toContain('slave.hostname: not set (file missing; default 127.0.0.1) → node1');
		expect(frame).toContain('/etc/mesos-slave/hostname · new file');
	});

	it('wraps what the write says at 80 columns instead of cutting it', async () => {
		const root = await setUpSandbox();
		const {screen} = await showEdit(root, {editId: 'slave.hostname', editValue: 'node1'});
		Object.defineProperty(screen.stdout, 'columns', {value: 80});
		screen.stdout.emit('resize');
		await waitForFrame(screen, 'node1');
		await press(screen, keys.enter);
		await waitForFrame(screen, '+ node1');
		await press(screen, keys.enter);
		const frame = await waitForFrame(screen, 'Restart mesos-slave now? (y/n)');
		expect(frame.split('\n').every(line => line.length <= 80)).toBe(true);
		expect(frame).not.toContain('…');
		// One file, said as one; the undo named as it runs, here in the sandbox.
		expect(frame.replaceAll(/\s+/g, ' ')).toContain(`(mesos-setup undo --root ${root} puts it back).`);
		expect(frame.replaceAll(/\s+/g, ' ')).toMatch(/The old file is kept in \/.+ \(mesos-setup/);
	});

	it('keeps no old file of a file that was new, and says none is kept', async () => {
		const root = await setUpSandbox();
		const {screen} = await showEdit(root, {editId: 'master.ip', editValue: '10.0.0.3'});
		await waitForFrame(screen, '10.0.0.3');
		await press(screen, keys.enter);
		await waitForFrame(screen, '/etc/mesos-master/ip · new file');
		await press(screen, keys.enter);
		const frame = (await waitForFrame(screen, '(y/n)')).replaceAll(/\s+/g, ' ');
		expect(frame).toContain('wrote /etc/mesos-master/ip');
		expect(frame).not.toContain('The old file is kept');
	});

	it('says so when asked for a setting that does not exist', async () => {
		const root = await setUpSandbox();
		const {screen} = await showEdit(root, {editId: 'slave.hostnam'});
		const frame = await waitForFrame(screen, 'unknown setting "slave.hostnam"');
		expect(frame).toContain('❯ ZooKeeper server id');
	});

	// state.json edited by hand: `edit master.quorum` is let through with that saved answer left out
	// (gatherAnswers), and its change replaces it; another setting's change waits for it.
	it('replaces a saved answer not allowed for the setting it opens, and asks for that one before another', async () => {
		const root = await setUpSandbox();
		const state = path.join(root, 'var/lib/mesos-setup/state.json');
		await writeFile(state, JSON.stringify({...JSON.parse(await read(root, 'var/lib/mesos-setup/state.json')), answers: {'master.quorum': '0'}}));
		const answers = await gatherAnswers(await createSystem({root}), {set: [], edit: {id: 'master.quorum'}});
		const {screen} = await showEdit(root, {editId: 'master.quorum', answers});
		await waitForFrame(screen, 'master.quorum · /etc/mesos-master/quorum · now 1');
		await press(screen, keys.escape);
		await waitForFrame(screen, '❯ Master quorum');
		await press(screen, ...'slave.hostname');
		await waitForFrame(screen, '❯ Agent host name');
		await press(screen, keys.enter);
		await waitForFrame(screen, 'slave.hostname · /etc/mesos-slave/hostname · now 127.0.0.1');
		await press(screen, ...Array<string>('127.0.0.1'.length).fill(keys.backspace), ...'node1', keys.enter);
		let frame = (await waitForFrame(screen, 'first, which replaces it')).replaceAll(/\s+/g, ' ');
		expect(frame).toContain('✖ master.quorum: "0" is not allowed; use a whole number from 1 to 255 (a saved answer: change master.quorum first, which replaces it; then slave.hostname).');
		expect(await read(root, 'etc/mesos-slave/hostname')).toBe('127.0.0.1\n');
		await press(screen, keys.escape);
		await waitForFrame(screen, 'Filter: slave.hostname');
		await press(screen, keys.escape);
		await press(screen, ...'master.quorum');
		await waitForFrame(screen, '❯ Master quorum');
		await press(screen, keys.enter);
		await waitForFrame(screen, 'master.quorum · /etc/mesos-master/quorum · now 1');
		await press(screen, keys.enter);
		frame = (await waitForFrame(screen, 'it is replaced by 1.')).replaceAll(/\s+/g, ' ');
		expect(frame).toContain('The saved answer for master.quorum is not allowed (master.quorum: "0" is not allowed; use a whole number from 1 to 255): it is replaced by 1.');
		expect(frame).toContain('No service needs a restart.');
		expect((JSON.parse(await readFile(state, 'utf8')) as {answers: object}).answers).toEqual({'master.quorum': '0'});
		await press(screen, keys.enter);
		frame = await waitForFrame(screen, 'The saved answer for master.quorum is now 1.');
		expect((JSON.parse(await readFile(state, 'utf8')) as {answers: object}).answers).toEqual({'master.quorum': '1'});
	});
});
