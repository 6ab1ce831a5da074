// Undo as a person means it: the files of the last run back as they were, and the answers saved
// before it, so the next setup or edit does not write the undone values again.
import {undoLastRun, newRunId, type JournalFile, type UndoLine} from './journal.js';
import type {System} from './system.js';

export async function undoLastChange(system: System): Promise<{run?: JournalFile; lines: UndoLine[]}> {
	const result = await undoLastRun(system.fs, newRunId(system.now()), system.now());
	if (result.run?.answersBefore) system.state.saveAnswers(result.run.answersBefore);
	return result;
}
