// What a package source needs besides each of its settings being valid on its own. Pure.
import type {Problem, Values} from './answers.js';
import {InputError} from './errors.js';
import {findSetting, type SettingId} from './settings.js';
import {type PackageSource, sourceOf} from './repository-settings.js';

// `name` says a setting as the reader knows it (its id on the command line, its label in the wizard).
export function sourceProblems(values: Values, name: (id: SettingId) => string = id => id): Problem[] {
	const source = sourceOf(values);
	const problems: Problem[] = [];
	if (source === 'folder' && values['repo.folder'] === '') {
		problems.push({settings: ['repo.folder', 'repo.source'], text: `${name('repo.folder')}: a folder source needs the folder of .deb files (an absolute path, such as /srv/mesos-debs); set it, or choose another ${name('repo.source')}.`});
	}
	if (source !== 'apt') return problems;
	if (values['repo.keyUrl'] !== '' && values['repo.keyFile'] !== '') {
		problems.push({settings: ['repo.keyUrl', 'repo.keyFile'], text: `${name('repo.keyUrl')} and ${name('repo.keyFile')} are both set (${values['repo.keyUrl']}, ${values['repo.keyFile']}); the key comes from one place: empty one of them.`});
	}
	if (values['repo.keyUrl'] === '' && values['repo.keyFile'] === '' && values['repo.fingerprint'] === '') {
		problems.push({
			settings: ['repo.fingerprint', 'repo.keyUrl', 'repo.keyFile'],
			text: `${name('repo.fingerprint')}: a key server is asked for a key by its full fingerprint; set ${name('repo.fingerprint')}, or give the key’s https URL (${name('repo.keyUrl')}) or file (${name('repo.keyFile')}).`,
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

// What to type for a setting on the command line, where the command shows its place.
const placeholders: Partial<Record<SettingId, string>> = {'repo.folder': 'DIR', 'repo.url': 'URL', 'repo.fingerprint': 'FINGERPRINT', 'repo.keyUrl': 'URL', 'repo.keyFile': 'FILE'};

// The command that changes the package source to `source` with the settings it still needs (the
// one each of its problems asks to set, where it is empty; an apt source's own root, where
// repo.url is still the article's), as README gives it: `edit repo.source folder --set
// repo.folder=DIR`. The edit screen changes one setting at a time and lists only the settings of
// the source the machine has, so it says this instead of asking them. None when nothing is needed.
export function sourceEditCommand(values: Values, source: PackageSource): string | undefined {
	const next: Values = {...values, 'repo.source': source};
	const needed = sourceProblems(next)
		.map(problem => problem.settings[0])
		.filter((id): id is SettingId => id !== undefined && next[id] === '');
	if (source === 'apt' && next['repo.url'] === findSetting('repo.url').default) needed.unshift('repo.url');
	if (needed.length === 0) return undefined;
	return `mesos-setup edit repo.source ${source} ${[...new Set(needed)].map(id => `--set ${id}=${placeholders[id] ?? 'VALUE'}`).join(' ')}`;
}
