// A step's end settles the run's journal (ApplyRun): what that save adds is only what undo can do
// without (the SHA-256 of what was written; the records of files the step never reached), so a
// save that fails there does not fail the step, whose outcome stands. It is not dropped unsaid: the
// run's log says it, and the next save (the next step's, the run's end) tries again and fails
// naming the problem while it lasts.
import {errorMessage, StepError} from '../model/errors.js';
import type {Journal} from './journal.js';
import type {RunLog} from './run-log.js';

export async function settleJournal(journal: Pick<Journal, 'settle'>, log: Pick<RunLog, 'write'>): Promise<void> {
	try {
		await journal.settle();
	} catch (error) {
		log.write(`! the run's journal could not be saved at the step's end (the next save tries again): ${errorMessage(error)}`);
		for (const line of error instanceof StepError ? error.detail : []) log.write(`!   ${line}`);
	}
}
