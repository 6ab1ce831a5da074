// The run a setup writes into: the one a stopped setup left unfinished (killed, failed or quit,
// from the wizard or --yes), so its journal goes on and one undo puts back the machine as it was
// before the first attempt; otherwise a new one.
import {DamagedJournalError} from './damaged-journal.js';
import {newRunId} from './journal.js';
import {setupToContinue} from './journal-reading.js';
import type {System} from './system.js';

export async function setupRunId(system: System): Promise<string> {
	let earlier;
	try {
		earlier = system.dryRun ? undefined : await setupToContinue(system.fs);
	} catch (error) {
		// Which run came last cannot be told; a journal of its own keeps this run undoable, and undo
		// names the damaged one when it gets there.
		if (!(error instanceof DamagedJournalError)) throw error;
	}
	return earlier?.runId ?? newRunId(system.now());
}
