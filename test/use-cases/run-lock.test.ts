// One run at a time, through the use cases: while another mesos-setup holds the run lock, a setup,
// a setting's write and undo are refused before they change anything, naming the holder; status
// and a dry run go on, taking no lock.
import {spawn} from 'node:child_process';
import {mkdir, symlink} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {currentValues} from '../../source/model/current-values.js';
import {planSettingChange} from '../../source/model/setting-change.js';
import {createSystem} from '../../source/system/system.js';
import {writeSetting} from '../../source/use-cases/change-setting.js';
import {runSetup} from '../../source/use-cases/setup.js';
import {statusSnapshot} from '../../source/use-cases/status.js';
import {undoLastRun} from '../../source/use-cases/undo.js';
import {tempRoot} from '../helpers/temp-root.js';
import {readTree} from '../helpers/tree.js';

const holders: {kill(): void}[] = [];
afterEach(() => {
	for (const holder of holders.splice(0)) holder.kill();
});

// A root whose lock is held by a live process other than this one.
async function lockedRoot(): Promise<{root: string; pid: number}> {
	const root = await tempRoot();
	const holder = spawn('sleep', ['60'], {stdio: 'ignore'});
	holders.push(holder);
	const pid = holder.pid ?? 0;
	await mkdir(path.join(root, 'var/lib/mesos-setup'), {recursive: true});
	// Taken a moment after the holder started, as a real run takes it.
	await new Promise(resolve => setTimeout(resolve, 50));
	await symlink(`${pid} ${new Date().toISOString()} setup`, path.join(root, 'var/lib/mesos-setup/run.lock'));
	return {root, pid};
}

describe('the run lock, taken by the use cases that change the machine', () => {
	it('refuses a setup, a setting write and undo while another run holds it, changing nothing', async () => {
		const {root, pid} = await lockedRoot();
		const before = await readTree(root);
		const system = await createSystem({root});
		const held = new RegExp(`another mesos-setup \\(setup, PID ${pid}\\) has been running here since`);
		await expect(runSetup(system, {})).rejects.toThrow(held);
		const change = planSettingChange(currentValues({}, {}, system.facts), system.facts, 'slave.hostname', 'node1', true);
		if (!change.ok) throw new Error(change.problems.join('\n'));
		await expect(writeSetting(system, change.change)).rejects.toThrow(held);
		await expect(undoLastRun(system)).rejects.toThrow(held);
		expect(await readTree(root)).toEqual(before);
	});

	it('lets status and a dry run go on while it is held', async () => {
		const {root} = await lockedRoot();
		const snapshot = await statusSnapshot(await createSystem({root}), {endpoints: {master: 'http://127.0.0.1:9', agent: 'http://127.0.0.1:9', marathon: 'http://127.0.0.1:9', zookeeper: {host: '127.0.0.1', port: 9}}});
		expect(snapshot.services.length).toBeGreaterThan(0);
		const dryRun = await runSetup(await createSystem({root, dryRun: true}), {});
		expect(dryRun.ok).toBe(true);
	});
});
