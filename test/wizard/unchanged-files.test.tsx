// Files already as planned, as a person reads them at 80×24 and 120×40: the overrides page lists a
// file that will not change under its own heading, not under "Will change", and a configuration
// page whose file holds these values says there is nothing to write instead of "Press Enter to write it".
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {articleMachine} from '../../source/model/facts.js';
import {findSetting} from '../../source/model/settings.js';
import {waitForFrame} from '../helpers/ink-app.js';
import {tempRoot} from '../helpers/temp-root.js';
import {createSystem} from '../../source/system/system.js';
import {renderWizard, resizeTo, terminalSizes} from '../ui/render-wizard.js';
import {acceptPage, inkScreen, pageShown, pagesFor} from './walk.js';

afterEach(() => cleanup());

const golden = (name: string): Promise<string> => readFile(new URL(`../model/golden/${name}`, import.meta.url), 'utf8');

async function place(root: string, file: string, text: string): Promise<void> {
	await mkdir(path.dirname(path.join(root, file)), {recursive: true});
	await writeFile(path.join(root, file), text);
}

describe.each(terminalSizes)('files already as planned at $columns×$rows', ({columns, rows}) => {
	it('are not under "Will change", and a page with nothing to write says so', async () => {
		const root = await tempRoot();
		await place(root, '/etc/init/zookeeper.override', await golden('etc__init__zookeeper.override'));
		await place(root, '/etc/mesos/zk', await golden('etc__mesos__zk'));
		const app = await renderWizard({system: await createSystem({root})});
		resizeTo(app, {columns, rows});
		const screen = inkScreen(app);
		const pages = pagesFor(articleMachine);
		const overrides = pages.findIndex(p => p.id === 'overrides');
		for (const page of pages.slice(0, overrides)) await acceptPage(screen, page);
		const listed = await waitForFrame(app, 'Already as planned (nothing to write):');
		const lines = listed.split('\n');
		const change = lines.findIndex(line => line.includes('Will change:'));
		const same = lines.findIndex(line => line.includes('Already as planned (nothing to write):'));
		expect(change).toBeGreaterThanOrEqual(0);
		expect(lines.slice(change + 1, same).join('\n')).not.toContain('/etc/init/zookeeper.override');
		expect(lines.slice(change + 1, same).join('\n')).toContain('/etc/init/marathon.override');
		expect(lines[same + 1]).toContain('✎ /etc/init/zookeeper.override');
		// The note the five overrides share is said once on the screen, under the first of them.
		const review = await waitForFrame(app, 'Press Enter to write them.');
		expect(review.match(/upstart reads/g)?.length ?? 0).toBeLessThanOrEqual(1);
		if (rows === 40) expect(review.replaceAll(/\s+/g, ' ')).toContain('note: for each of these 5 files: upstart reads “manual” here');

		const zk = pages.findIndex(p => p.title === '/etc/mesos/zk');
		expect(zk).toBeGreaterThan(overrides);
		for (const page of pages.slice(overrides, zk)) await acceptPage(screen, page);
		const zkPageOf = pages[zk];
		await waitForFrame(app, pageShown(zkPageOf ?? pages[0]!));
		for (const id of zkPageOf?.fields ?? []) {
			await waitForFrame(app, `▸ ${findSetting(id)?.label}`);
			await screen.enter();
		}
		const zkPage = await waitForFrame(app, frame => frame.includes('Nothing to write: it already holds these values. Press Enter to go on.') && frame.includes('unchanged: nothing to write'));
		expect(zkPage).not.toContain('Press Enter to write');
		expect(zkPage.split('\n').at(-1)).toMatch(/^Enter go on · /);
	});
});
