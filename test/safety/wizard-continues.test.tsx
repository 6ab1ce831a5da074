// Issue 9: one journal per setup, from the wizard as well as --yes. A `setup --yes` killed half-way
// is continued in the wizard; the wizard writes into the killed run's journal, so one undo puts
// back the machine as it was before the first attempt.
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {resumePoint} from '../../source/model/wizard-state.js';
import {createSystem} from '../../source/system/system.js';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {press, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderWizard} from '../ui/render-wizard.js';
import {acceptPage, inkScreen, pagesFor} from '../wizard/walk.js';
import {exactTree, machineBefore, startCli} from './machine-before.js';

afterEach(() => cleanup());

// A setup --yes killed as soon as it starts on the configuration files.
async function killedInConfiguration(root: string): Promise<void> {
	const child = startCli(['setup', '--yes', '--root', root]);
	await new Promise<void>(resolve => {
		child.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('== Configuration')) resolve();
		});
		void child.then(() => resolve());
	});
	child.kill('SIGKILL');
	await child;
}

// A machine where a setup --yes was killed in its configuration step. The kill is sent when the
// step's heading is read, and the run has only milliseconds of writes left then: on a busy machine
// it can finish first, so it is tried again on a new machine (up to five times).
async function killedMachine(): Promise<{root: string; before: Awaited<ReturnType<typeof exactTree>>; stoppedAt: ReturnType<typeof resumePoint>}> {
	for (let attempt = 1; ; attempt++) {
		const root = await tempRoot();
		await machineBefore(root);
		const before = await exactTree(root);
		await killedInConfiguration(root);
		const stoppedAt = resumePoint((await createSystem({root})).state.progress());
		if (stoppedAt !== undefined || attempt === 5) return {root, before, stoppedAt};
	}
}

it('the wizard continues the journal of a killed setup --yes, and one undo restores the tree', {timeout: 120_000}, async () => {
	const {root, before, stoppedAt} = await killedMachine();
	expect(stoppedAt, 'the kill landed after the run ended, five times').toBeDefined();
	const [runId] = await readdir(path.join(root, 'var/backups/mesos-setup'));
	const system = await createSystem({root});

	const app = await renderWizard({system, answers: system.state.answers()});
	await waitForFrame(app, 'Continue from');
	await press(app, keys.enter);
	const pages = pagesFor(system.facts);
	// The settings and the summary, then the run from where it stopped.
	const from = pages.findIndex(p => p.step?.id === stoppedAt);
	for (const page of pages.filter((p, index) => p.kind === 'settings' || p.kind === 'summary' || index >= from)) await acceptPage(inkScreen(app), page);
	await waitForFrame(app, '✔ The setup is complete.');

	// Still the one run: the wizard wrote into the killed run's journal and finished it.
	expect(await readdir(path.join(root, 'var/backups/mesos-setup'))).toEqual([runId]);
	// The done page marks it finished as it opens; that write may land just after the frame.
	const read = async () => JSON.parse(await readFile(path.join(root, 'var/backups/mesos-setup', runId ?? '', 'journal.json'), 'utf8')) as {finished?: string; entries: unknown[]};
	await expect.poll(async () => (await read()).finished, {timeout: 10_000}).toEqual(expect.any(String));
	const journal = await read();
	expect(journal.entries.length).toBeGreaterThan(15);
	const undo = await runCli(['undo', '--yes', '--root', root]);
	expect(undo.exitCode, undo.stderr).toBe(0);
	expect(await exactTree(root)).toEqual(before);
});
