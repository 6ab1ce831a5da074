// The step that restarts services the way the plan does (`service X restart`, or systemctl's, then its health
// probe with a deadline, and its log tail when it fails), each probed at `probes[service]` when given.
import type {Values} from './answers.js';
import type {InitSystem} from './facts.js';
import {type Probe, serviceAction, type Step} from './plan.js';
import {type ServiceName, startOrder} from './services.js';

export function restartStep(services: readonly ServiceName[], values: Values, init: InitSystem, probes: Partial<Record<ServiceName, Probe>> = {}): Step {
	const ordered = startOrder.filter(service => services.includes(service));
	return {
		id: 'start',
		title: `Restart ${ordered.join(', ')}`,
		summary: `Restarts ${ordered.join(', ')}, then waits for ${ordered.length === 1 ? 'its health probe' : 'each one’s health probe'}.`,
		actions: ordered.map(service => {
			const action = serviceAction(service, 'restart', values, init);
			const probe = probes[service];
			return action.kind === 'service' && probe ? {...action, probe} : action;
		}),
	};
}

// The commands a person runs to restart them by hand.
export const restartCommands = (step: Step): string[] => step.actions.flatMap(action => (action.kind === 'service' ? [action.argv.join(' ')] : []));
