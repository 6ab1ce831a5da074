// The undo the home menu offers: find the last run, and after a yes put its files back.
import {useMemo} from 'react';
import {errorMessage} from '../../model/errors.js';
import {lastUndoableRun} from '../../system/journal.js';
import {undoLastChange} from '../../system/undo.js';
import type {System} from '../../system/system.js';
import type {HomeAction} from './home-state.js';

export function useUndo(system: System, dispatch: (action: HomeAction) => void) {
	return useMemo(
		() => ({
			async look(): Promise<void> {
				dispatch({type: 'undo-asked'});
				try {
					const run = await lastUndoableRun(system.fs);
					if (!run) dispatch({type: 'undo-nothing'});
					else dispatch({type: 'undo-found', runId: run.runId, startedAt: run.startedAt, files: run.entries.map(e => e.path)});
				} catch (error) {
					dispatch({type: 'undo-failed', message: errorMessage(error)});
				}
			},
			async undo(): Promise<void> {
				dispatch({type: 'undo-started'});
				try {
					if (system.dryRun) throw new Error('this is a dry run (--dry-run), so nothing is changed; run without it to undo');
					const {run, lines} = await undoLastChange(system);
					if (!run) dispatch({type: 'undo-failed', message: 'there is nothing to undo any more'});
					else dispatch({type: 'undo-done', runId: run.runId, lines});
				} catch (error) {
					dispatch({type: 'undo-failed', message: errorMessage(error)});
				}
			},
		}),
		[system, dispatch],
	);
}
