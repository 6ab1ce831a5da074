// The repository key: fetched into a throwaway GNUPGHOME, checked by its full fingerprint, then
// trusted the way repo.keyMethod says.
import type {Values} from '../answers.js';
import type {Facts} from '../facts.js';
import {keyringPath} from '../files.js';
import type {Step} from './types.js';

export function keyMethod(values: Values, facts: Facts): 'apt-key' | 'keyring' {
	const chosen = values['repo.keyMethod'];
	if (chosen === 'apt-key' || chosen === 'keyring') return chosen;
	return facts.aptKey === 'present' ? 'apt-key' : 'keyring';
}

export function keyStep(values: Values, facts: Facts): Step {
	const method = keyMethod(values, facts);
	return {
		id: 'key',
		title: 'Repository key',
		summary:
			method === 'apt-key'
				? 'Fetches the Mesosphere signing key, checks its full fingerprint, then adds it with apt-key as the article does.'
				: `Fetches the Mesosphere signing key, checks its full fingerprint, then saves it to ${keyringPath} for this repository only.`,
		actions: [
			{
				kind: 'import-key',
				title: `Import key ${values['repo.key']} from ${values['repo.keyserver']}`,
				method,
				keyserver: values['repo.keyserver'],
				fingerprint: values['repo.key'],
				keyring: keyringPath,
			},
		],
	};
}
