// Write one setting and restart what it affects. The settings are read from the files on disk
// (a hand edit wins over the saved answer); a change writes only the files that hold it (backups,
// journal, answers saved once the files hold the new values), then restarts only the services it
// affects. The edit screen asks between the two parts; edit --yes does both.
import type {Answers} from '../model/answers.js';
import type {ApplyEvent, ApplyResult} from '../model/apply-events.js';
import {type CurrentValues, savedNotAllowed} from '../model/current-values.js';
import type {Step} from '../model/plan.js';
import {restartStepOf, type SettingChange, writeStep} from '../model/setting-change.js';
import {ApplyRun} from '../system/apply-plan.js';
import {readCurrentValues} from '../system/current-values.js';
import {newRunId} from '../system/journal.js';
import type {System} from '../system/system.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import {refuseUnsafeRealRun} from './real-machine.js';
import {underRunLock} from './run-lock.js';
import type {UseCaseOptions} from './use-case-options.js';

// Every setting as the machine holds it now, read against `answers` (saved ← --answers ← --set),
// with the saved answers the settings do not allow (gatherAnswers let through only the one `edit ID`
// gives a value for), so a change of that setting replaces its saved answer.
export async function readSettings(system: System, answers: Answers): Promise<CurrentValues> {
	const current = await readCurrentValues(system, answers);
	const notAllowed = savedNotAllowed(system.state.answers(), answers);
	return notAllowed.length > 0 ? {...current, savedNotAllowed: notAllowed} : current;
}

export type WrittenChange = {
	result: ApplyResult;
	// The restart the change asks for (no actions when no service reads the changed files).
	restartStep: Step;
	// In the same run as the write: one run id, one log.
	restart(options?: UseCaseOptions<ApplyEvent>): Promise<ApplyResult>;
};

// Each part holds the run lock while it runs: one setup, edit or undo at a time.
export async function writeSetting(system: System, change: SettingChange, options: UseCaseOptions<ApplyEvent> = {}): Promise<WrittenChange> {
	refuseUnsafeRealRun(system, 'edit');
	await refuseUnwritableTargets(system.fs, change.plan);
	const notice = (line: string) => options.onEvent?.({type: 'notice', line});
	// Not a setup run: a finished setup stays finished.
	const run = new ApplyRun(system, newRunId(system.now()), {recordsProgress: false});
	const result = await underRunLock(system, 'edit', notice, async () => {
		const written = await run.applyStep(writeStep(change), options.onEvent, options.signal ? {signal: options.signal} : {});
		// The answers follow the files: saved only once the files hold the new values.
		if (written.ok) system.state.saveAnswers(change.answers);
		return written;
	});
	const restartStep = restartStepOf(change);
	return {
		result,
		restartStep,
		restart: async (restartOptions = {}) =>
			underRunLock(system, 'edit', line => restartOptions.onEvent?.({type: 'notice', line}), async () =>
				run.applyStep(restartStep, restartOptions.onEvent, restartOptions.signal ? {signal: restartOptions.signal} : {}),
			),
	};
}
