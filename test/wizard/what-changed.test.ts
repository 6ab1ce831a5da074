// The Done screen's "What changed" line says only what happened: no zero counts, files once.
import {describe, expect, it} from 'vitest';
import {whatChanged} from '../../source/ui/wizard/what-changed.js';

const run = (counts: Record<string, number>, changedFiles: string[] = []) => ({runId: 'r', recorded: true, counts, lastCounts: counts, changedFiles});

describe('what changed', () => {
	it('names only the counts that are not zero', () => {
		expect(whatChanged(run({wrote: 14, ran: 0, skipped: 9, unchanged: 0}, ['/etc/mesos/zk', '/etc/default/mesos']))).toBe('2 files written, 9 skipped');
		expect(whatChanged(run({ran: 1, healthy: 4}))).toBe('1 command run, 4 services healthy');
		expect(whatChanged(run({wrote: 1, skipped: 9}, ['/etc/mesos/zk']), true)).toBe('1 file written, 9 commands shown, not run (a rehearsal)');
	});

	it('says so when nothing changed, and what a dry run would have done', () => {
		expect(whatChanged(run({}))).toBe('nothing: every file already held these values');
		expect(whatChanged(run({unchanged: 3}))).toBe('3 already right');
		expect(whatChanged(run({'would-write': 5, 'would-run': 0}))).toBe('5 files would be written (dry run)');
	});
});
