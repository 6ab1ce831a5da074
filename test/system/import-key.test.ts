// The key import through real gpg against a real HKP key server on 127.0.0.1.
import {readFile} from 'node:fs/promises';
import type {AddressInfo} from 'node:net';
import type {Server} from 'node:http';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {StepError} from '../../source/model/errors.js';
import type {KeyFrom} from '../../source/model/plan/types.js';
import {importKey} from '../../source/system/import-key.js';
import {Journal} from '../../source/system/journal.js';
import {createCommandRunner, findOnPath} from '../../source/system/runner.js';
import {createTargetFs} from '../../source/system/target-fs.js';
import {createHkpKeyserver} from '../lab/hkp-keyserver.js';
import {createSigningKey, type SigningKey} from '../lab/signing-key.js';
import {tempRoot} from '../helpers/temp-root.js';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const gpgMissing = !(await findOnPath('gpg'));
if (gpgMissing && process.env.CI === 'true') throw new Error('gpg is not installed: .ci/run installs gnupg (test/lab/install-prerequisites.sh)');
if (gpgMissing) console.log('skipping the key import tests: gpg is not installed (apt-get install gnupg dirmngr)');

describe.runIf(!gpgMissing)('importKey with real gpg', () => {
	let work: string;
	let good: SigningKey;
	let other: SigningKey;
	let server: Server;
	let keyserver: string;

	beforeAll(async () => {
		work = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-keys-'));
		good = await createSigningKey(path.join(work, 'good'));
		other = await createSigningKey(path.join(work, 'other'));
		// The good key under its own fingerprint; the other key served when the good one is asked for
		// by a fingerprint ending in 0000… is not possible, so the impostor answers for a made-up one.
		server = createHkpKeyserver(
			[
				{fingerprint: good.fingerprint, armored: await readFile(good.armoredPublicKeyPath, 'utf8')},
				{fingerprint: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', armored: await readFile(other.armoredPublicKeyPath, 'utf8')},
			],
			() => undefined,
		);
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		keyserver = `hkp://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise(resolve => server.close(resolve));
		await rm(work, {recursive: true, force: true});
	});

	const action = (fingerprint: string, from: KeyFrom = {kind: 'keyserver', keyserver}) => ({
		kind: 'import-key' as const,
		title: 'import',
		method: 'keyring' as const,
		from,
		fingerprint,
		keyring: '/usr/share/keyrings/mesosphere-archive-keyring.gpg',
	});

	it('fetches the key, checks its fingerprint and saves it as a binary keyring for signed-by', async () => {
		const root = await tempRoot();
		const lines: string[] = [];
		const result = await importKey(action(good.fingerprint), createCommandRunner(), new Journal(createTargetFs(root), 'r1'), line => lines.push(line));
		expect(result.result).toBe('created');
		const saved = await readFile(path.join(root, 'usr/share/keyrings/mesosphere-archive-keyring.gpg'));
		expect(saved.equals(await readFile(good.binaryPublicKeyPath))).toBe(true);
		expect(lines.join('\n')).toContain('imported');
	});

	it('refuses a key whose fingerprint differs, and trusts nothing', async () => {
		const root = await tempRoot();
		const attempt = importKey(action('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), createCommandRunner(), new Journal(createTargetFs(root), 'r2'), () => undefined);
		await expect(attempt).rejects.toBeInstanceOf(StepError);
		await expect(attempt).rejects.toThrow(/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/);
		await expect(readFile(path.join(root, 'usr/share/keyrings/mesosphere-archive-keyring.gpg'))).rejects.toThrow(/ENOENT/);
	});

	it('says which key server failed when the key is not there', async () => {
		const root = await tempRoot();
		const attempt = importKey(action('BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB'), createCommandRunner(), new Journal(createTargetFs(root), 'r3'), () => undefined);
		await expect(attempt).rejects.toThrow(`could not fetch key BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB from ${keyserver}`);
	});

	it('takes a key from a file (armored or binary), checks it against the pinned fingerprint and saves it', async () => {
		for (const [index, file] of [good.armoredPublicKeyPath, good.binaryPublicKeyPath].entries()) {
			const root = await tempRoot();
			const result = await importKey(action(good.fingerprint, {kind: 'file', path: file}), createCommandRunner(), new Journal(createTargetFs(root), `f${index}`), () => undefined);
			expect(result.result).toBe('created');
			const saved = await readFile(path.join(root, 'usr/share/keyrings/mesosphere-archive-keyring.gpg'));
			expect(saved.equals(await readFile(good.binaryPublicKeyPath))).toBe(true);
		}
	});

	it('refuses a key file holding another key than the pinned one', async () => {
		const root = await tempRoot();
		const attempt = importKey(action(good.fingerprint, {kind: 'file', path: other.armoredPublicKeyPath}), createCommandRunner(), new Journal(createTargetFs(root), 'f3'), () => undefined);
		await expect(attempt).rejects.toThrow(`the file ${other.armoredPublicKeyPath} sent key ${other.fingerprint}, not ${good.fingerprint}: nothing was trusted`);
		await expect(readFile(path.join(root, 'usr/share/keyrings/mesosphere-archive-keyring.gpg'))).rejects.toThrow(/ENOENT/);
	});

	it('shows an unpinned key’s fingerprint and user ids, and trusts nothing', async () => {
		const root = await tempRoot();
		const attempt = importKey(action('', {kind: 'file', path: good.armoredPublicKeyPath}), createCommandRunner(), new Journal(createTargetFs(root), 'f4'), () => undefined);
		await expect(attempt).rejects.toBeInstanceOf(StepError);
		const error = (await attempt.catch((caught: unknown) => caught)) as StepError;
		expect(error.message).toMatch(new RegExp(`^the key from the file \\S+ is ${good.fingerprint} \\(.+<.+@.+>\\); it is not pinned, so nothing was trusted$`));
		expect(error.detail.join(' ')).toContain(`set repo.fingerprint to ${good.fingerprint}`);
		await expect(readFile(path.join(root, 'usr/share/keyrings/mesosphere-archive-keyring.gpg'))).rejects.toThrow(/ENOENT/);
	});

	it('names a key file that is not there', async () => {
		const root = await tempRoot();
		const attempt = importKey(action(good.fingerprint, {kind: 'file', path: path.join(work, 'missing.asc')}), createCommandRunner(), new Journal(createTargetFs(root), 'f5'), () => undefined);
		await expect(attempt).rejects.toThrow(`could not read the key file ${path.join(work, 'missing.asc')}`);
	});
});
