// The installer's own settings: where the packages come from and how their key is trusted. No
// /etc file holds them; they are kept in the saved answers, and a change re-trusts the key and
// rewrites the apt source.
import {savedOnly, type SettingEntry} from './setting-entry.js';
import * as v from './validate.js';

export const defaultFingerprint = '81026D0004C44CF7EF55ADF8DF7D54CBE56151BF';

export const repositorySettings = [
	{
		id: 'repo.url',
		label: 'Repository URL',
		help: 'Where apt downloads the mesosphere packages; the distribution and codename are added to it. Change it to a mirror if the original host no longer serves.',
		default: 'http://repos.mesosphere.io',
		validate: v.httpUrl,
		restarts: [],
		location: savedOnly,
	},
	{
		id: 'repo.keyserver',
		label: 'Key server',
		help: 'The OpenPGP key server the repository signing key is fetched from, as in the article.',
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
] as const satisfies readonly SettingEntry[];
