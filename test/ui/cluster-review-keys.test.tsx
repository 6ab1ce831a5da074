// Keys typed while the cluster screens hand over from the settings to the summary reach the summary,
// however fast the review of every node is. Without --root the review plans for the article's
// machine and reads nothing, so it finishes within microtasks: the settings page's key handler was
// then still the one listening when the next key came, and the key was lost (startup found it;
// TargetFs finishing each call in a later turn hid it for sandboxes).
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import {createSystem, type System} from '../../source/system/system.js';
import {ClusterScreens} from '../../source/ui/cluster/ClusterScreens.js';
import {press, readsKeys, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';
import {renderScreen} from './render-screen.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const text = 'masters:\n  - {name: m1, address: 10.0.0.1}\nagents:\n  - {name: a1, address: 10.0.0.2}\n';

// A System that is no sandbox (the screens then review over "SSH": planned for the article's
// machine, nothing read, all within microtasks); nothing in these tests reaches a node.
async function notASandbox(): Promise<System> {
	const system = await createSystem({root: await tempRoot()});
	return {...system, sandbox: false, root: '/'};
}

async function atLastSettingsPage() {
	const root = await tempRoot();
	const file = path.join(root, 'cluster.yaml');
	await writeFile(file, text);
	const app = renderScreen(await notASandbox(), <ClusterScreens cluster={parseClusterFile(text, file)} file={file} onExit={() => undefined} />);
	unmount = app.unmount;
	// Once the layout is predicted (it says where it came from), so that no frame of its is taken for a key's.
	let frame = await waitForFrame(app, f => f.includes('Settings for every node · page 1 of') && !f.includes('Layout: predicting'), 30_000);
	while (!/page (\d+) of \1:/.test(frame)) frame = await press(app, keys.enter);
	return app;
}

const chosenFile = (frame: string): string => /› (\S+)/.exec(frame)?.[1] ?? '';

describe('keys while the cluster screens go from the settings to the summary', () => {
	it('a key pressed once the summary shows reaches it, though the review ended within microtasks', async () => {
		const app = await atLastSettingsPage();
		// The review may be drawn ("Planning every node…") or not, as fast as it ends: the summary is waited for.
		app.stdin.write(keys.enter);
		const summary = await waitForFrame(app, "every node's changes (2 nodes)");
		const first = chosenFile(summary);
		const moved = await press(app, keys.down);
		expect(chosenFile(moved)).not.toBe(first);
	});

	it('keys typed with the last page’s Enter, in the same read, wait for the summary', async () => {
		const app = await atLastSettingsPage();
		await readsKeys(app);
		const before = app.lastFrame() ?? '';
		app.stdin.write(`${keys.enter}${keys.down}v`);
		const diff = await waitForFrame(app, frame => frame !== before && /^m1: \S+ \(new\)/m.test(frame));
		expect(diff).toContain('Esc back to the summary');
	});
});
