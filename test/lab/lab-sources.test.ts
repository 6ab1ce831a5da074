// Proves the lab's package sources by hand, with real apt and gpg and without mesos-setup: an apt
// repository of its own (key from the key server, over https, or from a file; trusted for that
// repository only), the same over https, folders of .deb files, and a repository that lacks this
// machine's codename.
import {readdirSync} from 'node:fs';
import {copyFile, mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {aptUpdateFrom, installedVersions, run, showKey, withGnupgHome} from './by-hand.js';
import {startLab, type Lab} from './lab.js';
import {describeLab} from './require-lab.js';

const minute = 60_000;

/** A flat local repository of a folder's .deb files, as a person makes one with dpkg-scanpackages. */
async function scanFolder(folder: string, into: string): Promise<string> {
	await mkdir(into, {recursive: true});
	for (const name of readdirSync(folder)) await copyFile(path.join(folder, name), path.join(into, name));
	const {stdout} = await execa('dpkg-scanpackages', ['--multiversion', '.'], {cwd: into});
	await execa('bash', ['-c', 'cat > Packages', 'bash'], {cwd: into, input: stdout});
	return stdout;
}

const packagesIn = (index: string) => [...index.matchAll(/^Package: (\S+)$/gm)].map(match => match[1]).sort();

describeLab('the lab\'s package sources, by hand', () => {
	let lab: Lab;
	let keyring: string;
	let articleKeyring: string;

	beforeAll(async () => {
		lab = await startLab();
		keyring = path.join(lab.workDir, 'apt-source-keyring.gpg');
		articleKeyring = lab.binaryKeyPath;
	}, 15 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	it('serves the apt repository\'s own key from the key server: gpg receives it and its fingerprint is the pinned one', async () => {
		const {apt} = lab.sources;
		expect(apt.fingerprint).not.toBe(lab.fingerprint);
		await withGnupgHome(async home => {
			const received = await execa('gpg', ['--batch', '--keyserver', apt.keyserver, '--recv-keys', apt.fingerprint], {env: {GNUPGHOME: home}});
			expect(received.stderr).toContain('imported: 1');
			await execa('gpg', ['--batch', '--yes', '--output', keyring, '--export', apt.fingerprint], {env: {GNUPGHOME: home}});
		});
		expect(await showKey(keyring)).toEqual({fingerprints: [apt.fingerprint], userIds: ['mesos-setup lab apt archive <apt@127.0.0.1>']});
	});

	it('answers apt-get update and install from the apt repository (URL, suite, component), trusted by that key alone', async () => {
		const {apt} = lab.sources;
		const updated = await aptUpdateFrom(`deb [signed-by=${keyring}] ${apt.url} ${apt.suite} ${apt.component}`);
		expect(updated.exitCode, updated.all).toBe(0);
		expect(updated.all).not.toMatch(/^[WE]:/m);
		const policy = await run('apt-cache', ['policy', 'mesosphere']);
		expect(policy.stdout).toContain(`${apt.url} ${apt.suite}/${apt.component}`);
		const installed = await run('apt-get', ['install', '-y', 'mesosphere'], {timeout: 10 * minute});
		expect(installed.exitCode, installed.all).toBe(0);
		expect(await installedVersions(['mesosphere', 'mesos'])).toEqual({mesosphere: '0.1.0-lab1', mesos: '1.4.3-lab1'});
		await lab.restoreMachine();
	}, 10 * minute);

	it('keeps each key to its repository: the apt key does not sign the article\'s, nor the article key the apt one\'s', async () => {
		const {distro, codename} = lab.distribution;
		const crossed = [
			`deb [signed-by=${keyring}] ${lab.repoUrl}/${distro} ${codename} main`,
			`deb [signed-by=${articleKeyring}] ${lab.sources.apt.url} ${lab.sources.apt.suite} main`,
		];
		for (const line of crossed) {
			const refused = await aptUpdateFrom(line);
			expect(refused.exitCode, line).not.toBe(0);
			expect(refused.all).toMatch(/NO_PUBKEY|not signed/);
		}
		await lab.restoreMachine();
	}, 3 * minute);

	it('takes the same key from a local file, armored or binary', async () => {
		const {apt} = lab.sources;
		expect((await showKey(apt.keyFile)).fingerprints).toEqual([apt.fingerprint]);
		expect((await showKey(apt.binaryKeyFile)).fingerprints).toEqual([apt.fingerprint]);
		const updated = await aptUpdateFrom(`deb [signed-by=${apt.binaryKeyFile}] ${apt.url} ${apt.suite} ${apt.component}`);
		expect(updated.exitCode, updated.all).toBe(0);
		await lab.restoreMachine();
	}, 3 * minute);

	it('serves the key over https with the lab CA: trusted through curl --cacert and NODE_EXTRA_CA_CERTS, refused without', async () => {
		const {apt} = lab.sources;
		const untrusted = await run('curl', ['--fail', '--silent', '--show-error', apt.keyUrl]);
		expect(untrusted.exitCode).toBe(60);
		const curl = await run('curl', ['--fail', '--silent', '--show-error', '--cacert', apt.caFile, apt.keyUrl]);
		expect(curl.exitCode, curl.all).toBe(0);
		expect(curl.stdout).toBe((await readFile(apt.keyFile, 'utf8')).trimEnd());

		const nodeFetch = (env: Record<string, string>) => execa(process.execPath, ['-e',
			'fetch(process.argv[1]).then(r => r.text()).then(t => process.stdout.write(t), e => { console.error(e.cause?.code ?? e.message); process.exit(1); })',
			apt.keyUrl], {reject: false, env, extendEnv: false});
		const refused = await nodeFetch({});
		expect(refused.exitCode).toBe(1);
		expect(refused.stderr).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|unable to verify|UNABLE_TO_GET_ISSUER_CERT/);
		const trusted = await nodeFetch({NODE_EXTRA_CA_CERTS: apt.caFile});
		expect(trusted.exitCode, trusted.stderr).toBe(0);
		expect(trusted.stdout).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');
	});

	it('answers apt over https when apt is given the CA (Acquire::https::CaInfo), and refuses the certificate otherwise', async () => {
		const {apt} = lab.sources;
		const line = `deb [signed-by=${apt.binaryKeyFile}] ${apt.httpsUrl} ${apt.suite} ${apt.component}`;
		// A source that fails to download is only a warning to apt-get update (exit 0) unless --error-on=any.
		const once = ['-o', 'Acquire::Retries=0'];
		const warned = await aptUpdateFrom(line, once);
		expect(warned.all).toMatch(/^W: Failed to fetch https:.*Certificate verification failed/m);
		const refused = await aptUpdateFrom(line, [...once, '--error-on=any']);
		expect(refused.exitCode).toBe(100);
		const updated = await aptUpdateFrom(line, ['-o', `Acquire::https::CaInfo=${apt.caFile}`]);
		expect(updated.exitCode, updated.all).toBe(0);
		expect(updated.all).not.toMatch(/^[WE]:/m);
		await lab.restoreMachine();
	}, 3 * minute);

	it('gives a folder of .deb files that a local repository (dpkg-scanpackages, file:) installs from, dependencies from the machine\'s sources', async () => {
		const {folder} = lab.sources;
		expect(readdirSync(folder.path).sort()).toEqual(lab.packages.debs.map(deb => path.basename(deb.file)).sort());
		const local = path.join(lab.workDir, 'local-repository');
		const index = await scanFolder(folder.path, local);
		expect(packagesIn(index)).toEqual(['chronos', 'marathon', 'mesos', 'mesosphere']);
		const updated = await aptUpdateFrom(`deb [trusted=yes] file:${local} ./`);
		expect(updated.exitCode, updated.all).toBe(0);
		expect(updated.all).not.toMatch(/^E:/m);
		// zookeeperd and libsasl2-modules are not in the folder: apt takes them from the machine's own sources.
		const installed = await run('apt-get', ['install', '-y', 'mesosphere'], {timeout: 10 * minute});
		expect(installed.exitCode, installed.all).toBe(0);
		expect(await installedVersions(['mesosphere', 'mesos', 'marathon', 'chronos', 'zookeeperd']))
			.toMatchObject({mesosphere: '0.1.0-lab1', mesos: '1.4.3-lab1', marathon: '1.4.13-lab1', chronos: '2.5.1-lab1'});
		await lab.restoreMachine();
	}, 10 * minute);

	it('gives a folder without a Mesos package, whose index lists only Marathon and Chronos', async () => {
		const index = await scanFolder(lab.sources.folder.withoutMesos, path.join(lab.workDir, 'local-repository-without-mesos'));
		expect(packagesIn(index)).toEqual(['chronos', 'marathon']);
	});

	it('serves a repository in the article\'s layout that lacks this machine\'s codename: apt says there is no Release file', async () => {
		const {stale} = lab.sources;
		const {distro, codename} = lab.distribution;
		expect(stale.codenames).not.toContain(codename);
		expect(stale.codenames.length).toBeGreaterThan(0);
		for (const other of stale.codenames) {
			expect((await fetch(`${stale.url}/${distro}/dists/${other}/InRelease`)).status).toBe(200);
		}
		expect((await fetch(`${stale.url}/${distro}/dists/${codename}/InRelease`)).status).toBe(404);
		const missing = await aptUpdateFrom(`deb [signed-by=${articleKeyring}] ${stale.url}/${distro} ${codename} main`);
		expect(missing.exitCode).not.toBe(0);
		expect(missing.all).toContain(`${codename} Release' does not have a Release file`);
		const older = await aptUpdateFrom(`deb [signed-by=${articleKeyring}] ${stale.url}/${distro} ${stale.codenames[0]} main`);
		expect(older.exitCode, older.all).toBe(0);
		await lab.restoreMachine();
	}, 3 * minute);
});
