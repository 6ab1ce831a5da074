// What the edit screen sets off, through the System: read the settings from disk, write a change
// (backups, journal, saved answers), restart what it affects, followed in ServicePanes.
import {type Dispatch, useMemo, useRef} from 'react';
import type {Answers} from '../../model/answers.js';
import {errorMessage} from '../../model/errors.js';
import type {SettingChange} from '../../model/setting-change.js';
import {ApplyRun} from '../../system/apply-plan.js';
import {restartAfterChange, restartStepOf, writeSettingChange} from '../../system/apply-setting-change.js';
import {readCurrentValues} from '../../system/current-values.js';
import {newRunId} from '../../system/journal.js';
import type {System} from '../../system/system.js';
import type {ServiceRun} from '../status/use-service-run.js';
import type {EditAction} from './edit-state.js';

export function useEditActions(system: System, answers: Answers, dispatch: Dispatch<EditAction>, restarts: ServiceRun, onAnswersSaved?: (answers: Answers) => void) {
	// The answers the list is read against: after a write, the ones the write saved.
	const answersNow = useRef(answers);
	// One run for a change's write and its restart: one run id, one log.
	const run = useRef<ApplyRun | undefined>(undefined);
	const {track} = restarts;
	return useMemo(
		() => ({
			async load(): Promise<void> {
				try {
					dispatch({type: 'loaded', current: await readCurrentValues(system, answersNow.current)});
				} catch (error) {
					dispatch({type: 'load-failed', message: errorMessage(error)});
				}
			},
			async write(change: SettingChange): Promise<void> {
				run.current = new ApplyRun(system, newRunId(system.now()), [], {recordsProgress: false});
				const wrote: string[] = [];
				try {
					const result = await writeSettingChange(system, run.current, change, event => {
						if (event.type === 'action-end') wrote.push(`${event.outcome.status} ${event.outcome.message}`);
					});
					if (result.ok) {
						answersNow.current = change.answers;
						onAnswersSaved?.(change.answers);
					}
					if (result.ok && result.backupsDir) wrote.push(`The old files are kept in ${system.fs.hostPath(result.backupsDir)} (Undo on the menu puts them back).`);
					const restartNeeded = restartStepOf(change).actions.length > 0;
					dispatch({type: 'written', ok: result.ok, wrote, restartNeeded, ...(result.failed ? {message: `Failed: ${result.failed.outcome.message}`} : {})});
				} catch (error) {
					dispatch({type: 'written', ok: false, wrote, restartNeeded: false, message: `Failed: ${errorMessage(error)}`});
				}
			},
			async restart(change: SettingChange): Promise<void> {
				const step = restartStepOf(change);
				const current = run.current ?? new ApplyRun(system, newRunId(system.now()), [], {recordsProgress: false});
				try {
					const result = await track(step, onEvent => restartAfterChange(system, current, change, onEvent));
					const lines = result.ok
						? [`${system.sandbox || system.dryRun ? 'Restart shown, not run' : 'Restarted'}: ${step.actions.map(a => (a.kind === 'service' ? a.service : a.title)).join(', ')}.`]
						: [`Failed: ${result.failed?.outcome.message ?? 'the restart failed'}`, ...(result.failed?.outcome.detail ?? [])];
					dispatch({type: 'restarted', ok: result.ok, lines});
				} catch (error) {
					dispatch({type: 'restarted', ok: false, lines: [`Failed: ${errorMessage(error)}`]});
				}
			},
		}),
		[system, dispatch, track, onAnswersSaved],
	);
}
