// What a setup with these answers would do (mesos-setup plan): the plan, once the answers hold
// together and every file it would write can be written. Nothing is changed.
import {type Answers, resolveValues, type Values} from '../model/answers.js';
import type {Facts} from '../model/facts.js';
import {changeSummary, changingSteps, filesToRead, type SummaryStep} from '../model/change-summary.js';
import {buildPlan, checksOf, type Plan, preflightStep, type Step} from '../model/plan.js';
import {predictLayout} from '../system/layout-prediction.js';
import type {System} from '../system/system.js';
import {refuseUnwritableTargets} from '../system/target-check.js';
import {valuesFor} from './gather-answers.js';

// The files go where the chosen source's packages will read them (predicted before the install).
export async function planSetup(system: System, answers: Answers, signal?: AbortSignal): Promise<Plan> {
	return planned(system, valuesFor(answers), signal);
}

// The plan of a setup about to run (setup --yes, runSetup): as planSetup, and its preflight's checks
// are told as soon as the values are known, so what they wait on (the hosts they reach: the
// repository, the key server) is looked up while the layout is predicted and the plan is made.
// (Not for `plan`, which runs no preflight: a look-up still under way would hold its exit.)
// `values`: the answers' values, where the caller checked them already.
export async function planSetupToRun(system: System, answers: Answers, signal?: AbortSignal, values: Values = valuesFor(answers)): Promise<Plan> {
	// The preflight's checks do not depend on the layout: this step's are the plan's.
	const preflight = preflightStep(values, system.facts);
	system.checks.lookAhead?.(checksOf(preflight));
	return planned(system, values, signal, preflight);
}

async function planned(system: System, values: Values, signal: AbortSignal | undefined, preflight?: Step): Promise<Plan> {
	const plan = buildPlan(values, await predictLayout(system, values, signal, preflight));
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
