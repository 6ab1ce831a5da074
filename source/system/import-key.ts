// Imports the repository signing key into a throwaway GNUPGHOME, checks its full fingerprint, and
// only then trusts it (apt-key add, or a keyring for signed-by). A wrong key is never trusted.
import {StepError} from '../model/errors.js';
import type {Action} from '../model/plan.js';
import type {Journal, WriteResult} from './journal.js';
import type {OutputStream} from '../model/apply-events.js';
import {keyFromText} from '../model/plan/key.js';
import type {CommandRunner, RunResult} from './runner.js';

type ImportKey = Extract<Action, {kind: 'import-key'}>;

// Where apt-key add keeps keys.
const aptKeyring = '/etc/apt/trusted.gpg';

// The user ids of the keys in gpg's --with-colons listing (field 10 of uid lines).
export function userIdsIn(colons: string): string[] {
	return colons
		.split('\n')
		.filter(line => line.startsWith('uid:'))
		.map(line => (line.split(':')[9] ?? '').replaceAll('\\x3a', ':'))
		.filter(Boolean);
}

type Gpg = (args: string[], timeoutMs?: number, input?: Buffer) => Promise<RunResult>;

// Brings the key into the throwaway GNUPGHOME: from the key server by its fingerprint, or the bytes
// of an https URL (curl, on the machine that trusts it) or of a file, imported as they are.
async function fetchKey(action: ImportKey, gpg: Gpg, runner: CommandRunner, stoppable: {signal?: AbortSignal}): Promise<void> {
	const {from} = action;
	if (from.kind === 'keyserver') {
		const fetched = await gpg(['--keyserver', from.keyserver, '--recv-keys', action.fingerprint], 120_000);
		// gpg itself refuses a key that is not the one asked for by fingerprint, before the check below.
		if (!fetched.ok && /rejected by import screener/.test(fetched.stderr)) {
			throw new StepError(`the key server ${from.keyserver} sent a key that is not ${action.fingerprint}; gpg refused it: nothing was trusted`, [
				'Check the full fingerprint (repo.key, or repo.fingerprint for an apt source) and repo.keyserver.',
			]);
		}
		if (!fetched.ok) {
			throw new StepError(`could not fetch key ${action.fingerprint} from ${from.keyserver}: ${fetched.failure}`, [
				'Check the network and the key server setting (repo.keyserver), then retry.',
			]);
		}
		return;
	}
	const argv = from.kind === 'url' ? ['curl', '-fsSL', '--proto', '=https', '--max-time', '60', '--', from.url] : ['cat', '--', from.path];
	const bytes = await runner.runForBytes(argv, {timeoutMs: 90_000, ...stoppable});
	if (!bytes.ok || bytes.bytes.length === 0) {
		const what = from.kind === 'url' ? `download the key from ${from.url}` : `read the key file ${from.path}`;
		const fix = from.kind === 'url' ? 'Check the network and repo.keyUrl (curl must be installed), then retry.' : 'Check repo.keyFile: a file on this machine holding the key.';
		throw new StepError(`could not ${what}: ${bytes.failure ?? 'it is empty'}`, [fix]);
	}
	const imported = await gpg(['--import'], 30_000, bytes.bytes);
	if (!imported.ok) throw new StepError(`${keyFromText(from)} holds no OpenPGP key gpg can import: ${imported.failure}`, ['Give an armored (.asc) or binary (.gpg) public key.']);
}

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
	const gpg = (args: string[], timeoutMs = 60_000, input?: Buffer) => runner.run(['gpg', '--batch', ...args], {timeoutMs, env, onLine, ...stoppable, ...(input ? {input} : {})});
	try {
		const where = keyFromText(action.from);
		await fetchKey(action, gpg, runner, stoppable);
		const listed = await gpg(['--with-colons', '--fingerprint']);
		const found = fingerprintsIn(listed.stdout);
		if (found.length !== 1) {
			throw new StepError(`${where} gave ${found.length === 0 ? 'no key' : `${found.length} keys (${found.join(', ')})`}, not one signing key: nothing was trusted`, [
				'Give the repository’s own signing key alone (repo.keyUrl, repo.keyFile or repo.keyserver).',
			]);
		}
		const [key = ''] = found;
		if (action.fingerprint === '') {
			// Not pinned: show what came, trust nothing. The person compares it with what the
			// repository's publisher says, then pins it.
			throw new StepError(`the key from ${where} is ${key} (${userIdsIn(listed.stdout).join('; ') || 'no user id'}); it is not pinned, so nothing was trusted`, [
				`If the repository’s publisher gives this fingerprint, set repo.fingerprint to ${key} and retry; otherwise check repo.keyUrl, repo.keyFile or repo.keyserver.`,
			]);
		}
		if (key !== action.fingerprint) {
			throw new StepError(`${where} sent key ${key}, not ${action.fingerprint}: nothing was trusted`, ['Check the full fingerprint (repo.key, or repo.fingerprint for an apt source) and where the key comes from.']);
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
