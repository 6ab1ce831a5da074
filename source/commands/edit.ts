// `mesos-setup edit ID VALUE --yes`: one setting changed without questions. It starts from what
// the files hold now (a hand edit wins over the saved answer), takes along the settings that
// follow it, writes only their files and restarts only the services they affect.
// Exit 0 done, 1 a step failed, 2 bad id or value (nothing written), 130 stopped.
import {type Answers, resolveValues} from '../model/answers.js';
import type {ApplyResult} from '../model/apply-events.js';
import {errorMessage, stoppedExitCode} from '../model/errors.js';
import {changeLine, changesNothing, handEditLines, planSettingChange, replacedSavedLine, savedAnswerLine, servicesOf} from '../model/setting-change.js';
import {settingIdFrom} from '../model/settings.js';
import type {System} from '../system/system.js';
import {readSettings, writeSetting} from '../use-cases/change-setting.js';
import {refuseUnsafeRealRun} from '../use-cases/real-machine.js';
import type {Output} from './output.js';
import {printEvent} from './setup-yes.js';

export type EditYesOptions = {
	id: string;
	value: string;
	// Saved answers ← --answers ← --set, as the command line gathered them.
	answers: Answers;
	out: (line: string) => void;
	err: (line: string) => void;
	signal?: AbortSignal;
	// The command line as given (cli.tsx), said back in the ways offered without root.
	typed?: readonly string[];
};

export async function runEditYes(system: System, options: EditYesOptions): Promise<number> {
	const {id, value, out, err, signal} = options;
	const output: Output = {out, err, color: false};
	let current;
	try {
		current = await readSettings(system, options.answers);
	} catch (error) {
		err(`The files that hold the settings could not be read: ${errorMessage(error)}`);
		err('Nothing was changed.');
		return 1;
	}
	const known = settingIdFrom(id);
	const check = known.ok ? planSettingChange(current, system.facts, known.id, value, true) : {ok: false as const, problems: [known.message]};
	if (!check.ok) {
		for (const problem of check.problems) err(problem);
		err('Nothing was changed.');
		return 2;
	}
	refuseUnsafeRealRun(system, 'edit', undefined, options.typed ?? (value.startsWith('-') ? ['edit', '--yes', '--', id, value] : ['edit', id, value, '--yes']));
	const {change} = check;
	for (const line of handEditLines(current, change, resolveValues(system.state.answers()))) out(line);
	if (changesNothing(change)) {
		out(`${id} is already ${change.value}; nothing to change.`);
		return 0;
	}
	const replacing = replacedSavedLine(change);
	if (replacing) out(replacing);
	if (change.changes.length > 0) out(`Changing ${change.changes.map(changeLine).join('; ')}`);
	const listen = {onEvent: (event: Parameters<typeof printEvent>[0]) => printEvent(event, output), ...(signal ? {signal} : {})};
	const written = await writeSetting(system, change, listen);
	if (!written.result.ok) return failed(written.result, output);
	// No service to restart: said once below, not as an empty step too.
	const quiet = servicesOf(written.restartStep).length === 0;
	const restarted = await written.restart(quiet ? {...listen, onEvent: () => undefined} : listen);
	if (!restarted.ok) return failed(restarted, output);
	const services = servicesOf(written.restartStep);
	const files = written.result.changedFiles.length;
	if (system.dryRun) out('Dry run: nothing was changed.');
	else if (files > 0) out(`Changed ${files} file${files === 1 ? '' : 's'}; the old ones are kept in ${system.fs.hostPath(written.result.backupsDir ?? '')} (mesos-setup undo puts them back).`);
	const saved = system.dryRun ? undefined : savedAnswerLine(change);
	if (saved) out(saved);
	if (services.length === 0) out('No service needs a restart.');
	else if (system.sandbox || system.dryRun) out(`Not restarted here (${system.sandbox ? '--root' : '--dry-run'}): ${services.join(', ')} would be restarted.`);
	else out(`Restarted: ${services.join(', ')}.`);
	return 0;
}

function failed(result: ApplyResult, output: Output): number {
	if (result.stopped) {
		output.err(`Stopped: ${result.failed?.outcome.message ?? 'the change was stopped'}`);
		output.err('Files written before the stop stay written; mesos-setup undo puts them back.');
		return stoppedExitCode;
	}
	output.err(`Failed: ${result.failed?.outcome.message ?? 'a step failed'}`);
	output.err('Files written before the failure stay written; mesos-setup undo puts them back.');
	return 1;
}
