import {readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runEditYes} from '../../source/commands/edit.js';
import {runSetupYes} from '../../source/commands/setup-yes.js';
import {InputError} from '../../source/model/errors.js';
import {createSystem} from '../../source/system/system.js';
import {gatherAnswers} from '../../source/use-cases/gather-answers.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';
import {tempRoot} from '../helpers/temp-root.js';

// A sandbox where the whole setup ran with the defaults, as on a machine set up before.
async function setUpSandbox(): Promise<string> {
	const root = await tempRoot();
	const system = await createSystem({root});
	const code = await runSetupYes(system, {}, {out: () => undefined, err: () => undefined, color: false});
	expect(code).toBe(0);
	return root;
}

async function edit(root: string, id: string, value: string, answers = {}) {
	const system = await createSystem({root});
	const out: string[] = [];
	const err: string[] = [];
	const code = await runEditYes(system, {id, value, answers: {...system.state.answers(), ...answers}, out: line => out.push(line), err: line => err.push(line)});
	return {code, out, err, system};
}

const read = (root: string, file: string) => readFile(path.join(root, file), 'utf8');

// The saved answers as state.json holds them after an edit by hand: not checked.
const saveByHand = (root: string, answers: Record<string, string>) => writeFile(path.join(root, 'var/lib/mesos-setup/state.json'), JSON.stringify({answers}));
const savedOn = async (root: string) => (JSON.parse(await read(root, 'var/lib/mesos-setup/state.json')) as {answers: Record<string, string>}).answers;

// As the command line runs it: the answers gathered for edit ID (saved ← --set), then the edit.
async function editAsTyped(root: string, id: string, value: string, set: string[] = []) {
	const system = await createSystem({root});
	const out: string[] = [];
	const code = await runEditYes(system, {id, value, answers: await gatherAnswers(system, {set, edit: {id}}), out: line => out.push(line), err: line => out.push(line)});
	return {code, out};
}

describe('edit ID VALUE --yes', () => {
	it('writes the one file, keeps a backup, and says what it changed and would restart', async () => {
		const root = await setUpSandbox();
		const before = await readTree(root, ownBookkeeping);
		const {code, out, err} = await edit(root, 'slave.hostname', 'node1.example.com');
		expect(err).toEqual([]);
		expect(code).toBe(0);
		expect(await read(root, 'etc/mesos-slave/hostname')).toBe('node1.example.com\n');
		const after = await readTree(root, ownBookkeeping);
		const changed = Object.keys(after).filter(file => after[file]?.bytes !== before[file]?.bytes);
		expect(changed).toEqual(['etc/mesos-slave/hostname']);
		expect(out[0]).toBe('Changing slave.hostname: 127.0.0.1 → node1.example.com');
		expect(out).toContain('wrote        /etc/mesos-slave/hostname');
		expect(out.some(line => line.startsWith('skipped      service mesos-slave restart'))).toBe(true);
		expect(out.at(-2)).toMatch(/^Changed 1 file; the old ones are kept in .*var\/backups\/mesos-setup\/.* \(mesos-setup undo puts them back\)\.$/);
		expect(out.at(-1)).toBe('Not restarted here (--root): mesos-slave would be restarted.');
	});

	it('emptying master.hostname or master.ip removes the file its value wrote; a dry run says it would', async () => {
		const root = await setUpSandbox();
		for (const [id, file, value] of [['master.hostname', 'etc/mesos-master/hostname', 'm1.example.org'], ['master.ip', 'etc/mesos-master/ip', '10.0.0.5']] as const) {
			expect((await edit(root, id, value)).code).toBe(0);
			expect(await read(root, file)).toBe(`${value}\n`);
			const dry = await runEditYes(await createSystem({root, dryRun: true}), {id, value: '', answers: {}, out: () => undefined, err: () => undefined});
			expect(dry).toBe(0);
			expect(await read(root, file)).toBe(`${value}\n`);
			const {code, out} = await edit(root, id, '');
			expect(code).toBe(0);
			expect(out[0]).toBe(`Changing ${id}: ${value} → (empty)`);
			expect(out).toContain(`removed      /${file}`);
			await expect(read(root, file)).rejects.toThrow(/ENOENT/);
		}
	});

	it('takes the followers of mesos.zk along, keeping every other line of their files', async () => {
		const root = await setUpSandbox();
		await writeFile(path.join(root, 'etc/default/mesos-master'), `# set by hand\n${await read(root, 'etc/default/mesos-master')}`);
		const {code, out} = await edit(root, 'mesos.zk', 'zk://10.0.0.1:2181,10.0.0.2:2181/mesos');
		expect(code).toBe(0);
		const url = 'zk://10.0.0.1:2181,10.0.0.2:2181/mesos';
		expect(await read(root, 'etc/mesos/zk')).toBe(`${url}\n`);
		expect(await read(root, 'etc/default/mesos-master')).toBe(`# set by hand\nPORT=5050\nZK=${url}\n`);
		expect(await read(root, 'etc/default/mesos-slave')).toBe(`MASTER=${url}\n`);
		expect(await read(root, 'etc/marathon/conf/master')).toBe(`${url}\n`);
		// Marathon's state follows with its own path (review 3, #22).
		const state = 'zk://10.0.0.1:2181,10.0.0.2:2181/marathon';
		expect(await read(root, 'etc/marathon/conf/zk')).toBe(`${state}\n`);
		expect(out[0]).toBe(
			`Changing mesos.zk: zk://127.0.0.1:2181/mesos → ${url}; master.zk: zk://127.0.0.1:2181/mesos → ${url}; slave.master: zk://127.0.0.1:2181/mesos → ${url}; marathon.master: zk://127.0.0.1:2181/mesos → ${url}; marathon.zk: zk://127.0.0.1:2181/marathon → ${state}`,
		);
		expect(out.at(-1)).toBe('Not restarted here (--root): mesos-master, mesos-slave, marathon would be restarted.');
	});

	it('lets a hand edit win: it is kept, said, and saved as the answer', async () => {
		const root = await setUpSandbox();
		await writeFile(path.join(root, 'etc/marathon/conf/master'), 'zk://10.9.9.9:2181/mesos\n');
		const {code, out, system} = await edit(root, 'mesos.zk', 'zk://10.0.0.1:2181/mesos');
		expect(code).toBe(0);
		expect(out[0]).toBe('marathon.master was edited by hand in /etc/marathon/conf/master: zk://10.9.9.9:2181/mesos is kept (the saved answer said zk://127.0.0.1:2181/mesos).');
		expect(await read(root, 'etc/marathon/conf/master')).toBe('zk://10.9.9.9:2181/mesos\n');
		expect(system.state.answers()).toMatchObject({'mesos.zk': 'zk://10.0.0.1:2181/mesos', 'marathon.master': 'zk://10.9.9.9:2181/mesos'});
	});

	it('replaces a value edited by hand that the setting does not allow, even with the saved one', async () => {
		const root = await setUpSandbox();
		await writeFile(path.join(root, 'etc/mesos-master/quorum'), '0\n');
		const {code, out} = await edit(root, 'master.quorum', '1');
		expect(code).toBe(0);
		expect(out[0]).toMatch(/^master\.quorum was edited by hand in \/etc\/mesos-master\/quorum to 0, which is not allowed \(master\.quorum: .*\): it is replaced by 1\.$/);
		expect(out[1]).toBe('Changing master.quorum: 0 → 1');
		expect(await read(root, 'etc/mesos-master/quorum')).toBe('1\n');
	});

	it('leaves another setting edited by hand to a value it does not allow, and says the saved answer stands', async () => {
		const root = await setUpSandbox();
		await writeFile(path.join(root, 'etc/mesos-master/quorum'), '0\n');
		const {code, out} = await edit(root, 'slave.hostname', 'node1');
		expect(code).toBe(0);
		expect(out[0]).toMatch(/^master\.quorum was edited by hand in \/etc\/mesos-master\/quorum to 0, which is not allowed \(.*\): the file is left as it is, and the saved answer 1 stands for it\.$/);
		expect(await read(root, 'etc/mesos-master/quorum')).toBe('0\n');
	});

	it('does not call a value --set gave for another setting a saved answer, nor its file a hand edit', async () => {
		const root = await setUpSandbox();
		const {code, out} = await edit(root, 'slave.hostname', 'node1', {'slave.ip': '10.0.0.5'});
		expect(code).toBe(0);
		expect(out[0]).toBe('slave.ip: /etc/mesos-slave/ip holds 127.0.0.1, which is kept; the answers given said 10.0.0.5 (edit writes slave.hostname and what follows it: run edit slave.ip to change that one).');
		expect(await read(root, 'etc/mesos-slave/ip')).toBe('127.0.0.1\n');
	});

	it('replaces a follower edited by hand to a value it does not allow when the change takes it along, and says so', async () => {
		const root = await setUpSandbox();
		await writeFile(path.join(root, 'etc/marathon/conf/master'), 'not-a-zk-url\n');
		const url = 'zk://10.0.0.1:2181/mesos';
		const {code, out} = await edit(root, 'mesos.zk', url);
		expect(code).toBe(0);
		expect(out[0]).toMatch(new RegExp(`^marathon\\.master was edited by hand in /etc/marathon/conf/master to not-a-zk-url, which is not allowed \\(.*\\): it is replaced by ${url.replaceAll('.', '\\.')}\\.$`));
		expect(out[1]).toContain(`marathon.master: not-a-zk-url → ${url}`);
		expect(await read(root, 'etc/marathon/conf/master')).toBe(`${url}\n`);
	});

	it('says nothing of a --set for the setting it changes: the change says it', async () => {
		const root = await setUpSandbox();
		const {code, out} = await edit(root, 'slave.ip', '10.0.0.7', {'slave.ip': '10.0.0.5'});
		expect(code).toBe(0);
		expect(out[0]).toBe('Changing slave.ip: 127.0.0.1 → 10.0.0.7');
	});

	it('replaces a saved answer the setting does not allow, even where its file holds the new value already', async () => {
		const root = await setUpSandbox();
		await saveByHand(root, {'master.quorum': '0'});
		const {code, out} = await editAsTyped(root, 'master.quorum', '1');
		expect(code, out.join('\n')).toBe(0);
		expect(out[0]).toMatch(/^The saved answer for master\.quorum is not allowed \(master\.quorum: "0" is not allowed; use .*\): it is replaced by 1\.$/);
		expect(out).toContain('The saved answer for master.quorum is now 1.');
		expect(out.at(-1)).toBe('No service needs a restart.');
		expect(await savedOn(root)).toEqual({'master.quorum': '1'});
		expect(await read(root, 'etc/mesos-master/quorum')).toBe('1\n');
		// Repaired: the next edit finds nothing to change.
		expect((await editAsTyped(root, 'master.quorum', '1')).out).toEqual(['master.quorum is already 1; nothing to change.']);
	});

	it('replaces a saved answer not allowed with a value that changes its file too, before a --set for it', async () => {
		const root = await setUpSandbox();
		await saveByHand(root, {'slave.ip': '300.1.1.1'});
		const {code, out} = await editAsTyped(root, 'slave.ip', '10.0.0.7', ['slave.ip=10.0.0.5']);
		expect(code, out.join('\n')).toBe(0);
		expect(out[0]).toMatch(/^The saved answer for slave\.ip is not allowed \(slave\.ip: "300\.1\.1\.1" is not allowed; .*\): it is replaced by 10\.0\.0\.7\.$/);
		expect(out[1]).toBe('Changing slave.ip: 127.0.0.1 → 10.0.0.7');
		expect(await read(root, 'etc/mesos-slave/ip')).toBe('10.0.0.7\n');
		expect((await savedOn(root))['slave.ip']).toBe('10.0.0.7');
	});

	it('still refuses a saved answer not allowed for another setting, naming state.json and how to replace it', async () => {
		const root = await setUpSandbox();
		await saveByHand(root, {'master.quorum': '0'});
		const before = await readTree(root);
		for (const edit of [{id: 'slave.hostname'}, {}]) {
			const refused = await gatherAnswers(await createSystem({root}), {set: [], edit}).catch((error: unknown) => error);
			expect(refused).toBeInstanceOf(InputError);
			expect((refused as InputError).problems).toEqual([
				expect.stringMatching(
					/^master\.quorum: "0" is not allowed; use .* \(a saved answer, in \/.*\/var\/lib\/mesos-setup\/state\.json: fix it there, or replace it first with mesos-setup edit master\.quorum VALUE --root \/.*, or give this edit --set master\.quorum=VALUE\)\.$/,
				),
			]);
		}
		expect(await readTree(root)).toEqual(before);
		// Given with --set, it gives way, and the edit saves the answer given in its place.
		const {code, out} = await editAsTyped(root, 'slave.hostname', 'node1', ['master.quorum=1']);
		expect(code, out.join('\n')).toBe(0);
		expect(await savedOn(root)).toMatchObject({'master.quorum': '1', 'slave.hostname': 'node1'});
	});

	it('exits 2 and writes nothing for an unknown id or a bad value', async () => {
		const root = await setUpSandbox();
		const before = await readTree(root);
		const unknown = await edit(root, 'slave.hostnam', 'node1');
		expect(unknown.code).toBe(2);
		expect(unknown.err[0]).toContain('unknown setting "slave.hostnam": known settings are slave.master, slave.ip, slave.hostname');
		expect(unknown.err.at(-1)).toBe('Nothing was changed.');
		const bad = await edit(root, 'slave.ip', '300.1.1.1');
		expect(bad.code).toBe(2);
		expect(bad.err[0]).toBe('slave.ip: "300.1.1.1" is not allowed; use an IPv4 address such as 127.0.0.1 (four numbers from 0 to 255).');
		expect(await readTree(root)).toEqual(before);
	});

	it('says so when the value is already set, and writes nothing', async () => {
		const root = await setUpSandbox();
		const before = await readTree(root);
		const {code, out} = await edit(root, 'master.port', '5050');
		expect(code).toBe(0);
		expect(out).toEqual(['master.port is already 5050; nothing to change.']);
		expect(await readTree(root)).toEqual(before);
	});

	it('keeps the finished setup finished, so the next start still offers the menu', async () => {
		const root = await setUpSandbox();
		const {system} = await edit(root, 'slave.ip', '10.0.0.5');
		expect(system.state.progress()?.finished).toBe(true);
		expect((await createSystem({root})).state.setUpBefore()).toBe(true);
	});

	it('exits 1 and says why when a file cannot be written', async () => {
		const root = await setUpSandbox();
		// The backups folder as a plain file: the old bytes cannot be kept, so nothing is replaced.
		await rm(path.join(root, 'var/backups/mesos-setup'), {recursive: true});
		await writeFile(path.join(root, 'var/backups/mesos-setup'), 'not a folder\n');
		const {code, err} = await edit(root, 'slave.ip', '10.0.0.5');
		expect(code).toBe(1);
		expect(err[0]).toMatch(/^Failed: cannot write \/etc\/mesos-slave\/ip: \/var\/backups\/mesos-setup is a file, not a folder/);
		expect(await read(root, 'etc/mesos-slave/ip')).toBe('127.0.0.1\n');
	});

	it('refuses as bad input, writing nothing, when a file stands where a settings folder should be', async () => {
		const root = await setUpSandbox();
		await rm(path.join(root, 'etc/mesos-slave'), {recursive: true});
		await writeFile(path.join(root, 'etc/mesos-slave'), 'not a folder\n');
		const before = await readTree(root);
		await expect(edit(root, 'slave.ip', '10.0.0.5')).rejects.toThrow(/^\/etc\/mesos-slave\/ip \(from slave.ip\) cannot be written: \/etc\/mesos-slave is a file, not a folder/);
		expect(await readTree(root)).toEqual(before);
	});
});
