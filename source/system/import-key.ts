// Imports the repository signing key into a throwaway GNUPGHOME, checks its full fingerprint, and
// only then trusts it (apt-key add, or a keyring for signed-by). A wrong key is never trusted.
import {StepError} from '../model/errors.js';
import type {Action} from '../model/plan.js';
import type {Journal, WriteResult} from './journal.js';
import type {OutputStream} from '../model/apply-events.js';
import type {CommandRunner} from './runner.js';

type ImportKey = Extract<Action, {kind: 'import-key'}>;

// Where apt-key add keeps keys.
const aptKeyring = '/etc/apt/trusted.gpg';

export function fingerprintsIn(colons: string): string[] {
	return colons
		.split('\n')
		.filter(line => line.startsWith('fpr:'))
		.map(line => line.split(':')[9] ?? '')
		.filter(Boolean);
}

export async function importKey(
	action: ImportKey,
	runner: CommandRunner,
	journal: Journal,
	onLine: (line: string, stream: OutputStream) => void,
	signal?: AbortSignal,
): Promise<{result: WriteResult | 'added'; message: string}> {
	// Made and removed by the runner, so on a node it is the node's own temp folder.
	const made = await runner.run(['mktemp', '-d', '-t', 'mesos-setup-gnupg-XXXXXXXX'], {timeoutMs: 10_000});
	const home = made.stdout.trim();
	if (!made.ok || !home) throw new StepError(`could not make a temporary folder for gpg: ${made.failure ?? 'mktemp printed no folder'}`);
	const env = {GNUPGHOME: home};
	// A stop ends the fetch and the checks; the trust itself (apt-key add, the keyring write) is
	// short and always finishes, so the journal records what it changed.
	const stoppable = signal ? {signal} : {};
	const gpg = (args: string[], timeoutMs = 60_000) => runner.run(['gpg', '--batch', ...args], {timeoutMs, env, onLine, ...stoppable});
	try {
		const fetched = await gpg(['--keyserver', action.keyserver, '--recv-keys', action.fingerprint], 120_000);
		// gpg itself refuses a key that is not the one asked for by fingerprint, before the check below.
		if (!fetched.ok && /rejected by import screener/.test(fetched.stderr)) {
			throw new StepError(`the key server ${action.keyserver} sent a key that is not ${action.fingerprint}; gpg refused it: nothing was trusted`, [
				'Check repo.key (the full fingerprint) and repo.keyserver.',
			]);
		}
		if (!fetched.ok) {
			throw new StepError(`could not fetch key ${action.fingerprint} from ${action.keyserver}: ${fetched.failure}`, [
				'Check the network and the key server setting (repo.keyserver), then retry.',
			]);
		}
		const listed = await gpg(['--with-colons', '--fingerprint']);
		const found = fingerprintsIn(listed.stdout);
		if (found.length !== 1 || found[0] !== action.fingerprint) {
			throw new StepError(
				`the key server sent ${found.length === 0 ? 'no key' : `key ${found.join(', ')}`}, not ${action.fingerprint}: nothing was trusted`,
				['Check repo.key (the full fingerprint) and repo.keyserver.'],
			);
		}
		const exported = await runner.runForBytes(['gpg', '--batch', '--export', action.fingerprint], {timeoutMs: 30_000, env, ...stoppable});
		if (signal?.aborted) throw new StepError('stopped before the key was trusted: nothing was trusted');
		if (!exported.ok || exported.bytes.length === 0) throw new StepError(`could not export key ${action.fingerprint}: ${exported.failure ?? 'no data'}`);
		if (action.method === 'keyring') {
			const result = await journal.write(action.keyring, exported.bytes, {newFileMode: 0o644});
			return {result, message: `key ${action.fingerprint} checked and saved to ${action.keyring}`};
		}
		// Already trusted: a second run changes nothing (apt-key add would rewrite trusted.gpg).
		const trusted = await runner.run(['apt-key', 'export', action.fingerprint], {timeoutMs: 30_000, ...stoppable});
		if (signal?.aborted) throw new StepError('stopped before the key was trusted: nothing was trusted');
		if (trusted.ok && trusted.stdout.includes('BEGIN PGP PUBLIC KEY BLOCK')) {
			return {result: 'unchanged', message: `key ${action.fingerprint} is already trusted by apt-key`};
		}
		let failure: string | undefined;
		await journal.track(aptKeyring, async () => {
			const added = await runner.run(['apt-key', 'add', '-'], {timeoutMs: 30_000, input: exported.bytes, onLine});
			if (!added.ok) failure = added.failure;
		});
		if (failure) throw new StepError(`apt-key could not add the key: ${failure}`);
		return {result: 'added', message: `key ${action.fingerprint} checked and added with apt-key (${aptKeyring} is backed up for undo)`};
	} finally {
		// gpg leaves a dirmngr and a gpg-agent running for every GNUPGHOME.
		await runner.run(['gpgconf', '--kill', 'all'], {timeoutMs: 10_000, env});
		await runner.run(['rm', '-rf', '--', home], {timeoutMs: 10_000});
	}
}
