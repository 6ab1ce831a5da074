// What the status screen's keys set off: a restart followed in its pane, and the full log read.
// Both go through the System, with the settings read from disk at that moment.
import {type Dispatch, useMemo} from 'react';
import type {Answers} from '../../model/answers.js';
import {errorMessage} from '../../model/errors.js';
import {serviceLogFiles} from '../../model/plan.js';
import type {ServiceName} from '../../model/services.js';
import {ApplyRun} from '../../system/apply-plan.js';
import {type Endpoints, endpointsFor, statusProbe} from '../../system/cluster-status.js';
import {readValuesForStatus} from '../../system/current-values.js';
import {newRunId} from '../../system/journal.js';
import {readLogTail} from '../../system/log-tail.js';
import {restartStep} from '../../system/restart-service.js';
import type {System} from '../../system/system.js';
import type {StatusScreenAction} from './status-screen-state.js';
import type {ServiceRun} from './use-service-run.js';

// The full log view reads this much from the end of the file.
const fullLogLines = 5000;
const fullLogBytes = 2 * 1024 * 1024;

export function useStatusActions(system: System, answers: Answers, endpoints: Partial<Endpoints> | undefined, dispatch: Dispatch<StatusScreenAction>, restarts: ServiceRun) {
	const {track} = restarts;
	return useMemo(
		() => ({
			async restart(service: ServiceName): Promise<void> {
				dispatch({type: 'restart-started', service});
				try {
					const values = await readValuesForStatus(system, answers);
					// Probed where the screen looks, which is where the settings say unless moved.
					const step = restartStep(service, values, statusProbe(service, values, endpointsFor(values, endpoints)));
					const run = new ApplyRun(system, newRunId(system.now()), [], {recordsProgress: false});
					await track(step, onEvent => run.applyStep(step, onEvent));
					dispatch({type: 'restart-ended'});
				} catch (error) {
					dispatch({type: 'restart-ended', error: `${service} could not be restarted: ${errorMessage(error)}`});
				}
			},
			async openLog(service: ServiceName): Promise<void> {
				dispatch({type: 'open-log', service});
				try {
					const values = await readValuesForStatus(system, answers);
					const tail = await readLogTail(system.fs, serviceLogFiles(service, values), fullLogLines, fullLogBytes);
					dispatch({type: 'log-loaded', file: tail.file, lines: tail.lines});
				} catch (error) {
					dispatch({type: 'log-failed', error: errorMessage(error)});
				}
			},
		}),
		[system, answers, endpoints, dispatch, track],
	);
}
