// A change of settings after the setup: only the files that hold them, then a restart of the
// services they affect.
import type {Values} from '../answers.js';
import type {Facts} from '../facts.js';
import type {SettingId} from '../settings.js';
import {fileActions} from './configure.js';
import {refreshListsAction} from './install.js';
import {keyStep} from './key.js';
import {repositoryStep} from './repository.js';
import {serviceAction, servicesToRestart} from './services.js';
import type {Action, Plan} from './types.js';

const changes = (changed: ReadonlySet<SettingId>, ids: readonly SettingId[]): boolean => ids.some(id => changed.has(id));

// Repository settings live in no /etc file of their own: a change to them re-trusts the key and
// rewrites the source list as the setup does, then refreshes apt's lists so the change is tried.
function repositoryChange(values: Values, facts: Facts, changed: ReadonlySet<SettingId>): Action[] {
	const key = changes(changed, ['repo.source', 'repo.key', 'repo.keyserver', 'repo.keyMethod', 'repo.keyUrl', 'repo.keyFile', 'repo.fingerprint']) ? keyStep(values, facts).actions : [];
	const list = changes(changed, ['repo.source', 'repo.url', 'repo.keyMethod', 'repo.suite', 'repo.component', 'repo.folder']) ? repositoryStep(values, facts).actions : [];
	if (key.length + list.length === 0) return [];
	return [...key, ...list, refreshListsAction];
}

export function buildChangePlan(values: Values, facts: Facts, changed: ReadonlySet<SettingId>): Plan {
	const restart = servicesToRestart(changed, values);
	return {
		facts,
		values,
		steps: [
			{
				id: 'configuration',
				title: 'Configuration',
				summary: 'Writes the files that hold the changed settings.',
				actions: [...repositoryChange(values, facts, changed), ...fileActions(values, facts, changed)],
			},
			{
				id: 'start',
				title: 'Restart services',
				summary: restart.length > 0 ? `Restarts ${restart.join(', ')} so the change takes effect.` : 'No service needs a restart.',
				actions: restart.map(service => serviceAction(service, 'restart', values, facts.init)),
			},
		],
	};
}
