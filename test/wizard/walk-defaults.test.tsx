// The whole wizard with Enter on every screen, in a --root sandbox: the files on disk must hold
// exactly what the catalogue gives as defaults.
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {waitForFrame} from '../helpers/ink-app.js';
import {renderWizard} from '../ui/render-wizard.js';
import {expectCatalogueDefaults} from './catalogue-defaults.js';
import {acceptPage, inkScreen, pagesFor} from './walk.js';

afterEach(() => cleanup());

it('accepting every screen with Enter writes the catalogue defaults to disk', async () => {
	const app = await renderWizard();
	const {root, system} = app;
	const pages = pagesFor(system.facts);
	for (const page of pages) await acceptPage(inkScreen(app), page);
	await waitForFrame(app, '✔ The setup is complete.');
	expect(app.exitCode()).toBe(0);

	await expectCatalogueDefaults(root, system.facts);
	// The run is finished, so the next start offers the menu; its log is where the done screen said.
	expect(system.state.progress()).toMatchObject({finished: true, completed: ['preflight', 'key', 'repository', 'install', 'overrides', 'configuration', 'start']});
	const logs = await readdir(path.join(root, 'var/log/mesos-setup'));
	expect(logs).toHaveLength(1);
	expect(app.lastFrame()).toContain(`Full log: ${root}/var/log/mesos-setup/`);
	expect(await readFile(path.join(root, 'var/log/mesos-setup', logs[0] ?? ''), 'utf8')).toContain('wrote /etc/mesos/zk');
});
