// The repository key: fetched into a throwaway GNUPGHOME, checked by its full fingerprint, then
// trusted the way repo.keyMethod says (the article's repository) or for that source only (an apt
// source). A folder of .deb files is the person's own: it needs no key.
import type {Values} from '../answers.js';
import type {Facts} from '../facts.js';
import {keyringPath, sourceKeyringPath} from '../files.js';
import {sourceOf} from '../repository-settings.js';
import type {KeyFrom, Step} from './types.js';

export function keyMethod(values: Values, facts: Facts): 'apt-key' | 'keyring' {
	if (sourceOf(values) !== 'article') return 'keyring';
	const chosen = values['repo.keyMethod'];
	if (chosen === 'apt-key' || chosen === 'keyring') return chosen;
	return facts.aptKey === 'present' ? 'apt-key' : 'keyring';
}

// Where an apt source's key comes from: its URL, its file, or else the key server.
export function keyFrom(values: Values): KeyFrom {
	if (sourceOf(values) === 'apt') {
		if (values['repo.keyUrl']) return {kind: 'url', url: values['repo.keyUrl']};
		if (values['repo.keyFile']) return {kind: 'file', path: values['repo.keyFile']};
	}
	return {kind: 'keyserver', keyserver: values['repo.keyserver']};
}

export const keyFromText = (from: KeyFrom): string => (from.kind === 'keyserver' ? from.keyserver : from.kind === 'url' ? from.url : `the file ${from.path}`);

// The fingerprint the key must have; empty for an apt source's key not pinned yet.
export const pinnedFingerprint = (values: Values): string => (sourceOf(values) === 'article' ? values['repo.key'] : values['repo.fingerprint']);

export function keyStep(values: Values, facts: Facts): Step {
	const source = sourceOf(values);
	if (source === 'folder') {
		return {id: 'key', title: 'Repository key', summary: 'A folder of your own .deb files is indexed on this machine and needs no signing key.', actions: []};
	}
	const method = keyMethod(values, facts);
	const from = keyFrom(values);
	const fingerprint = pinnedFingerprint(values);
	const keyring = source === 'apt' ? sourceKeyringPath : keyringPath;
	const whose = source === 'apt' ? 'the apt source’s signing key' : 'the Mesosphere signing key';
	const check = fingerprint ? 'checks its full fingerprint' : 'shows its fingerprint and user ids (nothing is trusted until repo.fingerprint pins it)';
	return {
		id: 'key',
		title: 'Repository key',
		summary:
			method === 'apt-key'
				? `Fetches ${whose}, ${check}, then adds it with apt-key as the article does.`
				: `Fetches ${whose}, ${check}, then saves it to ${keyring} for this repository only.`,
		actions: [
			{
				kind: 'import-key',
				title: fingerprint ? `Import key ${fingerprint} from ${keyFromText(from)}` : `Fetch the key from ${keyFromText(from)}`,
				method,
				from,
				fingerprint,
				keyring,
			},
		],
	};
}

// The commands that bring the key into the throwaway GNUPGHOME, as a person would type them
// (system/import-key.ts runs the same; a URL's bytes and a file's go to gpg on its input).
export function keyFetchArgv(action: {from: KeyFrom; fingerprint: string}): string[][] {
	const {from} = action;
	if (from.kind === 'keyserver') return [['gpg', '--batch', '--keyserver', from.keyserver, '--recv-keys', action.fingerprint]];
	if (from.kind === 'url') return [['curl', '-fsSL', '--proto', '=https', '--max-time', '60', '--', from.url], ['gpg', '--batch', '--import']];
	return [['gpg', '--batch', '--import', from.path]];
}
