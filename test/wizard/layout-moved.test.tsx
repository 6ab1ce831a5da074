// The wizard when the installed packages read another layout than its summary showed (issue 11
// point 3): after the install it stops on the install page, shows the files written instead and
// writes none of them until Enter; then the run goes on and writes exactly those.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderWizard, resizeTo, terminalSizes} from '../ui/render-wizard.js';
import {machineInstalling} from './fake-machine.js';
import {toSettingsList} from './walk.js';

afterEach(() => cleanup());

const exists = (file: string) => readFile(file).then(() => true, () => false);

describe.each(terminalSizes)('files the installed packages read elsewhere than the summary showed, at $columns×$rows', ({columns, rows}) => {
	// Read as a person does: the screen's column (right of the step list from 100 columns), its rows joined.
	const column = (frame: string): string =>
		frame
			.split('\n')
			.map(row => row.slice(columns < 100 ? 0 : 26))
			.join(' ')
			.replace(/\s+/g, ' ');

	it('are shown after the install, nothing written until Enter, then written there', async () => {
		// The source could not be read before (the article's repository, no network here): the summary
		// showed the article's layout; the packages installed read the agent layout and Marathon 1.10's.
		const {system} = await machineInstalling({unit: 'agent', marathon: '1.10.26-lab1'});
		const app = await renderWizard({system, answers: {'repo.keyMethod': 'keyring'}});
		resizeTo(app, {columns, rows});
		await toSettingsList(app);
		await press(app, keys.enter);
		const summary = await waitForFrame(app, 'Press Enter to start the run');
		expect(column(summary)).toContain('The agent’s files go to /etc/mesos-slave/, Marathon’s to /etc/marathon/conf/ (the article’s, assumed).');
		await press(app, keys.enter);
		const moved = await waitForFrame(app, 'Nothing is written yet. Press Enter to write them and go on, or q to quit.', 30_000);
		const text = column(moved);
		expect(text).toContain('not what the summary showed. These files are written instead:');
		expect(text).toContain('write /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)');
		expect(text).toContain('write /etc/default/marathon (instead of /etc/marathon/conf/hostname, /etc/marathon/conf/master, /etc/marathon/conf/zk)');
		expect(moved).toContain('Enter write them and go on');
		const at = (file: string) => path.join(system.root, file);
		expect(await exists(at('etc/mesos-agent/ip'))).toBe(false);
		expect(await exists(at('etc/mesos-slave/ip'))).toBe(false);
		expect(await exists(at('etc/default/marathon'))).toBe(false);
		await press(app, keys.enter);
		await waitForFrame(app, 'Press Enter to finish.', 30_000);
		await press(app, keys.enter);
		await waitForFrame(app, '✔ The setup is complete.');
		expect(await readFile(at('etc/mesos-agent/ip'), 'utf8')).toBe('127.0.0.1\n');
		expect(await readFile(at('etc/default/marathon'), 'utf8')).toContain('MARATHON_MASTER=zk://127.0.0.1:2181/mesos\n');
		expect(await exists(at('etc/mesos-slave/ip'))).toBe(false);
		expect(await exists(at('etc/marathon/conf/master'))).toBe(false);
	});
});
