// What a setup with these answers would do (mesos-setup plan): the plan, once the answers hold
// together and every file it would write can be written. Nothing is changed.
import {type Answers, resolveValues} from '../model/answers.js';
import type {Facts} from '../model/facts.js';
import {changeSummary, changingSteps, filesToRead, type SummaryStep} from '../model/change-summary.js';
import {buildPlan, type Plan} from '../model/plan.js';
import {predictLayout} from '../system/layout-prediction.js';
import type {System} from '../system/system.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import {valuesFor} from './gather-answers.js';

// The files go where the chosen source's packages will read them (predicted before the install).
export async function planSetup(system: System, answers: Answers, signal?: AbortSignal): Promise<Plan> {
	const values = valuesFor(answers);
	const plan = buildPlan(values, await predictLayout(system, values, signal));
	await refuseUnwritableTargets(system.fs, plan);
	return plan;
}

// What the setup will change, against the files on disk now: the summary shown before it starts.
export async function setupSummary(system: System, plan: Plan): Promise<SummaryStep[]> {
	const steps = changingSteps(plan);
	const disk = new Map(await Promise.all(filesToRead(steps).map(async path => [path, await system.fs.read(path)] as const)));
	return changeSummary(steps, disk);
}

// The machine's facts with the layout the answers' package source will install (the wizard's pages
// and summary are made from these); nothing is changed.
export const predictSetupLayout = (system: System, answers: Answers, signal?: AbortSignal): Promise<Facts> => predictLayout(system, resolveValues(answers), signal);
