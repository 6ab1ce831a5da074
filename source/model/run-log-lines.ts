// The lines a run's log gets for each event: a heading per step and action, every output line
// (| stdout, ! stderr), each probe (?), and each outcome with its detail.
import type {ApplyEvent} from './apply-events.js';

export function runLogLines(event: ApplyEvent): string[] {
	switch (event.type) {
		case 'step-start':
			return [`== ${event.step.title}`];
		case 'action-start':
			return [`-- ${event.action.title}`];
		case 'output':
			return [`${event.stream === 'stderr' ? '!' : '|'} ${event.line}`];
		case 'probe':
			return [`? ${event.result.healthy ? 'healthy' : 'not yet'}: ${event.result.detail}`];
		case 'action-end':
			return [`${event.outcome.status} ${event.outcome.message}`, ...(event.outcome.detail ?? []).map(line => `  ${line}`)];
		case 'notice':
		case 'step-end':
			return [];
	}
}
