// `mesos-setup edit ID VALUE --yes`: one setting changed without questions. It starts from what
// the files hold now (a hand edit wins over the saved answer), takes along the settings that
// follow it, writes only their files and restarts only the services they affect.
// Exit 0 done, 1 a step failed, 2 bad id or value (nothing written).
import type {Answers} from '../model/answers.js';
import {handEdited} from '../model/current-values.js';
import {errorMessage} from '../model/errors.js';
import {changeLine, planSettingChange} from '../model/setting-change.js';
import {ApplyRun} from '../system/apply-plan.js';
import {restartAfterChange, restartStepOf, writeSettingChange} from '../system/apply-setting-change.js';
import {readCurrentValues} from '../system/current-values.js';
import {newRunId} from '../system/journal.js';
import type {System} from '../system/system.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import {refuseUnsafeRealRun} from './gather-answers.js';
import type {Output} from './output.js';
import {printEvent} from './setup-yes.js';

export type EditYesOptions = {
	id: string;
	value: string;
	// Saved answers ← --answers ← --set, as the command line gathered them.
	answers: Answers;
	out: (line: string) => void;
	err: (line: string) => void;
};

export async function runEditYes(system: System, options: EditYesOptions): Promise<number> {
	const {id, value, out, err} = options;
	const output: Output = {out, err, color: false};
	let current;
	try {
		current = await readCurrentValues(system, options.answers);
	} catch (error) {
		err(`The files that hold the settings could not be read: ${errorMessage(error)}`);
		err('Nothing was changed.');
		return 1;
	}
	const check = planSettingChange(current, system.facts, id, value, true);
	if (!check.ok) {
		for (const problem of check.problems) err(problem);
		err('Nothing was changed.');
		return 2;
	}
	refuseUnsafeRealRun(system, 'edit');
	const {change} = check;
	await refuseUnwritableTargets(system.fs, change.plan);
	for (const edited of handEdited(current)) {
		out(`${edited.id} was edited by hand in ${edited.path}: ${edited.value} is kept (the saved answer said ${edited.saved}).`);
	}
	if (change.changes.length === 0) {
		out(`${id} is already ${change.value}; nothing to change.`);
		return 0;
	}
	out(`Changing ${change.changes.map(changeLine).join('; ')}`);
	const run = new ApplyRun(system, newRunId(system.now()), [], {recordsProgress: false});
	const written = await writeSettingChange(system, run, change, event => printEvent(event, output));
	if (!written.ok) return failed(written.failed?.outcome.message, output);
	const restart = restartStepOf(change);
	const restarted = await restartAfterChange(system, run, change, event => printEvent(event, output));
	if (!restarted.ok) return failed(restarted.failed?.outcome.message, output);
	const services = restart.actions.flatMap(action => (action.kind === 'service' ? [action.service] : []));
	const files = written.changedFiles.length;
	if (system.dryRun) out('Dry run: nothing was changed.');
	else if (files > 0) out(`Changed ${files} file${files === 1 ? '' : 's'}; the old ones are kept in ${system.fs.hostPath(written.backupsDir ?? '')} (mesos-setup undo puts them back).`);
	if (services.length === 0) out('No service needs a restart.');
	else if (system.sandbox || system.dryRun) out(`Not restarted here (${system.sandbox ? '--root' : '--dry-run'}): ${services.join(', ')} would be restarted.`);
	else out(`Restarted: ${services.join(', ')}.`);
	return 0;
}

function failed(message: string | undefined, output: Output): number {
	output.err(`Failed: ${message ?? 'a step failed'}`);
	output.err('Files written before the failure stay written; mesos-setup undo puts them back.');
	return 1;
}
