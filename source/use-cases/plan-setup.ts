// What a setup with these answers would do (mesos-setup plan): the plan, once the answers hold
// together and every file it would write can be written. Nothing is changed.
import type {Answers} from '../model/answers.js';
import {changeSummary, changingSteps, filesToRead, type SummaryStep} from '../model/change-summary.js';
import {buildPlan, type Plan} from '../model/plan.js';
import type {System} from '../system/system.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import {valuesFor} from './gather-answers.js';

export async function planSetup(system: System, answers: Answers): Promise<Plan> {
	const plan = buildPlan(valuesFor(answers), system.facts);
	await refuseUnwritableTargets(system.fs, plan);
	return plan;
}

// What the setup will change, against the files on disk now: the summary shown before it starts.
export async function setupSummary(system: System, plan: Plan): Promise<SummaryStep[]> {
	const steps = changingSteps(plan);
	const disk = new Map(await Promise.all(filesToRead(steps).map(async path => [path, await system.fs.read(path)] as const)));
	return changeSummary(steps, disk);
}
