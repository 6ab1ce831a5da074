// The repository: one apt source line for this distribution and codename.
import type {Values} from '../answers.js';
import type {Facts} from '../facts.js';
import {keyringPath, sourceListPath} from '../files.js';
import {editOf} from '../storage.js';
import {keyMethod} from './key.js';
import type {Step} from './types.js';

export function sourceLine(values: Values, facts: Facts): string {
	const signedBy = keyMethod(values, facts) === 'keyring' ? `[signed-by=${keyringPath}] ` : '';
	return `deb ${signedBy}${values['repo.url']}/${facts.distro} ${facts.codename} main`;
}

export function repositoryStep(values: Values, facts: Facts): Step {
	return {
		id: 'repository',
		title: 'Repository',
		summary: `Adds the Mesosphere repository for ${facts.distro} ${facts.codename} to apt’s sources.`,
		actions: [
			{
				kind: 'file',
				title: 'Mesosphere apt source',
				path: sourceListPath,
				settings: ['repo.url'],
				edit: editOf([{storage: {kind: 'whole'}, value: sourceLine(values, facts)}]),
				mode: 0o644,
				notes: [],
				restarts: [],
			},
		],
	};
}
