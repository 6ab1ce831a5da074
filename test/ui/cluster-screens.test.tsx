// The cluster screens after the machine list, in a --root sandbox (the deploy rehearsed, node NAME
// under ROOT/NAME, nothing over SSH): the settings pages asked once for every node with the derived
// ones shown per node, the summary of every node's changes with a diff opened, and the deploy's
// panes streaming each node's run; the setting changed goes into the cluster file.
import {readFile, writeFile} from 'node:fs/promises';
import {render} from 'ink-testing-library';
import React from 'react';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import {createSystem} from '../../source/system/system.js';
import {App} from '../../source/ui/App.js';
import {tempRoot} from '../helpers/temp-root.js';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {type RenderedApp, renderWizard} from './render-wizard.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

// A rehearsed deploy of four nodes: 10 s on a quiet machine, 41 s and then over 60 s in CI runs on
// a loaded one (load 5 on 2 cores, the lab's apt and dpkg syncing beside it): the wait is for the
// run's end, not for a key's answer, and allows for that.
const deployMs = 180_000;

describe('the cluster screens after the machine list', () => {
	it('asks the settings once, shows every node’s changes, then rehearses the deploy with a pane per node', async () => {
		app = await renderWizard();
		await waitForFrame(app, 'This machine or several machines?');
		await press(app, keys.down, keys.enter);
		await waitForFrame(app, 'Several machines: list them');
		app.stdin.write(`a${keys.tab}10.0.0.11${keys.enter}a${keys.tab}10.0.0.12${keys.enter}a${keys.tab}10.0.0.13${keys.enter}`);
		await waitForFrame(app, /m3 +10\.0\.0\.13 +master/);
		app.stdin.write(`a${keys.tab}10.0.0.21${keys.enter}`);
		await waitForFrame(app, /a1 +10\.0\.0\.21 +agent/);
		const file = path.join(app.root, 'cluster.yaml');
		app.stdin.write('s');
		await waitForFrame(app, 'Save as:');
		app.stdin.write(`\u0015${file}${keys.enter}`);
		await waitForFrame(app, `Saved: ${file}`);

		// Enter: the wizard's pages, once for all four nodes.
		await press(app, keys.enter);
		// Once the layout is predicted (it says where it came from), so that no frame of its is taken for a key's.
		const first = await waitForFrame(app, f => f.includes('Settings for every node · page 1 of') && !f.includes('Layout: predicting'), 30_000);
		expect(first).toContain('Key server');
		// Through the pages to zoo.cfg: dataDir asked, the server lines shown as derived, never asked.
		let frame = first;
		while (!frame.includes('/etc/zookeeper/conf/zoo.cfg')) frame = await press(app, keys.enter);
		expect(frame).toContain('Derived from the machine list');
		expect(frame).toMatch(/1=10\.0\.0\.11:2888:3888/);
		// myid, per node, beside the servers it must match (the wizard's zoo.cfg page asks it there).
		expect(frame).toContain('m1: 1, m2: 2, m3: 3');
		// Esc goes back a page, Enter comes back to it.
		frame = await press(app, keys.escape);
		expect(frame).toContain('page 1 of');
		frame = await press(app, keys.enter);
		expect(frame).toContain('/etc/zookeeper/conf/zoo.cfg');
		// dataDir typed over: Ctrl+U clears, then a new folder.
		app.stdin.write('\u0015/srv/zookeeper');
		frame = await waitForFrame(app, '/srv/zookeeper');
		// An empty value is refused on the spot, with the page kept.
		app.stdin.write('\u0015');
		await waitForFrame(app, /not allowed/);
		await press(app, keys.enter);
		expect(app.lastFrame()).toContain('zoo.cfg');
		app.stdin.write('/srv/zookeeper');
		await waitForFrame(app, /ZooKeeper data directory +\/srv\/zookeeper/);
		// The rest of the pages, then the summary.
		while (!/page (\d+) of \1:/.test(frame)) frame = await press(app, keys.enter);
		app.stdin.write(keys.enter);
		frame = await waitForFrame(app, 'every node\'s changes');
		expect(frame).toContain('▾ m1 · master · 10.0.0.11 · runs zookeeper, mesos-master, marathon');
		// Where the open node's files go, and how that is known (its source's index is out of reach here).
		expect(frame).toContain('  Marathon’s files go to /etc/marathon/conf/ (the article’s, assumed).');
		// Counts of what there is only, in the one-machine summary's words: no "0 changed".
		expect(frame).toMatch(/^ {2}\d+ commands to run; files: \d+ new\.$/m);
		expect(frame).toMatch(/▸ a1 · agent · 10\.0\.0\.21 · runs mesos-slave · \d+ commands to run; files: \d+ new\./);
		expect(frame).not.toMatch(/\b0 (changed|unchanged|commands)/);
		expect(frame).toContain('gpg --batch --keyserver keyserver.ubuntu.com --recv-keys');
		// ↓ to zoo.cfg, v opens its diff; Esc back.
		while (!frame.includes('› /etc/zookeeper/conf/zoo.cfg')) frame = await press(app, keys.down);
		const diff = await press(app, 'v');
		expect(diff).toContain('m1: /etc/zookeeper/conf/zoo.cfg (new)');
		expect(diff).toContain('dataDir=/srv/zookeeper');
		await press(app, keys.escape);
		// Enter: the deploy, rehearsed node after node; each pane streams its node's run.
		await press(app, keys.enter);
		const done = await waitForFrame(app, "nothing went over SSH.", deployMs);
		for (const name of ['m1', 'm2', 'm3', 'a1']) expect(done).toMatch(new RegExp(`${name} · \\w+ · 10\\.0\\.0\\.\\d+ · ✔ done`));
		// While m1 worked, a1 still waited: the panes are live, not drawn at the end.
		expect(app.frames.some(seen => /m1 · master · 10\.0\.0\.11 · ◐ working/.test(seen) && /a1 · agent · 10\.0\.0\.21 · ○ waiting/.test(seen))).toBe(true);
		expect(app.frames.some(seen => seen.includes('✔ /etc/mesos-master/ip'))).toBe(true);
		for (const [name, myid] of [['m1', '1'], ['m2', '2'], ['m3', '3']]) expect((await readFile(path.join(app.root, name as string, 'srv/zookeeper/myid'), 'utf8')).trim()).toBe(myid);
		expect(await readFile(path.join(app.root, 'm2/etc/zookeeper/conf/zoo.cfg'), 'utf8')).toContain('server.3=10.0.0.13:2888:3888');
		expect(parseClusterFile(await readFile(file, 'utf8'), file).settings).toEqual({'zookeeper.dataDir': '/srv/zookeeper'});
		app.stdin.write(keys.enter);
		await waitForFrame(app, () => app!.exitCode() === 0);
	}, 300_000);

	it('opens at the settings for cluster setup FILE, and leaves a hand-written file as it was when no setting changed', async () => {
		const root = await tempRoot();
		const file = path.join(root, 'cluster.yaml');
		const text = '# our two machines\nmasters:\n  - {name: m1, address: 10.0.0.1}\nagents:\n  - {name: a1, address: 10.0.0.2}\nsettings: {slave.containerizers: mesos}\n';
		await writeFile(file, text);
		const cluster = parseClusterFile(text, file);
		let code: number | undefined;
		const shown = render(<App system={await createSystem({root})} command="cluster setup" answers={{}} cluster={cluster} clusterFile={file} onExit={exit => (code = exit)} />);
		const inkApp = Object.assign(shown, {root});
		// Once the layout is predicted (it says where it came from), so that no frame of its is taken for a key's.
		let frame = await waitForFrame(inkApp, f => f.includes('Settings for every node · page 1 of') && !f.includes('Layout: predicting'), 30_000);
		expect(frame).toContain('Esc leave');
		while (!/page (\d+) of \1:/.test(frame)) frame = await press(inkApp, keys.enter);
		inkApp.stdin.write(keys.enter);
		await waitForFrame(inkApp, "every node's changes (2 nodes)");
		await press(inkApp, keys.enter);
		await waitForFrame(inkApp, 'nothing went over SSH.', deployMs);
		expect(await readFile(file, 'utf8')).toBe(text);
		expect(await readFile(path.join(root, 'a1/etc/mesos-slave/containerizers'), 'utf8')).toBe('mesos\n');
		inkApp.stdin.write(keys.enter);
		await waitForFrame(inkApp, () => code === 0);
		shown.unmount();
	}, 300_000);

	it('in a rehearsal whose cluster file is outside the root, saves the settings changed in a copy inside it, says where, and leaves the file as it was', async () => {
		const root = await tempRoot();
		const file = path.join(await tempRoot(), 'cluster.yaml');
		const text = '# our two machines\nmasters:\n  - {name: m1, address: 10.0.0.1}\nagents:\n  - {name: a1, address: 10.0.0.2}\n';
		await writeFile(file, text);
		let code: number | undefined;
		const shown = render(<App system={await createSystem({root})} command="cluster setup" answers={{}} cluster={parseClusterFile(text, file)} clusterFile={file} onExit={exit => (code = exit)} />);
		const inkApp = Object.assign(shown, {root});
		let frame = await waitForFrame(inkApp, f => f.includes('Settings for every node · page 1 of') && !f.includes('Layout: predicting'), 30_000);
		while (!frame.includes('/etc/zookeeper/conf/zoo.cfg')) frame = await press(inkApp, keys.enter);
		inkApp.stdin.write('\u0015/srv/zookeeper');
		frame = await waitForFrame(inkApp, /ZooKeeper data directory +\/srv\/zookeeper/);
		while (!/page (\d+) of \1:/.test(frame)) frame = await press(inkApp, keys.enter);
		inkApp.stdin.write(keys.enter);
		await waitForFrame(inkApp, "every node's changes (2 nodes)");
		await press(inkApp, keys.enter);
		const done = (await waitForFrame(inkApp, 'nothing went over SSH.', deployMs)).replaceAll(/ *\n */g, ' ');
		expect(await readFile(file, 'utf8')).toBe(text);
		const copy = path.join(root, 'cluster.yaml');
		expect(parseClusterFile(await readFile(copy, 'utf8'), copy).settings).toEqual({'zookeeper.dataDir': '/srv/zookeeper'});
		expect(done).toContain(`The settings chosen are in ${copy}, a copy of ${file}: a rehearsal writes nothing outside ${root}.`);
		// Said at the start too, before any node's files.
		expect(done).toContain(`The settings chosen are saved in ${copy}, a copy of`);
		inkApp.stdin.write(keys.enter);
		await waitForFrame(inkApp, () => code === 0);
		shown.unmount();
	}, 300_000);
});
