// Undo after a run of the wizard puts back the answers from before that run, as after setup --yes:
// answers given on the command line (--set) are kept by the run only once it changes something,
// and the run's journal holds the ones saved before it.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {articleMachine} from '../../source/model/facts.js';
import {createSystem} from '../../source/system/system.js';
import {undoLastRun} from '../../source/use-cases/undo.js';
import {waitFor} from '../helpers/wait-for.js';
import {tempRoot} from '../helpers/temp-root.js';
import {renderWizard} from '../ui/render-wizard.js';
import {acceptPage, inkScreen, pagesFor} from './walk.js';

afterEach(() => cleanup());

it('undo after the wizard restores the answers saved before it, and the files', async () => {
	const root = await tempRoot();
	await mkdir(path.join(root, 'etc/mesos-slave'), {recursive: true});
	await writeFile(path.join(root, 'etc/mesos-slave/hostname'), 'old-name\n');
	const system = await createSystem({root});
	system.state.saveAnswers({'master.port': '6060'});
	const answers = {'master.port': '6060', 'slave.hostname': 'node1'};
	const app = await renderWizard({system, answers});
	for (const page of pagesFor(articleMachine, answers)) await acceptPage(inkScreen(app), page);
	await waitFor('the wizard to end', () => app.exitCode() === 0);
	expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('node1\n');
	expect(system.state.answers()).toEqual(answers);
	expect(system.state.setUpBefore()).toBe(true);
	const undone = await undoLastRun(await createSystem({root}));
	expect(undone?.answers).toEqual({'master.port': '6060'});
	expect(undone?.setUp).toBe(false);
	expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('old-name\n');
}, 60_000);
