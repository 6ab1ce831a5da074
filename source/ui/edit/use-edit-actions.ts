// What the edit screen sets off, through the use cases: read the settings from disk, write a
// change (backups, journal, saved answers), restart what it affects, followed in ServicePanes.
// What runs is stopped if the screen goes away.
import {type Dispatch, useMemo, useState} from 'react';
import type {Answers} from '../../model/answers.js';
import {errorMessage} from '../../model/errors.js';
import {savedAnswerLine, servicesOf, type SettingChange} from '../../model/setting-change.js';
import type {WrittenChange} from '../../use-cases/change-setting.js';
import {useAbortOnLeave} from '../hooks/use-abort-on-leave.js';
import type {ServiceRun} from '../hooks/use-service-run.js';
import {useSystem} from '../hooks/use-system.js';
import {useUseCases} from '../hooks/use-use-cases.js';
import type {EditAction} from './edit-state.js';
import {rootFlag} from '../../model/script.js';

export function useEditActions(answers: Answers, dispatch: Dispatch<EditAction>, restarts: ServiceRun, onAnswersSaved?: (answers: Answers) => void) {
	const system = useSystem();
	const useCases = useUseCases();
	const signal = useAbortOnLeave();
	// The answers the list is read against, and the change last written (its restart runs in the
	// same run): both kept across renders, outside the screen's state, as what was done.
	const [kept] = useState(() => ({answers, written: undefined as WrittenChange | undefined}));
	const {track} = restarts;
	return useMemo(
		() => ({
			async load(): Promise<void> {
				try {
					dispatch({type: 'loaded', current: await useCases.readSettings(kept.answers)});
				} catch (error) {
					dispatch({type: 'load-failed', message: errorMessage(error)});
				}
			},
			async write(change: SettingChange): Promise<void> {
				const wrote: string[] = [];
				try {
					const written = await useCases.writeSetting(change, {
						signal,
						onEvent: event => {
							if (event.type === 'action-end') wrote.push(`${event.outcome.status} ${event.outcome.message}`);
						},
					});
					kept.written = written;
					const {result} = written;
					if (result.ok) {
						kept.answers = change.answers;
						onAnswersSaved?.(change.answers);
					}
					// A hint that works as printed, opened from the menu or as `mesos-setup edit`.
					const one = result.changedFiles.length === 1;
					const undo = `mesos-setup undo${rootFlag(system)}`;
					if (result.ok && result.backupsDir) wrote.push(`The old ${one ? 'file is' : 'files are'} kept in ${system.fs.hostPath(result.backupsDir)} (${undo} puts ${one ? 'it' : 'them'} back).`);
					const saved = result.ok && !system.dryRun ? savedAnswerLine(change) : undefined;
					if (saved) wrote.push(saved);
					dispatch({type: 'written', ok: result.ok, wrote, restartNeeded: written.restartStep.actions.length > 0, ...(result.failed ? {message: `Failed: ${result.failed.outcome.message}`} : {})});
				} catch (error) {
					dispatch({type: 'written', ok: false, wrote, restartNeeded: false, message: `Failed: ${errorMessage(error)}`});
				}
			},
			async restart(): Promise<void> {
				const {written} = kept;
				if (!written) return;
				const services = servicesOf(written.restartStep);
				try {
					const result = await track(listener => {
						listener.onStep(written.restartStep);
						return written.restart({signal, onEvent: listener.onEvent});
					});
					const lines = result.ok
						? [`${system.sandbox || system.dryRun ? 'Restart shown, not run' : 'Restarted'}: ${services.join(', ')}.`]
						: [`Failed: ${result.failed?.outcome.message ?? 'the restart failed'}`, ...(result.failed?.outcome.detail ?? [])];
					dispatch({type: 'restarted', ok: result.ok, lines});
				} catch (error) {
					dispatch({type: 'restarted', ok: false, lines: [`Failed: ${errorMessage(error)}`]});
				}
			},
		}),
		[system, useCases, dispatch, track, onAnswersSaved, signal, kept],
	);
}
