// A step's end settles the run's journal (system/journal-settle.ts): a save that fails there leaves
// the step's outcome as it is, and is said in the run's log, not dropped unsaid (review 4, #6).
import {mkdirSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import type {ApplyEvent} from '../../source/model/apply-events.js';
import {buildPlan, type Step} from '../../source/model/plan.js';
import {ApplyRun} from '../../source/system/apply-plan.js';
import {journalPath, newRunId} from '../../source/system/journal.js';
import {createSystem} from '../../source/system/system.js';
import {tempRoot} from '../helpers/temp-root.js';

describe('the journal’s save at a step’s end', () => {
	it('failing, is said in the run’s log', async () => {
		const root = await tempRoot();
		const system = await createSystem({root});
		const step = buildPlan(resolveValues({}), system.facts).steps.find(each => each.id === 'configuration') as Step;
		const runId = newRunId(system.now());
		const run = new ApplyRun(system, runId);
		const journal = path.join(root, journalPath(runId));
		let blocked = false;
		// Once the row's first file is written, a folder stands where the journal is saved: the row's
		// last write fails on its save, and so does the step's end.
		const onEvent = (event: ApplyEvent): void => {
			if (blocked || event.type !== 'action-end' || event.action.kind !== 'file') return;
			rmSync(journal);
			mkdirSync(journal);
			blocked = true;
		};
		const result = await run.applyStep(step, onEvent);
		expect([blocked, result.ok]).toEqual([true, false]);
		const log = await readFile(path.join(root, 'var/log/mesos-setup', `${runId}.log`), 'utf8');
		expect(log).toMatch(new RegExp(`! the run's journal could not be saved at the step's end \\(the next save tries again\\): .*journal\\.json`));
	});
});
