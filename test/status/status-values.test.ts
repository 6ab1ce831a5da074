import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {valuesForStatusWhenChanged} from '../../source/system/current-values.js';
import {createSystem} from '../../source/system/system.js';

const roots: string[] = [];
afterEach(async () => {
	for (const root of roots.splice(0)) await rm(root, {recursive: true, force: true});
});

async function portFile(root: string, port: string): Promise<void> {
	await mkdir(path.join(root, 'etc/default'), {recursive: true});
	await writeFile(path.join(root, 'etc/default/mesos-master'), `PORT=${port}\n`);
}

describe('the live status reads the setting files only when one changed', () => {
	it('keeps the values while the files stay as they were, and reads them again after a change', async () => {
		const root = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-status-values-'));
		roots.push(root);
		await portFile(root, '5050');
		const system = await createSystem({root});
		const valuesFor = valuesForStatusWhenChanged(system);
		const saved = system.state.answers();
		const first = await valuesFor(saved);
		expect(first['master.port']).toBe('5050');
		// Nothing changed: the same values, not a new reading.
		expect(await valuesFor(saved)).toBe(first);
		// The file changes (its size differs, whatever the clock's resolution): read again.
		await portFile(root, '15050');
		expect((await valuesFor(saved))['master.port']).toBe('15050');
		// A file that appears counts as a change too.
		await mkdir(path.join(root, 'etc/mesos'), {recursive: true});
		await writeFile(path.join(root, 'etc/mesos/zk'), 'zk://10.0.0.1:2181/mesos\n');
		expect((await valuesFor(saved))['mesos.zk']).toBe('zk://10.0.0.1:2181/mesos');
	});

	it('reads again for other saved answers', async () => {
		const root = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-status-values-'));
		roots.push(root);
		const system = await createSystem({root});
		const valuesFor = valuesForStatusWhenChanged(system);
		expect((await valuesFor({'master.port': '6060'}))['master.port']).toBe('6060');
		expect((await valuesFor({'master.port': '7070'}))['master.port']).toBe('7070');
	});
});
