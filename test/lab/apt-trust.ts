import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {execa} from 'execa';

export const sourceList = '/etc/apt/sources.list.d/mesosphere.list';
export const keyring = '/usr/share/keyrings/mesosphere-archive-keyring.gpg';
/** Where `apt-key add` puts a key. */
export const aptKeyring = '/etc/apt/trusted.gpg';

export const sha256 = (file: string): string => existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';

/** The full fingerprints of the keys in a keyring file ([] when it does not exist). */
export async function fingerprintsIn(file: string): Promise<string[]> {
	if (!existsSync(file)) return [];
	// A throwaway GNUPGHOME: reading a keyring must not create or touch root's ~/.gnupg.
	const home = await mkdtemp(path.join(tmpdir(), 'lab-gpg-read-'));
	try {
		const {stdout} = await execa('gpg', ['--batch', '--with-colons', '--show-keys', file], {env: {GNUPGHOME: home}});
		return stdout.split('\n').filter(line => line.startsWith('fpr:')).map(line => line.split(':')[9] ?? '');
	} finally {
		await rm(home, {recursive: true, force: true});
	}
}

/** The fingerprints `apt-key list` shows: trusted.gpg and every keyring in trusted.gpg.d. */
export async function aptKeyList(): Promise<string> {
	const {stdout} = await execa('apt-key', ['list'], {reject: false, env: {APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE: '1'}});
	return stdout.replaceAll(' ', '');
}
