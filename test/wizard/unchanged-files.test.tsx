// Files already as planned, as a person reads them in the summary at 80×24 and 120×40: a file that
// will not change is marked unchanged beside the new ones, its diff says there is nothing to write,
// and the count says how many are unchanged. (Before the flow put every change in one summary, each
// page listed them under "Will change" and "Already as planned".)
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';
import {createSystem} from '../../source/system/system.js';
import {renderWizard, resizeTo, terminalSizes} from '../ui/render-wizard.js';
import {toSettingsList} from './walk.js';

afterEach(() => cleanup());

const golden = (name: string): Promise<string> => readFile(new URL(`../model/golden/${name}`, import.meta.url), 'utf8');

async function place(root: string, file: string, text: string): Promise<void> {
	await mkdir(path.dirname(path.join(root, file)), {recursive: true});
	await writeFile(path.join(root, file), text);
}

describe.each(terminalSizes)('files already as planned at $columns×$rows', ({columns, rows}) => {
	it('are marked unchanged in the summary and counted so; their diff says nothing changes', async () => {
		const root = await tempRoot();
		await place(root, '/etc/init/zookeeper.override', await golden('etc__init__zookeeper.override'));
		await place(root, '/etc/mesos/zk', await golden('etc__mesos__zk'));
		const app = await renderWizard({system: await createSystem({root})});
		resizeTo(app, {columns, rows});
		await toSettingsList(app);
		await press(app, keys.enter);
		const summary = await waitForFrame(app, 'Press Enter to start the run');
		expect(summary).toMatch(/files: \d+ new, 2 unchanged\./);
		let frame = summary;
		for (let downs = 0; downs < 30 && !frame.includes('❯ ✎ /etc/init/zookeeper.override'); downs++) frame = await press(app, keys.down);
		expect(frame).toContain('❯ ✎ /etc/init/zookeeper.override   (unchanged)');
		expect(frame).toContain('✎ /etc/init/mesos-master.override   (new file)');
		for (let downs = 0; downs < 30 && !frame.includes('❯ ✎ /etc/mesos/zk'); downs++) frame = await press(app, keys.down);
		expect(frame).toContain('❯ ✎ /etc/mesos/zk   (unchanged)');
		const diff = await press(app, 'd');
		expect(diff).toMatch(/\/etc\/mesos\/zk · (unchanged|0 lines added, 0 removed)/);
		const fits = (text: string) => text.split('\n').length <= rows && text.split('\n').every(line => line.length <= columns);
		expect(fits(diff)).toBe(true);
	});
});
