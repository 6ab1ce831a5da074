// Whether each file a page writes is new, changed or already as planned, read from the disk as the
// previews read it: a heading or a prompt says "will change" or "write it" only where it will.
import {newContent} from '../../model/file-content.js';
import type {Action} from '../../model/plan.js';
import {useDiskFiles} from './use-disk-files.js';

export type FileState = 'new' | 'changed' | 'unchanged';

type FileAction = Extract<Action, {kind: 'file'}>;

// Undefined until the files are read (or when they cannot be: the preview says why).
export function useFileStates(actions: readonly FileAction[], refresh: unknown): ReadonlyMap<string, FileState> | undefined {
	const {files} = useDiskFiles(
		actions.map(a => a.path),
		refresh,
	);
	if (!files) return undefined;
	return new Map(
		actions.map(action => {
			const before = files.get(action.path);
			const state: FileState = before === undefined ? 'new' : newContent(action.edit, before) === before ? 'unchanged' : 'changed';
			return [action.path, state];
		}),
	);
}

// Every file is already as planned (and there is at least one): Enter has nothing to write.
export const nothingToWrite = (states: ReadonlyMap<string, FileState> | undefined): boolean =>
	states !== undefined && states.size > 0 && [...states.values()].every(state => state === 'unchanged');
