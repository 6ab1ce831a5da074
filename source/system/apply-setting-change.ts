// Carries out a setting change in its two parts, so the edit screen can ask between them:
// write the files (backups, journal) and save the answers; then restart what the change affects.
// Neither counts as setup progress: the caller's ApplyRun is made with recordsProgress: false.
import type {Step} from '../model/plan.js';
import type {SettingChange} from '../model/setting-change.js';
import type {ApplyEvent, ApplyResult, ApplyRun} from './apply-plan.js';
import type {System} from './system.js';

const stepOf = (change: SettingChange, id: Step['id']): Step =>
	change.plan.steps.find(step => step.id === id) ?? {id, title: id, summary: '', actions: []};

export const writeStep = (change: SettingChange): Step => stepOf(change, 'configuration');
export const restartStepOf = (change: SettingChange): Step => stepOf(change, 'start');

export async function writeSettingChange(system: System, run: ApplyRun, change: SettingChange, onEvent?: (event: ApplyEvent) => void): Promise<ApplyResult> {
	const result = await run.applyStep(writeStep(change), onEvent);
	// The answers follow the files: saved only once the files hold the new values.
	if (result.ok && !system.dryRun) system.state.saveAnswers(change.answers);
	return result;
}

export async function restartAfterChange(system: System, run: ApplyRun, change: SettingChange, onEvent?: (event: ApplyEvent) => void): Promise<ApplyResult> {
	return run.applyStep(restartStepOf(change), onEvent);
}
