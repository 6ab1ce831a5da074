// The run `undo` would put back (the last apply not yet undone that changed files), so a person
// sees which files before saying yes. Mirrors the choice undoLastRun makes.
import {type JournalFile, readJournals} from './journal.js';
import type {TargetFs} from './target-fs.js';

export async function lastUndoableRun(fs: TargetFs): Promise<JournalFile | undefined> {
	const journals = await readJournals(fs);
	return journals.filter(j => j.kind === 'apply' && !j.undone && j.entries.length > 0).at(-1);
}
