// What the status screen's keys set off, through the use cases: a restart followed in its pane,
// and the full log read, then read again every `intervalMs` while its view is open (the view
// follows the file, as the pane behind it does). Both read the settings from disk at that moment;
// both stop if the screen goes away.
import {useMemo} from 'react';
import type {Answers} from '../../model/answers.js';
import {errorMessage} from '../../model/errors.js';
import type {ServiceName} from '../../model/services.js';
import type {Endpoints} from '../../use-cases/status.js';
import {useAbortOnLeave} from '../hooks/use-abort-on-leave.js';
import {useUseCases} from '../hooks/use-use-cases.js';
import type {StatusScreenAction, StatusScreenState} from './status-screen-state.js';
import type {ServiceRun} from '../hooks/use-service-run.js';
import type {SyncReducer} from '../hooks/use-sync-reducer.js';

// The full log view reads this much from the end of the file.
const fullLogLines = 5000;
const fullLogBytes = 2 * 1024 * 1024;

// Waits `ms`, or less when the screen goes away (its listener goes with the wait: one a wait piled up).
const pause = (ms: number, signal: AbortSignal): Promise<void> =>
	new Promise(resolve => {
		const done = (): void => {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		signal.addEventListener('abort', done, {once: true});
	});

// `screen.get`: the state now, so a log read again stops once its view is left.
export function useStatusActions(answers: Answers, endpoints: Partial<Endpoints> | undefined, screen: SyncReducer<StatusScreenState, StatusScreenAction>, restarts: ServiceRun, intervalMs: number) {
	const useCases = useUseCases();
	const signal = useAbortOnLeave();
	const {track} = restarts;
	const {dispatch} = screen;
	return useMemo(() => {
		// Each opening of the log view reads on its own; an older one stops.
		let opened = 0;
		const open = (service: ServiceName, mine: number): boolean => {
			const {mode} = screen.get();
			return opened === mine && !signal.aborted && mode.kind === 'log' && mode.service === service;
		};
		return {
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
				const mine = ++opened;
				dispatch({type: 'open-log', service});
				try {
					const read = await useCases.followServiceLog(answers, service, {lines: fullLogLines, bytes: fullLogBytes});
					const tail = await read();
					dispatch({type: 'log-loaded', file: tail.file, lines: tail.lines});
					for (await pause(intervalMs, signal); open(service, mine); await pause(intervalMs, signal)) {
						// A read that fails while following leaves the lines read last; the next may not.
						const again = await read().catch(() => undefined);
						if (again && open(service, mine)) dispatch({type: 'log-read', service, file: again.file, lines: again.lines});
					}
				} catch (error) {
					if (open(service, mine)) dispatch({type: 'log-failed', error: errorMessage(error)});
				}
			},
		};
	}, [useCases, answers, endpoints, screen, dispatch, track, signal, intervalMs]);
}
