// `mesos-setup setup --yes`: the whole plan without questions, one plain line per action. SIGINT or
// SIGTERM (the signal) stops the step under way: it is recorded as stopped, nothing after it runs,
// and the exit code is 130.
import type {Answers} from '../model/answers.js';
import {type ApplyEvent, type OutcomeStatus, summaryLine} from '../model/apply-events.js';
import {stoppedExitCode} from '../model/errors.js';
import {refuseUnpinnedKey} from '../model/source-problems.js';
import {runSetup} from '../use-cases/setup.js';
import {planSetupToRun, setupSummary} from '../use-cases/plan-setup.js';
import {emptyStepNote, summaryLines} from '../model/change-summary.js';
import {webPages} from '../model/endpoints.js';
import type {System} from '../system/system.js';
import {describeSystem} from './describe-system.js';
import {valuesFor} from '../use-cases/gather-answers.js';
import {refuseUnsafeRealRun} from '../use-cases/real-machine.js';
import {type Output, paint, type Tone} from './output.js';
import {sayIfSlow, sayReading} from './slow-notice.js';

const tones: Partial<Record<OutcomeStatus, Tone>> = {
	wrote: 'green',
	removed: 'green',
	ran: 'green',
	healthy: 'green',
	passed: 'green',
	warned: 'yellow',
	failed: 'red',
	stopped: 'yellow',
	skipped: 'dim',
	unchanged: 'dim',
};

// The outcome's word in a column as wide as the longest (would-remove), what it did after it.
const labelWidth = 13;
const under = ' '.repeat(labelWidth);

export function printEvent(event: ApplyEvent, output: Output): void {
	if (event.type === 'notice') output.err(event.line);
	if (event.type === 'step-start') output.out(paint(output, 'bold', `== ${event.step.title}`));
	if (event.type === 'step-start' && event.step.actions.length === 0) output.out(`${under}${emptyStepNote(event.step)}`);
	if (event.type === 'action-end') {
		const {status, message, detail} = event.outcome;
		const tone = tones[status];
		const label = status.padEnd(labelWidth - 1);
		output.out(`${tone ? paint(output, tone, label) : label} ${message}`);
		if (status === 'failed') for (const line of detail ?? []) output.out(`${under}${line}`);
	}
}

// `typed`: the command line as given (cli.tsx), said back in the ways offered without root.
export async function runSetupYes(system: System, answers: Answers, output: Output, signal?: AbortSignal, typed: readonly string[] = ['setup', '--yes']): Promise<number> {
	// Refused (or bad answers) before a word about working here is said.
	refuseUnsafeRealRun(system, 'setup', undefined, typed);
	const checked = valuesFor(answers);
	refuseUnpinnedKey(checked);
	const plan = await sayIfSlow(planSetupToRun(system, answers, signal, checked), sayReading(output.err, () => checked, system.facts));
	for (const line of describeSystem(system, checked, 'Working', plan.facts)) output.out(line);
	// Everything it will run and write, said before the first change (the wizard's summary).
	output.out('Before anything changes, this is what setup will do:');
	for (const line of summaryLines(await setupSummary(system, plan))) output.out(line);
	output.out('');
	// Files the installed packages read elsewhere than the summary showed: said, then written.
	const confirmMoved = async (lines: string[]): Promise<boolean> => {
		for (const line of lines) output.out(paint(output, 'yellow', line));
		return true;
	};
	const result = await runSetup(system, answers, {plan, confirmMoved, onEvent: event => printEvent(event, output), ...(signal ? {signal} : {})});
	const {values} = result;
	output.out('');
	const log = result.logPath ? ` Full log: ${system.fs.hostPath(result.logPath)}` : '';
	if (result.stopped) {
		// Stopped while it only looked (the plan, the preflight) or in a dry run: nothing is recorded,
		// nothing to undo.
		if (!result.recorded) {
			output.err(paint(output, 'yellow', 'Stopped before anything was changed.'));
			output.err('Run the same command again to start.');
			return stoppedExitCode;
		}
		const where = result.failed?.step.title ?? 'the step under way';
		output.err(paint(output, 'yellow', `Stopped at ${where}: it is recorded as stopped, not done, and nothing after it ran.`));
		output.err(`Files written so far stay (mesos-setup undo puts them back). Run the same command again to continue.${log}`);
		return stoppedExitCode;
	}
	if (!result.ok && result.failed) {
		const {step, outcome} = result.failed;
		output.err(paint(output, 'red', `Failed at ${step.title}: ${outcome.message}`));
		output.err(`Nothing after it was done. Fix the cause, then run the same command again: the steps already done find nothing left to change.${log}`);
		return 1;
	}
	const changed = result.changedFiles.length;
	output.out(`Done: ${summaryLine(result.counts)}.`);
	if (system.dryRun) output.out('Dry run: nothing was changed.');
	else if (changed === 0) output.out('Nothing changed: every file already held these values.');
	else output.out(`Changed ${changed} file${changed === 1 ? '' : 's'}; the old ones are kept in ${system.fs.hostPath(result.backupsDir ?? '')} (mesos-setup undo puts them back).`);
	if (result.logPath) output.out(`Log: ${system.fs.hostPath(result.logPath)}`);
	if (!system.sandbox && !system.dryRun) output.out(webPages(values));
	return 0;
}
