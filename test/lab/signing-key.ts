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

export async function createSigningKey(workDir: string): Promise<SigningKey> {
	const gnupgHome = path.join(workDir, 'gnupg');
	await mkdir(gnupgHome, {recursive: true, mode: 0o700});
	const gpg = gpgIn(gnupgHome);
	try {
		await gpg(['--pinentry-mode', 'loopback', '--passphrase', '', '--quick-generate-key',
			'mesos-setup lab <lab@127.0.0.1>', 'rsa2048', 'sign', 'never']);
		const listing = await gpg(['--with-colons', '--list-keys']);
		const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(listing)?.[1];
		if (!fingerprint) throw new Error(`gpg made a key but listed no fingerprint:\n${listing}`);
		const armoredPublicKeyPath = path.join(workDir, 'lab-key.asc');
		const binaryPublicKeyPath = path.join(workDir, 'lab-key.gpg');
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
