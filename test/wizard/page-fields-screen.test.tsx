// The settings pages as a person reads them: the apt source's Component shows main as soon as it
// appears (review 3, #7); a port typed on a page opened from the list is kept on Esc, and the
// footer says so (#6); the master's IP has a page of its own, which says no file is written while
// it is empty (#16).
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {findSetting, type SettingId} from '../../source/model/settings.js';
import {askedSettings} from '../../source/model/wizard-pages.js';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {type RenderedApp, renderWizard} from '../ui/render-wizard.js';
import {pagesFor, toSettingsList} from './walk.js';

afterEach(() => cleanup());

const footer = (frame: string): string => frame.split('\n').at(-1) ?? '';

async function openSetting(app: RenderedApp, id: SettingId): Promise<string> {
	const item = 2 + askedSettings(pagesFor(app.system.facts)).indexOf(id);
	await press(app, ...Array<string>(item).fill(keys.down), keys.enter);
	return waitForFrame(app, `▸ ${findSetting(id).label}`);
}

describe('the settings pages', () => {
	it('show the apt source’s Component as main when apt is chosen', async () => {
		const app = await renderWizard();
		await toSettingsList(app);
		await press(app, keys.down, keys.enter);
		await waitForFrame(app, '▸ Package source');
		await press(app, keys.down);
		await waitForFrame(app, /❯ apt/);
		await press(app, keys.enter);
		const apt = await waitForFrame(app, '▸ Key URL (apt source)');
		expect(apt).toMatch(/Component +main/);
		expect(apt).not.toContain('not allowed');
	});

	it('keep the port typed on a page opened from the list when it is left with Esc, as the footer says', async () => {
		const app = await renderWizard();
		await toSettingsList(app);
		const page = await openSetting(app, 'master.port');
		expect(footer(page)).toContain('Esc back, keeping what you typed');
		await press(app, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
		await press(app, '6', '0', '6', '0');
		await waitForFrame(app, /Master port +6060/);
		await press(app, keys.escape);
		const list = await waitForFrame(app, /❯ \* Master port +6060/);
		expect(list).not.toMatch(/Master port +5050/);
	});

	it('ask the master’s IP on a page of its own file, which says nothing is written while it is empty', async () => {
		const app = await renderWizard();
		await toSettingsList(app);
		const page = await openSetting(app, 'master.ip');
		expect(page).toMatch(/Settings page \d+ of \d+: \/etc\/mesos-master\/ip/);
		expect(page).toContain('Written to /etc/mesos-master/ip, unless it is left empty: then no');
		expect(page).not.toContain('Master host name');
	});
});
