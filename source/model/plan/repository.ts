// The repository: one apt source line, for the article's repository (this distribution and
// codename), any apt repository (its suite and component, trusted by its own key only), or a local
// repository made of a folder of .deb files.
import type {Values} from '../answers.js';
import type {Facts} from '../facts.js';
import {keyringPath, localRepositoryPath, sourceKeyringPath, sourceListPath} from '../files.js';
import {sourceOf} from '../repository-settings.js';
import {editOf} from '../storage.js';
import {keyMethod} from './key.js';
import type {Action, Step} from './types.js';

// An apt source's suite: the one given, or this machine's codename.
export const suiteOf = (values: Values, facts: Facts): string => values['repo.suite'] || facts.codename;

export function sourceLine(values: Values, facts: Facts): string {
	switch (sourceOf(values)) {
		case 'article': {
			const signedBy = keyMethod(values, facts) === 'keyring' ? `[signed-by=${keyringPath}] ` : '';
			return `deb ${signedBy}${values['repo.url']}/${facts.distro} ${facts.codename} main`;
		}
		case 'apt':
			return `deb [signed-by=${sourceKeyringPath}] ${values['repo.url']} ${suiteOf(values, facts)} ${values['repo.component']}`;
		case 'folder':
			// The person's own files, indexed on this machine: there is no signature to check.
			return `deb [trusted=yes] file:${localRepositoryPath} ./`;
	}
}

const summaries = {
	article: (values: Values, facts: Facts) => `Adds the Mesosphere repository for ${facts.distro} ${facts.codename} to apt’s sources.`,
	apt: (values: Values, facts: Facts) => `Adds ${values['repo.url']} ${suiteOf(values, facts)} ${values['repo.component']} to apt’s sources, trusted by its own key only.`,
	folder: (values: Values) => `Copies the .deb files of ${values['repo.folder']} to ${localRepositoryPath}, indexes them (apt-ftparchive) and adds them to apt’s sources; apt takes what they depend on from this machine’s other sources.`,
};

export function repositoryStep(values: Values, facts: Facts): Step {
	const source = sourceOf(values);
	const local: Action[] =
		source === 'folder' ? [{kind: 'local-repository', title: `Local repository of ${values['repo.folder']}`, folder: values['repo.folder'], path: localRepositoryPath}] : [];
	return {
		id: 'repository',
		title: 'Repository',
		summary: summaries[source](values, facts),
		actions: [
			...local,
			{
				kind: 'file',
				title: source === 'article' ? 'Mesosphere apt source' : 'apt source',
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
