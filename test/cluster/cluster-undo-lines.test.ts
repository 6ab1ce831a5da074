// What cluster undo says of the runs it puts back over SSH, and of nodes that refuse (model only).
import {describe, expect, it} from 'vitest';
import {ClusterUndoRefused, mixedRunsLine, runWords} from '../../source/model/cluster-undo.js';
import {StepError} from '../../source/model/errors.js';

const setup = {runId: 'run-a', startedAt: '2026-11-30T10:00:00.000Z', kind: 'setup'} as const;
const edit = {runId: 'run-b', startedAt: '2026-11-30T11:00:00.000Z', kind: 'edit'} as const;

describe('the run each node puts back', () => {
	it('over SSH, a setup shared by several nodes is the cluster setup; an edit is a local one', () => {
		const runs = [setup, setup, edit];
		expect(runWords(setup, runs)).toMatch(/^run run-a, the cluster setup started \d{4}-/);
		expect(runWords(edit, runs)).toMatch(/^run run-b, a local edit \(mesos-setup edit on the node\) started /);
		expect(runWords({...setup, runId: 'run-c'}, runs)).toContain('a setup no other node’s last run shares');
		// A rehearsal gives each sandbox a run of its own: nothing is read into that.
		expect(runWords(setup)).toMatch(/^run run-a, a setup started /);
	});

	it('says when the nodes’ last runs are not one run, and is quiet when they are', () => {
		expect(mixedRunsLine([{node: 'm1', run: setup}, {node: 'a1', run: setup}])).toBeUndefined();
		expect(mixedRunsLine([{node: 'm1', run: setup}, {node: 'm2', run: setup}, {node: 'a1', run: edit}])).toBe(
			'The nodes’ last runs are not the same run (m1, m2: run run-a; a1: run run-b): each node puts back its own last run, as named above.',
		);
	});
});

it('a refusal names every refusing node with why, and says once that nothing changed on any node', () => {
	const refused = new ClusterUndoRefused([
		{node: 'm2', error: new StepError('undo did not start: what run run-a needs to be put back is not all there', ['the backup of /etc/x is missing', 'Nothing was changed. Put the missing or damaged backups back from a copy, then run undo again.'])},
		{node: 'a1', error: new Error('a1 (10.0.0.21) cannot be reached over SSH')},
	]);
	expect(refused).toBeInstanceOf(StepError);
	expect(refused.message).toBe('cluster undo did not start: m2, a1 cannot be put back, so no node was changed');
	expect(refused.detail).toEqual([
		'm2: undo did not start: what run run-a needs to be put back is not all there',
		'm2:   the backup of /etc/x is missing',
		'm2:   Put the missing or damaged backups back from a copy, then run undo again.',
		'a1: a1 (10.0.0.21) cannot be reached over SSH',
		'Nothing was changed on any node. Mend what is named above, then run cluster undo again.',
	]);
});
