// The cluster settings pages name the paths the chosen source's packages will read (issue 11 point
// 3): predicted as the cluster summary predicts them, without reaching a node (the source as this
// machine reads it), in the background. Until it comes the pages say they are predicting and keys
// go on working; then, with a folder of the lab's mesos/mesos-packaging .debs, the agent's pages are
// /etc/mesos-agent/… and Marathon's /etc/default/marathon, each saying where that was read; with the
// article's source chosen on its page it is predicted again and they are /etc/mesos-slave/… and
// /etc/marathon/conf/… again.
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import React from 'react';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import {createSystem, type System} from '../../source/system/system.js';
import {ClusterScreens} from '../../source/ui/cluster/ClusterScreens.js';
import {type InkApp, press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';
import {buildLabPackages} from '../lab/lab-packages.js';
import {renderScreen} from './render-screen.js';

let workDir = '';
let debs = '';
let unmount: (() => void) | undefined;

beforeAll(async () => {
	workDir = await mkdtemp(path.join(tmpdir(), 'mesos-setup-cluster-pages-'));
	const built = await buildLabPackages(workDir, 'mesos-packaging');
	debs = path.dirname(built.debs[0]?.file ?? '');
}, 120_000);

afterEach(() => unmount?.());

afterAll(async () => {
	if (workDir) await rm(workDir, {recursive: true, force: true});
});

// No sandbox: the pages predict as `cluster plan` does, from the source as this machine reads it
// (the folder is here). Nothing in this test goes past the settings pages, so no node is reached.
async function notASandbox(): Promise<System> {
	const system = await createSystem({root: await tempRoot()});
	return {...system, sandbox: false, root: '/'};
}

const flat = (frame: string): string => frame.replaceAll(/\s+/g, ' ');
const predicting = 'Layout: predicting from the package source…';
const heading = (frame: string): string => /page \d+ of \d+: (.+)$/m.exec(frame)?.[1]?.trim() ?? '';

// Every page's heading from here to the last, each page waited for by its number.
async function headingsToTheEnd(app: InkApp, from: string): Promise<{titles: string[]; frames: string[]}> {
	const frames = [from];
	for (let frame = from; ; ) {
		const [, at, of] = /page (\d+) of (\d+):/.exec(frame) ?? [];
		if (at === of) break;
		await press(app, keys.enter);
		frame = await waitForFrame(app, `page ${Number(at) + 1} of ${of}:`);
		frames.push(frame);
	}
	return {titles: frames.map(heading), frames};
}

async function backToTheFirstPage(app: InkApp, from: string): Promise<string> {
	let frame = from;
	while (!frame.includes('page 1 of')) frame = await press(app, keys.escape);
	return frame;
}

describe('the cluster settings pages’ paths, predicted from the package source', () => {
	it('name /etc/mesos-agent and /etc/default/marathon for the folder, the article’s paths for the article’s source, and keys work while predicting', async () => {
		const root = await tempRoot();
		const file = path.join(root, 'cluster.yaml');
		const text = `masters:\n  - {name: m1, address: 10.0.0.1, role: master+agent}\nagents:\n  - {name: a1, address: 10.0.0.2}\nsettings: {repo.source: folder, repo.folder: ${debs}}\n`;
		await writeFile(file, text);
		const app = renderScreen(await notASandbox(), <ClusterScreens cluster={parseClusterFile(text, file)} file={file} onExit={() => undefined} />);
		unmount = app.unmount;

		// The first frame: the article's paths, said as being predicted; the folder's own setting asked.
		let frame = await waitForFrame(app, 'Settings for every node · page 1 of');
		expect(frame).toContain(predicting);
		expect(frame).toMatch(/^ +Folder of \.deb files/m);
		// A key while predicting: Enter goes to page 2 (and the prediction still comes).
		frame = await press(app, keys.enter);
		frame = await waitForFrame(app, 'page 2 of');
		frame = await backToTheFirstPage(app, frame);
		frame = await waitForFrame(app, f => f.includes('page 1 of') && !f.includes(predicting), 30_000);
		expect(flat(frame)).toContain(
			`Layout: the agent’s from /etc/mesos-agent/ and /etc/default/mesos-agent (mesos-init-wrapper agent), Marathon’s from /etc/default/marathon (MARATHON_* variables); predicted from ${debs} read on this machine (mesos 1.11.0-lab1: its agent service runs mesos-init-wrapper agent; marathon 1.10.26-lab1).`,
		);

		const folder = await headingsToTheEnd(app, frame);
		expect(folder.titles).toContain('/etc/default/marathon');
		expect(folder.titles).toContain('/etc/default/mesos-agent');
		expect(folder.titles.some(title => title.startsWith('/etc/mesos-agent/'))).toBe(true);
		expect(folder.titles.filter(title => /^\/etc\/(mesos-slave\/|default\/mesos-slave|marathon\/conf)/.test(title))).toEqual([]);
		// The agent's page says who reads it and how that is known, in the one-machine preview's words.
		const agentPage = folder.frames.find(each => heading(each).startsWith('/etc/mesos-agent/')) ?? '';
		expect(agentPage).toMatch(/Written to \/etc\/mesos-agent\/\S+ on each node that has this file/);
		expect(flat(agentPage)).toContain(`Read by mesos-init-wrapper agent, as predicted from ${debs} read on this machine (mesos 1.11.0-lab1: its agent service runs mesos-init-wrapper agent)`);
		const marathonPage = folder.frames.find(each => heading(each) === '/etc/default/marathon') ?? '';
		expect(flat(marathonPage)).toContain(`Read by Marathon 1.5+, as predicted from ${debs} read on this machine (marathon 1.10.26-lab1)`);

		// The article's source chosen on its page (folder → apt → article): predicted again, the
		// folder's setting no longer asked; Enter right after goes to page 2.
		frame = await backToTheFirstPage(app, folder.frames.at(-1) ?? '');
		frame = await press(app, keys.up);
		expect(frame).toContain('❯ apt');
		frame = await press(app, keys.up);
		expect(frame).toContain('❯ article');
		expect(frame).not.toMatch(/^ +Folder of \.deb files/m);
		// (The index of the article's repository cannot be fetched here: that prediction may end before
		// the frame is drawn, so "predicting" is not asked for; the pages are.)
		await press(app, keys.enter);
		frame = await waitForFrame(app, 'page 2 of');
		frame = await backToTheFirstPage(app, frame);
		// The article's layout, not a frame drawn before its prediction began (the folder's pages are
		// fewer: walking them while the article's prediction lands changed the page count under the test).
		frame = await waitForFrame(app, f => f.includes('page 1 of') && !f.includes(predicting) && flat(f).includes('Layout: the agent’s from /etc/mesos-slave/'), 30_000);
		const article = await headingsToTheEnd(app, frame);
		expect(article.titles.some(title => title.startsWith('/etc/mesos-slave/'))).toBe(true);
		expect(article.titles.some(title => title.startsWith('/etc/marathon/conf/'))).toBe(true);
		expect(article.titles.filter(title => /^\/etc\/(mesos-agent\/|default\/mesos-agent|default\/marathon)/.test(title))).toEqual([]);
		const slavePage = article.frames.find(each => heading(each).startsWith('/etc/mesos-slave/')) ?? '';
		expect(flat(slavePage)).toContain('Read by mesos-init-wrapper slave');
	}, 120_000);
});
