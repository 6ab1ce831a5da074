// What a package source needs besides each of its settings being valid on its own. Pure.
import type {Problem, Values} from './answers.js';
import {InputError} from './errors.js';
import {sourceOf} from './repository-settings.js';

export function sourceProblems(values: Values): Problem[] {
	const source = sourceOf(values);
	const problems: Problem[] = [];
	if (source === 'folder' && values['repo.folder'] === '') {
		problems.push({settings: ['repo.folder', 'repo.source'], text: 'repo.folder: a folder source needs the folder of .deb files (an absolute path, such as /srv/mesos-debs); set it, or choose another repo.source.'});
	}
	if (source !== 'apt') return problems;
	if (values['repo.keyUrl'] !== '' && values['repo.keyFile'] !== '') {
		problems.push({settings: ['repo.keyUrl', 'repo.keyFile'], text: `repo.keyUrl and repo.keyFile are both set (${values['repo.keyUrl']}, ${values['repo.keyFile']}); the key comes from one place: empty one of them.`});
	}
	if (values['repo.keyUrl'] === '' && values['repo.keyFile'] === '' && values['repo.fingerprint'] === '') {
		problems.push({
			settings: ['repo.fingerprint', 'repo.keyUrl', 'repo.keyFile'],
			text: 'repo.fingerprint: a key server is asked for a key by its full fingerprint; set repo.fingerprint, or give the key’s https URL (repo.keyUrl) or file (repo.keyFile).',
		});
	}
	return problems;
}

// Without a person to confirm it, a key is trusted only when pinned: `setup --yes` refuses an apt
// source whose key has no fingerprint, before anything changes.
export function refuseUnpinnedKey(values: Values): void {
	if (sourceOf(values) !== 'apt' || values['repo.fingerprint'] !== '') return;
	throw new InputError([
		'repo.fingerprint is not set: without a terminal nobody can confirm the apt source’s key, so an unpinned key is refused and nothing was changed.',
		'Set repo.fingerprint to the key’s full fingerprint as its publisher gives it (mesos-setup plan shows where the key comes from; the wizard shows the fetched key’s fingerprint and user ids).',
	]);
}
