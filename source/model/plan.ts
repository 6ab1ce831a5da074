// The plan: the only list of commands mesos-setup runs and files it writes, in order, one file a
// step under plan/. The wizard, `plan`, `plan --script`, `--yes`, `edit` and the tests all read
// the same plan.
import type {Values} from './answers.js';
import type {Facts} from './facts.js';
import {configurationStep} from './plan/configure.js';
import {installStep} from './plan/install.js';
import {keyStep} from './plan/key.js';
import {overridesStep} from './plan/overrides.js';
import {preflightStep} from './plan/preflight.js';
import {repositoryStep} from './plan/repository.js';
import {startStep} from './plan/services.js';
import type {Check, Plan, Step} from './plan/types.js';

export type {Action, Check, FileAction, KeyFrom, Plan, Probe, ServiceLog, Step, StepId} from './plan/types.js';
export type {FileEdit} from './storage.js';
export {buildChangePlan} from './plan/change.js';
export {fileActions} from './plan/configure.js';
export {keyFetchArgv, keyFromText, keyMethod} from './plan/key.js';
export {keyserverUrl, preflightStep, realRunOnly} from './plan/preflight.js';
export {sourceLine} from './plan/repository.js';
export {probeFor, serviceAction, serviceLog, servicesToRestart} from './plan/services.js';

// The checks a step runs (the preflight's), in order: what the preflight's answers are asked ahead for.
export const checksOf = (step: Step): Check[] => step.actions.flatMap(action => (action.kind === 'check' ? [action.check] : []));

export function buildPlan(values: Values, facts: Facts): Plan {
	return {
		facts,
		values,
		steps: [
			preflightStep(values, facts),
			keyStep(values, facts),
			repositoryStep(values, facts),
			installStep(values),
			overridesStep(values, facts),
			configurationStep(values, facts),
			startStep(values, facts.init),
		],
	};
}
