// A step refused as a whole before it starts (a plain file stands where a folder of its files goes):
// the wizard blames the files in the way, and `s` leaves out only those, on a real sandbox root.
import {mkdir, readFile, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {createSystem} from '../../source/system/system.js';
import {tempRoot} from '../helpers/temp-root.js';
import {waitFor} from '../helpers/wait-for.js';
import {press, readsKeys, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderWizard} from '../ui/render-wizard.js';

afterEach(() => cleanup());

// The page beside the step list (its 26 columns), its rows joined: sentences that wrap read whole.
const mainColumn = (frame: string): string => frame.split('\n').map(line => line.slice(26)).join(' ').replaceAll(/\s+/g, ' ');

const exists = (file: string): Promise<boolean> => stat(file).then(
	() => true,
	() => false,
);

// A sandbox where a plain file stands where /etc/mesos-master goes, walked with Enter to the run,
// whose Configuration step is refused.
async function runIntoTheRefusal() {
	const root = await tempRoot();
	await mkdir(path.join(root, 'etc'), {recursive: true});
	await writeFile(path.join(root, 'etc/mesos-master'), 'x\n');
	const app = await renderWizard({system: await createSystem({root})});
	await waitForFrame(app, 'Press Enter to begin');
	await readsKeys(app);
	await press(app, keys.enter);
	await waitForFrame(app, 'Press Enter to go on to the settings');
	await press(app, keys.enter);
	await waitForFrame(app, '❯ Continue with these values');
	await press(app, keys.enter);
	await waitForFrame(app, 'Press Enter to start the run');
	await press(app, keys.enter);
	return {root, app};
}

it('names the files a refused step cannot write, and s writes every other file of it, then Done names what was left out', async () => {
	const {root, app} = await runIntoTheRefusal();
	const refused = mainColumn(await waitForFrame(app, 'r retries it', 60_000));
	expect(refused).toContain('✖ Configuration did not start: /etc/mesos-master/quorum (from master.quorum) cannot be written');
	expect(refused).toContain('/etc/mesos-master/work_dir (from master.work_dir) cannot be written');
	// Not blamed on the step's first action, which is fine.
	expect(refused).not.toContain('ZooKeeper server id failed');
	expect(refused).toContain('s skips those 2 files and carries out the rest');
	await press(app, 's');
	const skipped = mainColumn(await waitForFrame(app, 'Enter next step'));
	expect(skipped).toContain('Configuration done, but for what was skipped, not carried out: /etc/mesos-master/quorum, /etc/mesos-master/work_dir.');
	for (const file of ['etc/zookeeper/conf/myid', 'etc/zookeeper/conf/zoo.cfg', 'etc/default/mesos', 'etc/mesos/zk', 'etc/default/mesos-master', 'etc/mesos-slave/ip', 'etc/marathon/conf/zk']) {
		expect(await exists(path.join(root, file)), file).toBe(true);
	}
	expect(await exists(path.join(root, 'etc/mesos-master/quorum'))).toBe(false);
	await press(app, keys.enter);
	await waitForFrame(app, 'Press Enter to finish');
	await press(app, keys.enter);
	const done = mainColumn(await waitForFrame(app, 'Press Enter to exit'));
	expect(done).toContain('these steps failed and were skipped: Configuration.');
	expect(done).toContain('Configuration: skipped, not carried out: /etc/mesos-master/quorum, /etc/mesos-master/work_dir');
}, 120_000);

// The files `s` left out were saved as done: the progress counted Configuration completed, so a run
// that continued went on at Start and never wrote them. Now the step is not completed, the progress
// names what was left out, quitting says so, and the next start continues at that step, naming them.
it('records the files s left out as skipped, not done, and the next start continues at their step', async () => {
	const {root, app} = await runIntoTheRefusal();
	await waitForFrame(app, 'r retries it', 60_000);
	await press(app, 's');
	await waitForFrame(app, 'Enter next step');
	const {progress} = JSON.parse(await readFile(path.join(root, 'var/lib/mesos-setup/state.json'), 'utf8')) as {progress: {completed: string[]; skipped?: Record<string, string[]>}};
	expect(progress.completed).not.toContain('configuration');
	expect(progress.skipped).toEqual({configuration: ['/etc/mesos-master/quorum', '/etc/mesos-master/work_dir']});
	await press(app, 'q');
	await waitForFrame(app, 'Quit now?');
	await press(app, 'y');
	await waitFor('the wizard to end', () => app.exitCode() !== undefined);
	expect(app.farewell()?.replaceAll(/\s+/g, ' ')).toContain('Skipped, not carried out: /etc/mesos-master/quorum, /etc/mesos-master/work_dir; continuing carries out their steps again.');
	cleanup();
	const again = await renderWizard({system: await createSystem({root})});
	const welcome = (await waitForFrame(again, 'Continue from')).replaceAll(/\s+/g, ' ');
	expect(welcome).toContain('A setup here stopped at “Configuration”.');
	expect(welcome).toContain('It left out /etc/mesos-master/quorum, /etc/mesos-master/work_dir (skipped after a failure), so continuing carries out “Configuration” again.');
}, 120_000);
