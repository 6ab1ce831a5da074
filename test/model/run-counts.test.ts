// Review 3, #18: Done counted the preflight's skipped checks as commands, and added the counts of a
// run done twice in one session. RunCounts keeps every outcome (setup --yes says them) and, for
// Done, each action's last one, checks left out.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/model/plan.js';
import {RunCounts} from '../../source/model/run-counts.js';

const check = {kind: 'check', title: 'Running as root', check: {kind: 'root'}} as unknown as Action;
const command = {kind: 'run', title: 'apt-get update', argv: ['apt-get', 'update'], timeoutMs: 1000} as Action;
const file = {kind: 'file', title: 'quorum', path: '/etc/mesos-master/quorum'} as unknown as Action;

describe('the counts of a run', () => {
	it('leaves checks out of the last outcomes and counts an action done again once, by its last outcome', () => {
		const counts = new RunCounts();
		counts.note('preflight', check, 'skipped');
		counts.note('repository', command, 'failed');
		counts.note('repository', command, 'skipped');
		counts.note('configuration', file, 'wrote');
		// The run again: the file is found as it was written.
		counts.note('preflight', check, 'skipped');
		counts.note('repository', command, 'skipped');
		counts.note('configuration', file, 'unchanged');
		expect(counts.lastOutcomes(['/etc/mesos-master/quorum'])).toEqual({skipped: 1});
		expect(counts.lastOutcomes([])).toEqual({skipped: 1, unchanged: 1});
		expect(counts.all()).toEqual({skipped: 4, failed: 1, wrote: 1, unchanged: 1});
	});
});
