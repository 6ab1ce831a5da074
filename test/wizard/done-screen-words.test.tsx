// What Done says of a run that changed nothing (a dry run) and of one whose files were all new.
import {cleanup} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {createSystem} from '../../source/system/system.js';
import {waitForFrame} from '../helpers/ink-app.js';
import {filesUnder} from '../helpers/tree.js';
import {tempRoot} from '../helpers/temp-root.js';
import {renderWizard} from '../ui/render-wizard.js';
import {acceptPage, inkScreen, pagesFor} from './walk.js';

afterEach(() => cleanup());

async function walkToDone(dryRun: boolean) {
	const root = await tempRoot();
	const app = await renderWizard({system: await createSystem({root, dryRun})});
	for (const page of pagesFor(app.system.facts).slice(0, -1)) await acceptPage(inkScreen(app), page);
	const frame = await waitForFrame(app, 'Press Enter to exit.');
	return {root, frame: frame.split('\n').map(line => line.slice(26)).join(' ').replaceAll(/\s+/g, ' ')};
}

it('says a dry run changed nothing and set nothing up, and offers no undo', async () => {
	const {root, frame} = await walkToDone(true);
	expect(await filesUnder(root)).toEqual([]);
	expect(frame).toContain('This was a dry run: nothing on this machine was changed, and nothing is set up.');
	expect(frame).not.toContain('The setup is complete');
	expect(frame).not.toContain('mesos-setup undo');
}, 120_000);

it('names no backups of old files when every file was new', async () => {
	const {frame} = await walkToDone(false);
	expect(frame).toContain('✔ The setup is complete.');
	expect(frame).toContain('Full log:');
	expect(frame).not.toContain('Backups of the old files');
}, 120_000);
