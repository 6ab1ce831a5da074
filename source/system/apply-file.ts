// Carrying out a file action: read the old bytes, write the new ones through the journal. The
// first of a row of file actions records every file of the row that will change in one journal
// save (fewer syncs than one save per file, the same safety: each backup is durable before its
// file is replaced).
import type {Outcome} from '../model/apply-events.js';
import {describeFileError, StepError} from '../model/errors.js';
import {newContent} from '../model/file-content.js';
import type {Action} from '../model/plan.js';
import type {Journal} from './journal.js';
import type {System} from './system.js';

type FileAction = Extract<Action, {kind: 'file'}>;

// What the run keeps across the actions of a step: whether the row under way is recorded yet.
export type FileRow = {recordedAhead: boolean};

// `rest`: this action and the ones after it in the part of the step being applied.
export async function runFile(system: System, journal: Journal, action: FileAction, rest: readonly Action[], row: FileRow): Promise<Outcome> {
	// Read once, right before the write: the new bytes are made from these, and the journal keeps
	// these as the file's bytes before (a hand edit made before this read is kept in both).
	let before: Buffer | undefined;
	try {
		before = await system.fs.readBytes(action.path);
	} catch (error) {
		return {status: 'failed', message: describeFileError(error, 'cannot read', action.path, system), detail: error instanceof StepError ? error.detail : []};
	}
	const old = before?.toString('utf8');
	const content = newContent(action.edit, old);
	if (old === content) {
		// Written by a killed run this one continues, whose journal may name no SHA-256 for it yet.
		if (!system.dryRun && before !== undefined) await journal.written(action.path, before).catch(() => undefined);
		return {status: 'unchanged', message: action.path};
	}
	if (content === undefined) return removeFile(system, journal, action.path);
	if (system.dryRun) return {status: 'would-write', message: action.path};
	try {
		// Only a row: a command after it (apt-get install) may make or change what the next files
		// hold, so those are recorded after it ran.
		if (!row.recordedAhead) {
			row.recordedAhead = true;
			const end = rest.findIndex(next => next.kind !== 'file');
			const changing = await filesThatWillChange(system, end === -1 ? rest : rest.slice(0, end));
			await journal.recordAhead([...changing.keys()], changing);
		}
		await journal.write(action.path, content, {newFileMode: action.mode}, {before});
	} catch (error) {
		return {status: 'failed', message: describeFileError(error, 'cannot write', action.path, system), detail: error instanceof StepError ? error.detail : ['The file was left as it was.']};
	}
	return {status: 'wrote', message: action.path};
}

// A file no setting wants any more goes through the journal: its bytes are kept first, so undo
// puts it back as it was.
async function removeFile(system: System, journal: Journal, file: string): Promise<Outcome> {
	if (system.dryRun) return {status: 'would-remove', message: file};
	try {
		await journal.track(file, async () => system.fs.remove(file));
	} catch (error) {
		return {status: 'failed', message: describeFileError(error, 'cannot remove', file, system), detail: error instanceof StepError ? error.detail : ['The file was left as it was.']};
	}
	return {status: 'removed', message: file};
}

// The files of these actions whose bytes will change, new files too (a fresh machine's row is all
// new files: recorded one by one, each cost two journal saves). One that cannot be read is left
// out: its own action says why when its turn comes. A new file recorded ahead and never written
// (a kill in between) is a record of a file that did not exist, which undo finds absent and leaves.
// Each with the bytes read here, which its record keeps (they are not read a second time).
async function filesThatWillChange(system: System, actions: readonly Action[]): Promise<Map<string, Buffer | undefined>> {
	const changing = new Map<string, Buffer | undefined>();
	for (const action of actions) {
		if (action.kind !== 'file') continue;
		const bytes = await system.fs.readBytes(action.path).catch(() => null);
		if (bytes === null) continue;
		const old = bytes?.toString('utf8');
		const content = newContent(action.edit, old);
		// Only files written: one removed is recorded when its turn comes (journal.track).
		if (content !== undefined && content !== old) changing.set(action.path, bytes);
	}
	return changing;
}
