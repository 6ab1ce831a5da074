// What the status screen's keys set off, through the use cases: a restart followed in its pane,
// and the full log read. Both read the settings from disk at that moment; both stop if the screen
// goes away.
import {type Dispatch, useMemo} from 'react';
import type {Answers} from '../../model/answers.js';
import {errorMessage} from '../../model/errors.js';
import type {ServiceName} from '../../model/services.js';
import type {Endpoints} from '../../use-cases/status.js';
import {useAbortOnLeave} from '../hooks/use-abort-on-leave.js';
import {useUseCases} from '../hooks/use-use-cases.js';
import type {StatusScreenAction} from './status-screen-state.js';
import type {ServiceRun} from '../hooks/use-service-run.js';

// The full log view reads this much from the end of the file.
const fullLogLines = 5000;
const fullLogBytes = 2 * 1024 * 1024;

export function useStatusActions(answers: Answers, endpoints: Partial<Endpoints> | undefined, dispatch: Dispatch<StatusScreenAction>, restarts: ServiceRun) {
	const useCases = useUseCases();
	const signal = useAbortOnLeave();
	const {track} = restarts;
	return useMemo(
		() => ({
			async restart(service: ServiceName): Promise<void> {
				dispatch({type: 'restart-started', service});
				try {
					// Probed where the screen looks, which is where the settings say unless moved.
					const result = await track(listener => useCases.restartServices([service], {answers, ...(endpoints ? {endpoints} : {}), signal, ...listener}));
					dispatch({type: 'restart-ended', ...(result.ok ? {} : {error: `${service} could not be restarted: ${result.failed?.outcome.message ?? 'the restart failed'}`})});
				} catch (error) {
					dispatch({type: 'restart-ended', error: `${service} could not be restarted: ${errorMessage(error)}`});
				}
			},
			async openLog(service: ServiceName): Promise<void> {
				dispatch({type: 'open-log', service});
				try {
					const tail = await useCases.serviceLog(answers, service, {lines: fullLogLines, bytes: fullLogBytes});
					dispatch({type: 'log-loaded', file: tail.file, lines: tail.lines});
				} catch (error) {
					dispatch({type: 'log-failed', error: errorMessage(error)});
				}
			},
		}),
		[useCases, answers, endpoints, dispatch, track, signal],
	);
}
