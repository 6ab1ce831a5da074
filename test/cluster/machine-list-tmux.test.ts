// The built CLI in a real terminal (tmux, 120×40, one key per send-keys, each waited for by the
// change it makes): the welcome's "several machines", a master and an agent typed into the machine
// list, the list saved as a cluster file the cluster commands read, the settings pages, the summary
// and the deploy. In a --root sandbox: the deploy is rehearsed under ROOT/NAME, nothing over SSH.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {expect, it} from 'vitest';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import {tempRoot} from '../helpers/temp-root.js';
import {startBuiltCli} from '../helpers/built-cli.js';

it('lists two machines, saves them, asks the settings once, shows the summary and rehearses the deploy, from the welcome of the built CLI', async () => {
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
	// A new machine opens on its name (m1, suggested); Tab goes on to the address.
	await step('a', '▸ Name:    m1');
	await step('Tab', '▸ Address: ');
	await typed('10.0.0.1', 'Address: ');
	await step('Enter', /m1 +10\.0\.0\.1 +master/);
	await step('a', '▸ Name:    m2');
	await step('Tab', '▸ Address: ');
	await typed('10.0.0.2', 'Address: ');
	await step('Tab', '▸ Role:    ‹ master (ZooKeeper, Mesos master, Marathon) ›');
	await step('Right', '‹ agent (Mesos agent) ›');
	const listed = await step('Enter', /m2 +10\.0\.0\.2 +agent/);
	expect(listed).toContain('2 machines: 1 master (quorum 1), 1 agent only');
	expect(listed).not.toContain('Not yet a cluster');
	await step('s', 'Save as: cluster.yaml');
	// Under NO_COLOR (as the terminal tests run) the empty field shows its cursor as _.
	await step('C-u', /^Save as: *_?$/m);
	const file = path.join(root, 'two.yaml');
	await typed(file, 'Save as: ');
	await step('Enter', `Saved: ${file}`);
	expect(parseClusterFile(await readFile(file, 'utf8'), file).nodes).toEqual([
		{name: 'm1', address: '10.0.0.1', role: 'master'},
		{name: 'm2', address: '10.0.0.2', role: 'agent'},
	]);
	// Enter: the settings pages, once for both nodes, each waited for by its page number.
	let page = await step('Enter', /Settings for every node · page 1 of (\d+)/);
	const pages = Number(/page 1 of (\d+)/.exec(page)?.[1]);
	expect(pages).toBeGreaterThan(5);
	for (let next = 2; next <= pages; next++) page = await step('Enter', `page ${next} of ${pages}`);
	// The summary: each node's role, services and files before anything runs; v opens a diff.
	const summary = await step('Enter', "every node's changes (2 nodes)");
	expect(summary).toContain('▾ m1 · master · 10.0.0.1 · runs zookeeper, mesos-master, marathon');
	expect(summary).toMatch(/▸ m2 · agent · 10\.0\.0\.2 · runs mesos-slave · \d+ commands to run; files: \d+ new\./);
	await step('v', /m1: \/etc\/apt\/sources\.list\.d\/mesosphere\.list \(new\)/);
	await step('Escape', '› /etc/apt/sources.list.d/mesosphere.list');
	// Enter: the deploy, rehearsed under ROOT/NAME, a pane per node.
	const done = await step('Enter', "nothing went over SSH.");
	expect(done).toMatch(/m1 · master · 10\.0\.0\.1 · ✔ done/);
	expect(done).toMatch(/m2 · agent · 10\.0\.0\.2 · ✔ done/);
	expect(await readFile(path.join(root, 'm1/etc/mesos-master/ip'), 'utf8')).toBe('10.0.0.1\n');
	expect(await readFile(path.join(root, 'm2/etc/mesos-slave/ip'), 'utf8')).toBe('10.0.0.2\n');
	await session.key('Enter');
	expect(await session.waitForExit()).toBe(0);
});
