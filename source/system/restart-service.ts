// The step that restarts one service the way the plan does (`service X restart`, then its health
// probe with a deadline, and its log tail when it fails), probed at `probe` when given.
import type {Values} from '../model/answers.js';
import {type Probe, serviceAction, type Step} from '../model/plan.js';
import type {ServiceName} from '../model/services.js';

export function restartStep(service: ServiceName, values: Values, probe?: Probe): Step {
	const action = serviceAction(service, 'restart', values);
	return {
		id: 'start',
		title: `Restart ${service}`,
		summary: `Restarts ${service}, then waits for its health probe.`,
		actions: [action.kind === 'service' && probe ? {...action, probe} : action],
	};
}
