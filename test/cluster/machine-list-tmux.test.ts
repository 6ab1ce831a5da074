// The built CLI in a real terminal (tmux, 120×40, one key per send-keys, each waited for by the
// change it makes): the welcome's "several machines", a master and an agent typed into the machine
// list, and the list saved as a cluster file the cluster commands read. In a --root sandbox: the
// machine list changes nothing on this machine but the file it saves.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {expect, it} from 'vitest';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import {tempRoot} from '../helpers/temp-root.js';
import {startBuiltCli} from '../helpers/built-cli.js';

it('lists two machines and saves them as a cluster file, from the welcome of the built CLI', async () => {
	const root = await tempRoot();
	const session = await startBuiltCli({name: `machines-${path.basename(root)}`, args: ['--root', root], width: 120, height: 40});
	const step = async (key: string, change: string | RegExp) => {
		await session.key(key);
		return session.waitFor(change);
	};
	const typed = async (text: string, label: string) => {
		for (let end = 1; end <= text.length; end++) await step(text[end - 1] as string, `${label}${text.slice(0, end)}`);
	};
	await session.waitFor('This machine or several machines?');
	await step('Down', '❯ Several machines');
	await step('Enter', 'Several machines: list them');
	await step('a', 'A new machine');
	await typed('10.0.0.1', 'Address: ');
	await step('Enter', /m1 +10\.0\.0\.1 +master/);
	await step('a', 'A new machine');
	await typed('10.0.0.2', 'Address: ');
	await step('Tab', '‹ master (ZooKeeper, Mesos master, Marathon) ›');
	await step('Right', '‹ agent (Mesos agent) ›');
	const listed = await step('Enter', /m2 +10\.0\.0\.2 +agent/);
	expect(listed).toContain('2 machines: 1 master (quorum 1), 1 agent only');
	expect(listed).not.toContain('Not yet a cluster');
	await step('s', 'Save as: cluster.yaml');
	await step('C-u', /^Save as: *$/m);
	const file = path.join(root, 'two.yaml');
	await typed(file, 'Save as: ');
	await step('Enter', `Saved: ${file}`);
	expect(parseClusterFile(await readFile(file, 'utf8'), file).nodes).toEqual([
		{name: 'm1', address: '10.0.0.1', role: 'master'},
		{name: 'm2', address: '10.0.0.2', role: 'agent'},
	]);
	await session.key('Enter');
	expect(await session.waitForExit()).toBe(0);
});
