// The installer's own settings: where the packages come from and how their key is trusted. No
// /etc file holds them; they are kept in the saved answers, and a change re-trusts the key and
// rewrites the apt source.
import {savedOnly, type SettingEntry} from './setting-entry.js';
import * as v from './validate.js';

export const defaultFingerprint = '81026D0004C44CF7EF55ADF8DF7D54CBE56151BF';

export const packageSources = ['article', 'apt', 'folder'] as const;
export type PackageSource = (typeof packageSources)[number];

// The source the values name; the validator lets no other value into the values.
export const sourceOf = (values: {readonly 'repo.source': string}): PackageSource => packageSources.find(source => source === values['repo.source']) ?? 'article';

export const repositorySettings = [
	{
		id: 'repo.source',
		label: 'Package source',
		help: 'article: the article’s repository and key (repo.url, repo.keyserver, repo.key). apt: any apt repository, such as a mirror or a maintained build (repo.url, repo.suite, repo.component, its key pinned by repo.fingerprint). folder: a folder of .deb files, such as packages built with mesos-packaging (repo.folder).',
		default: 'article',
		choices: packageSources,
		validate: v.oneOf(packageSources),
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.url',
		label: 'Repository URL',
		help: 'Where apt downloads the packages. For the article’s repository the distribution and codename are added to it (change it to a mirror if the original host no longer serves); for an apt source it is the repository’s root, above dists/.',
		default: 'http://repos.mesosphere.io',
		validate: v.httpUrl,
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.keyserver',
		label: 'Key server',
		help: 'The OpenPGP key server the repository signing key is fetched from, as in the article; for an apt source, where its key comes from unless repo.keyUrl or repo.keyFile is given.',
		default: 'keyserver.ubuntu.com',
		validate: v.keyserver,
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.key',
		label: 'Signing key fingerprint',
		help: 'The full fingerprint of the repository signing key. The imported key is checked against it and refused if it differs.',
		default: defaultFingerprint,
		validate: v.fingerprint,
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.keyMethod',
		label: 'How the key is trusted',
		help: 'apt-key adds the key to apt’s global keyring, as the article does; keyring keeps it in /usr/share/keyrings and trusts it for this repository only (signed-by). auto picks keyring where apt-key is missing or deprecated.',
		default: 'auto',
		choices: ['auto', 'apt-key', 'keyring'],
		validate: v.oneOf(['auto', 'apt-key', 'keyring']),
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.suite',
		label: 'Suite',
		help: 'The apt source’s suite (dists/<suite>): a codename such as bookworm, or stable. Empty: this machine’s codename.',
		default: '',
		validate: v.emptyOr(v.aptWord('bookworm or stable'), 'this machine’s codename'),
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.component',
		label: 'Component',
		help: 'The apt source’s component, the part of the suite that holds the packages: main in most repositories.',
		default: 'main',
		validate: v.aptWord('main'),
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.fingerprint',
		label: 'Key fingerprint (apt source)',
		help: 'The full fingerprint of the apt source’s signing key. The fetched key is checked against it and refused if it differs. Empty: the fetched key’s fingerprint and user ids are shown and nothing is trusted until you set it here (setup --yes refuses a key that is not pinned).',
		default: '',
		validate: v.emptyOr(v.fingerprint, 'not pinned yet: the fetched key is shown first'),
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.keyUrl',
		label: 'Key URL (apt source)',
		help: 'An https:// URL of the apt source’s signing key (armored or binary). Empty: from repo.keyFile, or else from the key server.',
		default: '',
		validate: v.emptyOr(v.httpsUrl, 'the key comes from repo.keyFile or the key server'),
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.keyFile',
		label: 'Key file (apt source)',
		help: 'A file on this machine holding the apt source’s signing key (armored or binary). Empty: from repo.keyUrl, or else from the key server.',
		default: '',
		validate: v.emptyOr(v.absolutePath, 'the key comes from repo.keyUrl or the key server'),
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.folder',
		label: 'Folder of .deb files',
		help: 'A folder of .deb files, such as those mesos-packaging builds. mesos-setup makes a local apt repository of a copy of them, so apt takes their dependencies from this machine’s own sources; it must hold a mesos package.',
		default: '',
		validate: v.emptyOr(v.absolutePath, 'only for repo.source folder'),
		restarts: [],
		location: savedOnly,
	},
] as const satisfies readonly SettingEntry[];

export type RepositorySettingId = (typeof repositorySettings)[number]['id'];

// What each source reads: its key's settings, then where its packages are. The wizard asks only
// these after repo.source, and edit changes only these (another source's settings are read by
// no step of this machine's plan).
export const sourceKeySettings: Record<PackageSource, RepositorySettingId[]> = {
	article: ['repo.keyserver', 'repo.key', 'repo.keyMethod'],
	apt: ['repo.keyUrl', 'repo.keyFile', 'repo.keyserver', 'repo.fingerprint'],
	folder: [],
};
export const sourcePlaceSettings: Record<PackageSource, RepositorySettingId[]> = {
	article: ['repo.url'],
	apt: ['repo.url', 'repo.suite', 'repo.component'],
	folder: ['repo.folder'],
};
export const sourceSettings = (source: PackageSource): RepositorySettingId[] => [...sourceKeySettings[source], ...sourcePlaceSettings[source]];
