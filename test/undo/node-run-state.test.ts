// A cluster deploy changes a node's files, not its state.json (the cluster file holds its answers):
// an undo run on the node itself puts the files back and leaves the node's own saved answers and
// progress as they are. Before, the node's journal held the run's empty state as "before", and a
// local undo emptied state.json, so the node's next start showed the first-run wizard.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {buildPlan} from '../../source/model/plan.js';
import {ApplyRun} from '../../source/system/apply-plan.js';
import {newRunId} from '../../source/system/journal.js';
import {createNodeRunStateStore} from '../../source/system/state.js';
import {createSystem} from '../../source/system/system.js';
import {runSetup} from '../../source/use-cases/setup.js';
import {undoLastRun} from '../../source/use-cases/undo.js';
import {tempRoot} from '../helpers/temp-root.js';

const stateOf = async (root: string) => JSON.parse(await readFile(path.join(root, 'var/lib/mesos-setup/state.json'), 'utf8')) as {answers: Record<string, string>; setUpAt?: string; progress?: {finished?: boolean}};

describe('a node changed by a cluster deploy, then undone on the node', () => {
	it('puts the files back and keeps the node’s own state.json', async () => {
		const root = await tempRoot();
		// Set up alone first: its answers and progress are saved on the node.
		const alone = await createSystem({root});
		expect((await runSetup(alone, {'slave.hostname': 'alone.example'})).ok).toBe(true);
		const savedBefore = await stateOf(root);
		expect(savedBefore.answers).toEqual({'slave.hostname': 'alone.example'});

		// Then a cluster deploy's run on the node: its state is the run's own, as over SSH.
		const node = {...(await createSystem({root})), state: createNodeRunStateStore()};
		const run = new ApplyRun(node, newRunId(node.now()));
		const configuration = buildPlan(resolveValues({'slave.hostname': 'node1.example'}), node.facts).steps.find(step => step.id === 'configuration');
		expect((await run.applyStep(configuration!)).ok).toBe(true);
		await run.finish();
		expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('node1.example\n');
		expect(await stateOf(root)).toEqual(savedBefore);

		const undone = await undoLastRun(await createSystem({root}));
		expect(undone?.runId).toBe(run.runId);
		expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('alone.example\n');
		expect(await stateOf(root)).toEqual(savedBefore);
	});
});
