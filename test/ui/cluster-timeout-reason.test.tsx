// The cluster settings pages say why the executor registration timeout is 10mins once docker is
// among the containerizers, in the words the single machine's page and the file's note use, and
// the summary's preview of each agent's file carries that note.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import {findSetting} from '../../source/model/settings.js';
import {createSystem} from '../../source/system/system.js';
import {ClusterScreens} from '../../source/ui/cluster/ClusterScreens.js';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';
import {renderScreen} from './render-screen.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const flat = (frame: string): string => frame.replaceAll(/\s+/g, ' ');
const why = findSetting('slave.executor_registration_timeout').defaultBy?.why ?? '';

describe('the executor registration timeout on the cluster settings pages', () => {
	it('follows docker when it is chosen, says why on its page, and the summary’s preview notes it', async () => {
		expect(why).toContain('10mins is the default while the containerizers include docker');
		const root = await tempRoot();
		const file = path.join(root, 'cluster.yaml');
		const text = 'masters:\n  - {name: m1, address: 10.0.0.1}\nagents:\n  - {name: a1, address: 10.0.0.2}\n';
		await writeFile(file, text);
		const app = renderScreen(await createSystem({root}), <ClusterScreens cluster={parseClusterFile(text, file)} file={file} onExit={() => undefined} />);
		unmount = app.unmount;
		// Once the layout is predicted (it says where it came from), so that no frame of its is taken for a key's.
		let frame = await waitForFrame(app, f => f.includes('Settings for every node · page 1 of') && !f.includes('Layout: predicting'), 30_000);
		while (!frame.includes('/etc/mesos-slave/containerizers')) frame = await press(app, keys.enter);
		frame = await press(app, keys.down);
		expect(frame).toContain('❯ docker,mesos');
		frame = await press(app, keys.enter);
		expect(frame).toContain('/etc/mesos-slave/executor_registration_timeout');
		expect(frame).toMatch(/▸ Executor registration timeout +10mins/);
		expect(flat(frame)).toContain(why);
		// Esc back, mesos alone again: the timeout follows back to 5mins, and no reason is given.
		await press(app, keys.escape);
		await press(app, keys.up);
		frame = await press(app, keys.enter);
		expect(frame).toMatch(/▸ Executor registration timeout +5mins/);
		expect(flat(frame)).not.toContain('10mins is the default');
		await press(app, keys.escape);
		await press(app, keys.down);
		frame = await press(app, keys.enter);
		expect(flat(frame)).toContain(why);
		while (!/page (\d+) of \1:/.test(frame)) frame = await press(app, keys.enter);
		app.stdin.write(keys.enter);
		frame = await waitForFrame(app, "every node's changes (2 nodes)");
		while (!frame.includes('› /etc/mesos-slave/executor_registration_timeout')) frame = await press(app, keys.down);
		const diff = await press(app, 'v');
		expect(diff).toContain('a1: /etc/mesos-slave/executor_registration_timeout (new)');
		expect(diff).toContain('10mins');
		expect(flat(diff)).toContain(`note: ${why}`);
	});
});
