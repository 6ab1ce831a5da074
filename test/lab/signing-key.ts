import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';

/** A throwaway OpenPGP key in its own GNUPGHOME; it signs the lab's apt repository. */
export type SigningKey = {
	gnupgHome: string;
	/** Full 40-hex-digit fingerprint, upper case. */
	fingerprint: string;
	armoredPublicKeyPath: string;
	binaryPublicKeyPath: string;
};

/** What to call a key: the lab makes one per repository that signs with its own key. */
export type KeyOptions = {name: string; userId: string; algorithm: string};

const articleKey: KeyOptions = {name: 'lab-key', userId: 'mesos-setup lab <lab@127.0.0.1>', algorithm: 'rsa2048'};

export async function createSigningKey(workDir: string, options: KeyOptions = articleKey): Promise<SigningKey> {
	const gnupgHome = path.join(workDir, options.name === articleKey.name ? 'gnupg' : `gnupg-${options.name}`);
	await mkdir(gnupgHome, {recursive: true, mode: 0o700});
	const gpg = gpgIn(gnupgHome);
	try {
		await gpg(['--pinentry-mode', 'loopback', '--passphrase', '', '--quick-generate-key',
			options.userId, options.algorithm, 'sign', 'never']);
		const listing = await gpg(['--with-colons', '--list-keys']);
		const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(listing)?.[1];
		if (!fingerprint) throw new Error(`gpg made a key but listed no fingerprint:\n${listing}`);
		const armoredPublicKeyPath = path.join(workDir, `${options.name}.asc`);
		const binaryPublicKeyPath = path.join(workDir, `${options.name}.gpg`);
		await writeFile(armoredPublicKeyPath, await gpg(['--armor', '--export', fingerprint]));
		await gpg(['--output', binaryPublicKeyPath, '--export', fingerprint]);
		return {gnupgHome, fingerprint, armoredPublicKeyPath, binaryPublicKeyPath};
	} finally {
		await stopGpgAgents(gnupgHome);
	}
}

/** gpg leaves a gpg-agent and a dirmngr per GNUPGHOME; they must not outlive the lab. */
export async function stopGpgAgents(gnupgHome: string): Promise<void> {
	await execa('gpgconf', ['--kill', 'all'], {env: {GNUPGHOME: gnupgHome}, reject: false});
}

/** Runs gpg in batch mode against one GNUPGHOME and returns its stdout. */
export function gpgIn(gnupgHome: string) {
	return async (args: string[]): Promise<string> => {
		const {stdout} = await execa('gpg', ['--batch', '--quiet', '--yes', ...args], {
			env: {GNUPGHOME: gnupgHome},
			timeout: 60_000,
		});
		return stdout;
	};
}
