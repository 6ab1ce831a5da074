// Service overrides: the packages start every service at boot; the article keeps them manual.
import type {Values} from '../answers.js';
import type {Facts} from '../facts.js';
import {overridePath} from '../files.js';
import {disableAtBootCommand} from '../services.js';
import {installedServices} from './install.js';
import {editOf} from '../storage.js';
import {type Action, minutes, type Step} from './types.js';

export function overridesStep(values: Values, facts: Facts): Step {
	const actions: Action[] = installedServices(values).map((service): Action => {
		const argv = disableAtBootCommand(facts.init, service);
		if (argv) return {kind: 'run', title: `Do not start ${service} at boot`, argv, timeoutMs: minutes(1)};
		return {
			kind: 'file',
			title: `Do not start ${service} at boot`,
			path: overridePath(service),
			settings: [],
			edit: editOf([{storage: {kind: 'whole'}, value: 'manual'}]),
			mode: 0o644,
			notes: ['upstart reads “manual” here and leaves the service to be started by hand.'],
			restarts: [],
		};
	});
	return {
		id: 'overrides',
		title: 'Service overrides',
		summary: 'The packages start every service at boot; the article keeps them manual, so you start them when you choose.',
		actions,
	};
}
