// Restart services the way the plan does: `service X restart` (systemctl's under systemd), then each one's health probe with a
// deadline (and its log tail when it fails). The values come from the files on disk, so a service
// is probed where it is now configured to answer (or at the endpoints a test moved it to).
import type {Answers} from '../model/answers.js';
import type {ApplyEvent, ApplyResult} from '../model/apply-events.js';
import type {Probe, Step} from '../model/plan.js';
import {restartStep} from '../model/restart-step.js';
import type {ServiceName} from '../model/services.js';
import {ApplyRun} from '../system/apply-plan.js';
import {type Endpoints, endpointsFor, statusProbe} from '../model/endpoints.js';
import {readValuesForStatus} from '../system/current-values.js';
import {newRunId} from '../system/journal.js';
import type {System} from '../system/system.js';
import {refuseUnsafeRealRun} from './real-machine.js';
import type {UseCaseOptions} from './use-case-options.js';

export type RestartOptions = UseCaseOptions<ApplyEvent> & {
	answers: Answers;
	endpoints?: Partial<Endpoints>;
	// Called with the step before it runs, so a screen can show it waiting.
	onStep?: (step: Step) => void;
};

export async function restartServices(system: System, services: readonly ServiceName[], options: RestartOptions): Promise<ApplyResult> {
	refuseUnsafeRealRun(system, 'status', 'restarts services with service');
	const values = await readValuesForStatus(system, options.answers);
	const endpoints = endpointsFor(values, options.endpoints);
	const probes: Partial<Record<ServiceName, Probe>> = Object.fromEntries(services.map(service => [service, statusProbe(service, values, endpoints)]));
	const step = restartStep(services, values, system.facts.init, probes);
	options.onStep?.(step);
	const run = new ApplyRun(system, newRunId(system.now()), {recordsProgress: false});
	return run.applyStep(step, options.onEvent, options.signal ? {signal: options.signal} : {});
}
