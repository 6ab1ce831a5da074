// A role chosen after the preflight needs the checks of that role: the wizard runs the preflight
// again on the way to the summary, says why, and then goes on to the summary.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {askedSettings} from '../../source/model/wizard-pages.js';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderWizard} from '../ui/render-wizard.js';
import {pagesFor} from './walk.js';

afterEach(() => cleanup());

const agentPort = 'Port 5051 is free for the Mesos agent';

describe('the preflight and the role', () => {
	it('checks again for the role chosen after it, then goes on to the summary; unchanged, it does not', async () => {
		const app = await renderWizard();
		const first = await waitForFrame(app, 'Press Enter to begin').then(async () => {
			await press(app, keys.enter);
			return waitForFrame(app, 'Press Enter to go on to the settings');
		});
		expect(first).toContain(agentPort);
		await press(app, keys.enter);
		await waitForFrame(app, '❯ Continue with these values');
		const item = 2 + askedSettings(pagesFor(app.system.facts)).indexOf('node.role');
		await press(app, ...Array<string>(item).fill(keys.down), keys.enter);
		await waitForFrame(app, '▸ This machine’s role');
		// The choices are master+agent, master, agent: the second.
		await press(app, keys.down);
		await waitForFrame(app, /❯ master(?!\+)/);
		await press(app, keys.enter);
		let list = await waitForFrame(app, /\* This machine’s role +master/);
		for (let ups = 0; ups < 40 && !list.includes('❯ Continue with these values'); ups++) list = await press(app, keys.up);
		await press(app, keys.enter);
		const again = await waitForFrame(app, 'Press Enter for the summary');
		expect(again).toContain('Checked again: the preflight checks what you changed since it ran: This');
		expect(again).not.toContain(agentPort);
		expect(again).toContain('Port 5050 is free');
		expect(again).toContain('Enter the summary');
		await press(app, keys.enter);
		const summary = await waitForFrame(app, 'Press Enter to start the run');
		expect(summary).not.toContain('/etc/mesos-slave/');
		// Back to the settings and on again, nothing changed: straight to the summary.
		await press(app, keys.escape);
		await waitForFrame(app, '❯ Continue with these values');
		await press(app, keys.enter);
		await waitForFrame(app, 'Press Enter to start the run');
	});
});
