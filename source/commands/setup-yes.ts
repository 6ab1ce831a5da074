// `mesos-setup setup --yes`: the whole plan without questions, one plain line per action.
import type {Answers} from '../model/answers.js';
import {buildPlan} from '../model/plan.js';
import type {ApplyEvent, OutcomeStatus} from '../system/apply-plan.js';
import {startSetupRun} from '../system/setup-run.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import type {System} from '../system/system.js';
import {describeSystem} from './describe-system.js';
import {refuseUnsafeRealRun, valuesFor} from './gather-answers.js';
import {type Output, paint, type Tone} from './output.js';

const tones: Partial<Record<OutcomeStatus, Tone>> = {
	wrote: 'green',
	ran: 'green',
	healthy: 'green',
	passed: 'green',
	warned: 'yellow',
	failed: 'red',
	skipped: 'dim',
	unchanged: 'dim',
};

export function printEvent(event: ApplyEvent, output: Output): void {
	if (event.type === 'step-start') output.out(paint(output, 'bold', `== ${event.step.title}`));
	if (event.type === 'action-end') {
		const {status, message, detail} = event.outcome;
		const tone = tones[status];
		const label = status.padEnd(11);
		output.out(`${tone ? paint(output, tone, label) : label} ${message}`);
		if (status === 'failed') for (const line of detail ?? []) output.out(`            ${line}`);
	}
}

export function summaryLine(counts: Partial<Record<OutcomeStatus, number>>): string {
	const order: OutcomeStatus[] = ['wrote', 'would-write', 'unchanged', 'ran', 'would-run', 'healthy', 'skipped', 'passed', 'warned', 'failed'];
	return order
		.filter(status => (counts[status] ?? 0) > 0)
		.map(status => `${counts[status]} ${status}`)
		.join(', ');
}

export async function runSetupYes(system: System, answers: Answers, output: Output): Promise<number> {
	refuseUnsafeRealRun(system, 'setup');
	const values = valuesFor(answers);
	const plan = buildPlan(values, system.facts);
	await refuseUnwritableTargets(system.fs, plan);
	// Made before the answers are saved, so the run's journal keeps the answers undo goes back to.
	const run = await startSetupRun(system);
	if (!system.dryRun) system.state.saveAnswers(answers);
	for (const line of describeSystem(system, values)) output.out(line);
	const result = await run.applySteps(plan.steps, event => printEvent(event, output));
	output.out('');
	if (!result.ok && result.failed) {
		const {step, outcome} = result.failed;
		output.err(paint(output, 'red', `Failed at ${step.title}: ${outcome.message}`));
		output.err(`Nothing after it was done. Fix the cause, then run the same command again: the steps already done find nothing left to change.${result.logPath ? ` Full log: ${system.fs.hostPath(result.logPath)}` : ''}`);
		return 1;
	}
	await run.finish();
	const changed = result.changedFiles.length;
	output.out(`Done: ${summaryLine(result.counts)}.`);
	if (system.dryRun) output.out('Dry run: nothing was changed.');
	else if (changed === 0) output.out('Nothing changed: every file already held these values.');
	else output.out(`Changed ${changed} file${changed === 1 ? '' : 's'}; the old ones are kept in ${system.fs.hostPath(result.backupsDir ?? '')} (mesos-setup undo puts them back).`);
	if (result.logPath) output.out(`Log: ${system.fs.hostPath(result.logPath)}`);
	if (!system.sandbox && !system.dryRun) output.out(`Mesos: http://127.0.0.1:${values['master.port']}   Marathon: http://127.0.0.1:8080`);
	return 0;
}
