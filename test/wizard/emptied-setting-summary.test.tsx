// The wizard's run, as setup --yes: with master.ip set back to empty after a setup wrote it, the
// summary says /etc/mesos-master/ip will be removed, and the run removes it (a fresh machine's
// summary names no removal: test/cli/emptied-setting-rerun.test.ts).
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createSystem} from '../../source/system/system.js';
import {runCli} from '../helpers/cli.js';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';
import {waitFor} from '../helpers/wait-for.js';
import {renderWizard, resizeTo} from '../ui/render-wizard.js';
import {toSettingsList} from './walk.js';

afterEach(() => cleanup());

describe('the wizard run again with master.ip emptied', () => {
	it('shows the removal of the file the setup before wrote in its summary, then removes it', async () => {
		const root = await tempRoot();
		expect((await runCli(['setup', '--yes', '--root', root, '--set', 'master.ip=10.0.0.5'])).exitCode).toBe(0);
		const system = await createSystem({root});
		const app = await renderWizard({system, answers: {...system.state.answers(), 'master.ip': ''}});
		resizeTo(app, {columns: 120, rows: 40});
		await toSettingsList(app);
		await press(app, keys.enter);
		let frame = await waitForFrame(app, 'Press Enter to start the run');
		expect(frame).toMatch(/files: 1 removed, \d+ unchanged\./);
		for (let downs = 0; downs < 40 && !frame.includes('/etc/mesos-master/ip   (removed'); downs++) frame = await press(app, keys.down);
		expect(frame).toMatch(/- \/etc\/mesos-master\/ip {3}\(removed: master\.ip empty writes no file\)/);
		app.stdin.write(keys.enter);
		// The run goes from page to page by itself; its configuration step removes the file.
		const file = path.join(root, 'etc/mesos-master/ip');
		await waitFor('the configuration step to remove /etc/mesos-master/ip', async () => ((await readFile(file, 'utf8').catch(() => undefined)) === undefined ? true : undefined), 60_000);
		await waitForFrame(app, /✔ .*\/etc\/mesos-master\/ip|removed +\/etc\/mesos-master\/ip/);
	}, 120_000);
});
