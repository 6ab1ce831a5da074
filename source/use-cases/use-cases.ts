// The use cases bound to one System: what the screens receive through context (ui/UseCasesProvider)
// and tests can replace. Plain commands call the functions in this folder directly.
import type {Answers} from '../model/answers.js';
import type {ApplyEvent} from '../model/apply-events.js';
import type {SettingChange} from '../model/setting-change.js';
import type {ServiceName} from '../model/services.js';
import type {System} from '../system/system.js';
import {readSettings, writeSetting} from './change-setting.js';
import {predictSetupLayout} from './plan-setup.js';
import {restartServices, type RestartOptions} from './restart-services.js';
import {type SetupStart, startSetup} from './setup.js';
import {followServiceLog, type LogLimits, type StatusOptions, statusReader} from './status.js';
import {previewUndo, type UndoEvent, undoLastRun} from './undo.js';
import type {UseCaseOptions} from './use-case-options.js';

export function createUseCases(system: System) {
	return {
		startSetup: (start?: SetupStart) => startSetup(system, start),
		// Where the answers' package source's packages will read their configuration (before the install).
		predictLayout: (answers: Answers, signal?: AbortSignal) => predictSetupLayout(system, answers, signal),
		// Whether a setup finished here, and the answers saved now (after an undo, say).
		setUpBefore: () => system.state.setUpBefore(),
		savedAnswers: () => system.state.answers(),
		// Where the last setup got to (a stopped one is offered to continue).
		savedProgress: () => system.state.progress(),
		readSettings: (answers: Answers) => readSettings(system, answers),
		writeSetting: (change: SettingChange, options?: UseCaseOptions<ApplyEvent>) => writeSetting(system, change, options),
		restartServices: (services: readonly ServiceName[], options: RestartOptions) => restartServices(system, services, options),
		statusReader: (options: StatusOptions & {initStateMaxAgeMs: number}) => statusReader(system, options),
		followServiceLog: (answers: Answers, service: ServiceName, limits: LogLimits) => followServiceLog(system, answers, service, limits),
		previewUndo: () => previewUndo(system),
		undoLastRun: (options?: UseCaseOptions<UndoEvent>) => undoLastRun(system, options),
	};
}

export type UseCases = ReturnType<typeof createUseCases>;
