// The cluster screens' machine list, reached from the welcome ("several machines"): machines added,
// edited and removed with keys arriving several in one read, what cluster … FILE would refuse shown
// before anything is written, and the list saved as a cluster file that reads back the same.
import {readFile, readdir} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import {tempRoot} from '../helpers/temp-root.js';
import {waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {type RenderedApp, renderWizard} from './render-wizard.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

// Writes one chunk, as a terminal hands over fast typing, then waits for what it must draw.
async function type(chunk: string, expected: string | RegExp): Promise<string> {
	app!.stdin.write(chunk);
	return waitForFrame(app!, expected);
}

// A frame's text with the screen's line breaks taken out: long paths wrap at the test's width.
const unwrapped = (frame = ''): string => frame.replaceAll(/ *\n */g, ' ');

describe('the machine list of several machines', () => {
	it('is offered on the welcome, lists machines typed several keys at a time, and saves them as a cluster file', async () => {
		app = await renderWizard();
		await waitForFrame(app, 'This machine or several machines?');
		await type(`${keys.down}${keys.enter}`, 'Several machines: list them');
		// a: a new machine, named m1 and a master, opened on its name; Tab goes on to the address.
		await type(`a${keys.tab}10.0.0.11${keys.enter}a${keys.tab}10.0.0.12${keys.enter}a${keys.tab}10.0.0.13${keys.enter}`, /m3 +10\.0\.0\.13 +master/);
		const listed = await type(`a${keys.tab}10.0.0.21${keys.enter}`, /a1 +10\.0\.0\.21 +agent/);
		expect(listed).toContain('4 machines: 3 masters (quorum 2), 1 agent only');
		expect(listed).not.toContain('Not yet a cluster');
		// The same address twice is refused on the spot; Esc drops the machine.
		expect(await type(`a${keys.tab}10.0.0.11${keys.enter}`, 'Another machine already has the address 10.0.0.11')).toContain('A new machine');
		await type(keys.escape, /^(?![\s\S]*A new machine)/);
		// a1 made a master (role ←): four masters and no agent is not a cluster, and s says why.
		const even = await type(`e${keys.tab}${keys.tab}${keys.left}${keys.enter}`, /a1 +10\.0\.0\.21 +master/);
		expect(even).toContain('Not yet a cluster');
		const refused = await type('s', /even number|agent/);
		expect(refused).not.toContain('Save as');
		// Back to an agent, one more added and removed again.
		await type(`e${keys.tab}${keys.tab}${keys.right}${keys.enter}`, /a1 +10\.0\.0\.21 +agent/);
		await type(`a${keys.tab}10.0.0.22${keys.enter}`, /a2 +10\.0\.0\.22/);
		await type('d', /^(?![\s\S]*a2 +10\.0\.0\.22)/);
		// s: the file name, cluster.yaml unless typed; Ctrl+U clears it. A rehearsal (--root) saves a
		// relative name inside the root, not in the working directory, and says so.
		const dir = app.root;
		const file = path.join(dir, 'my cluster.yaml');
		expect(await type('s', 'Save as:')).toContain(`A rehearsal: the file is saved inside ${dir}`);
		await type(`\u0015my cluster.yaml${keys.enter}`, `Saved: ${file}`);
		const saved = parseClusterFile(await readFile(file, 'utf8'), file);
		expect(saved.nodes).toEqual([
			{name: 'm1', address: '10.0.0.11', role: 'master'},
			{name: 'm2', address: '10.0.0.12', role: 'master'},
			{name: 'm3', address: '10.0.0.13', role: 'master'},
			{name: 'a1', address: '10.0.0.21', role: 'agent'},
		]);
		expect(await readdir(dir)).toContain('my cluster.yaml');
		expect(await readdir(process.cwd())).not.toContain('my cluster.yaml');
		// The next commands rehearse too: --root, as the deploy's own hint gives it.
		expect(unwrapped(app.lastFrame())).toContain(`mesos-setup cluster plan '${file}' --root ${dir}`);
		expect(unwrapped(app.lastFrame())).toContain(`Rehearse the deploy:  mesos-setup cluster setup '${file}' --root ${dir} --yes`);
		// q leaves with the file saved (Enter goes on to the settings: cluster-screens.test.tsx).
		app.stdin.write('q');
		await waitForFrame(app, () => app!.exitCode() === 0);
	});

	it('in a rehearsal, refuses to save outside the root, says what is allowed, and writes nothing there', async () => {
		app = await renderWizard();
		await waitForFrame(app, 'This machine or several machines?');
		await type(`${keys.down}${keys.enter}`, 'Several machines: list them');
		await type(`a${keys.tab}10.0.0.11${keys.enter}a${keys.tab}10.0.0.21${keys.tab}${keys.right}${keys.enter}`, /m2 +10\.0\.0\.21 +agent/);
		const outside = await tempRoot();
		await type('s', 'Save as:');
		const refused = unwrapped(await type(`\u0015${path.join(outside, 'cluster.yaml')}${keys.enter}`, /writes nothing outside/));
		expect(refused).toContain(`writes nothing outside ${app.root}`);
		expect(refused).toContain(`type a name such as cluster.yaml (saved in ${app.root})`);
		expect(refused).toContain('Save as:');
		expect(await readdir(outside)).toEqual([]);
	});

	// Review 3, #24: with colours off (the tests' frames have none) only text can show the focus.
	it('marks the field that has focus with ▸, as the wizard does, and opens a new machine on its first field', async () => {
		app = await renderWizard();
		await waitForFrame(app, 'This machine or several machines?');
		await type(`${keys.down}${keys.enter}`, 'Several machines: list them');
		const opened = await type('a', 'A new machine');
		expect(opened).toMatch(/▸ Name: +m1/);
		expect(opened).toMatch(/ {2}Address: /);
		expect(opened).toMatch(/ {2}Role: +‹ master/);
		const address = await type(keys.tab, /▸ Address: /);
		expect(address).toMatch(/ {2}Name: +m1/);
		const role = await type(keys.tab, /▸ Role: +‹ master/);
		expect(role).not.toMatch(/▸ (Name|Address):/);
		// Typed into the address, not the name: the focus went where ▸ said.
		await type(`${keys.tab}${keys.tab}10.0.0.9${keys.enter}`, /m1 +10\.0\.0\.9 +master/);
	});
});
