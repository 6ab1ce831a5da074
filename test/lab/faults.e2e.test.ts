// Faults, through the real `setup --yes` against the lab: the repository server stops, the key is
// not the one pinned, ZooKeeper's port is taken. Each run must fail at the right step with exit 1
// and a message a person can act on, and trust or start nothing it should not.
import {existsSync, readFileSync} from 'node:fs';
import {execa} from 'execa';
import {afterAll, afterEach, beforeAll, expect, it} from 'vitest';
import {aptKeyList, aptKeyring, fingerprintsIn, keyring, sha256, sourceList} from './apt-trust.js';
import {masterState} from './cluster-state.js';
import {startLab, type Lab} from './lab.js';
import {labSettings, mesosSetup, requireBuiltCli} from './mesos-setup-cli.js';
import {holdPort, type PortHolder} from './port-holder.js';
import {describeLab} from './require-lab.js';

const minute = 60_000;
// Another full fingerprint: no key server in the lab has it.
const otherFingerprint = '0123456789ABCDEF0123456789ABCDEF01234567';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describeLab('setup --yes when things go wrong', () => {
	let lab: Lab;
	let trustedBefore: string;
	let repositoryStopped = false;
	let portHolder: PortHolder | undefined;

	beforeAll(async () => {
		requireBuiltCli();
		lab = await startLab();
		trustedBefore = sha256(aptKeyring);
	}, 10 * minute);

	// Every fault is undone and the machine put back before the next test, even after a failure.
	afterEach(async () => {
		await portHolder?.stop();
		portHolder = undefined;
		if (repositoryStopped) await lab.startRepository();
		repositoryStopped = false;
		await lab.restoreMachine();
	}, 5 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	/** Nothing about the key or the repository is trusted or configured. */
	async function expectNothingTrusted(): Promise<void> {
		expect(existsSync(keyring), `${keyring} exists`).toBe(false);
		expect(sha256(aptKeyring), `${aptKeyring} changed`).toBe(trustedBefore);
		const listed = await aptKeyList();
		expect(listed).not.toContain(lab.fingerprint);
		expect(listed).not.toContain(otherFingerprint);
		expect(existsSync(sourceList), `${sourceList} was written`).toBe(false);
	}

	it('fails the install step naming apt-get and the repository when the repository is down, then finishes once it is back', async () => {
		const settings = labSettings(lab);
		await lab.stopRepository();
		repositoryStopped = true;
		// On a machine that speaks German: apt's "Failed to fetch" is read in the C locale all the
		// same (C.UTF-8 and LANG alone let LANGUAGE translate it; this machine has apt's German words).
		const german = {LANG: 'C.UTF-8', LANGUAGE: 'de'};
		const aptSays = await execa('apt-get', ['-s', 'install', 'no-such-package'], {reject: false, env: german});
		expect(aptSays.stderr, 'apt speaks German here (its own apt.mo)').toContain('kann nicht gefunden werden');
		const failed = await mesosSetup(['setup', '--yes', ...settings], undefined, german);
		expect(failed.exitCode, failed.all).toBe(1);
		// Preflight said so, without stopping: the key server still answers, so the key and the source list are done.
		expect(failed.stdout).toMatch(new RegExp(`^warned +The package repository answers: ${escape(lab.repoUrl)} does not answer`, 'm'));
		expect(failed.stdout).toMatch(/^wrote +key .* checked and saved to /m);
		expect(failed.stderr).toMatch(new RegExp(`^Failed at Install: apt-get -y update could not fetch ${escape(lab.repoUrl)}/\\S+: .*Connection refused`, 'm'));
		expect(failed.stderr).toContain('run the same command again');
		expect(failed.stdout).not.toContain('== Service overrides');
		expect(await fingerprintsIn(keyring)).toEqual([lab.fingerprint]);

		await lab.startRepository();
		repositoryStopped = false;
		const again = await mesosSetup(['setup', '--yes', ...settings]);
		expect(again.exitCode, again.all).toBe(0);
		// What the failed run finished is found done, not done again.
		expect(again.stdout).toMatch(new RegExp(`^unchanged +key ${lab.fingerprint} checked`, 'm'));
		expect(again.stdout).toMatch(new RegExp(`^unchanged +${escape(sourceList)}$`, 'm'));
		expect(again.stdout).toMatch(/^ran +apt-get install -y mesosphere$/m);
		expect(again.stdout).toMatch(/^healthy +marathon: /m);
		expect((await masterState())?.leader).toBe('master@127.0.0.1:5050');
	}, 15 * minute);

	for (const method of ['keyring', 'apt-key'] as const) {
		it(`refuses a fingerprint the key server does not have, and trusts nothing (${method})`, async () => {
			const result = await mesosSetup(['setup', '--yes', ...labSettings(lab, {'repo.key': otherFingerprint, 'repo.keyMethod': method})]);
			expect(result.exitCode, result.all).toBe(1);
			expect(result.stderr).toMatch(new RegExp(`^Failed at Repository key: could not fetch key ${otherFingerprint} from ${escape(lab.keyserver)}`, 'm'));
			expect(result.stdout).not.toContain('== Repository\n');
			await expectNothingTrusted();
		}, 5 * minute);

		it(`refuses the key a lying key server sends for the pinned fingerprint, and trusts nothing (${method})`, async () => {
			const impostor = await lab.startImpostorKeyserver();
			const result = await mesosSetup(['setup', '--yes', ...labSettings(lab, {'repo.keyserver': impostor, 'repo.key': otherFingerprint, 'repo.keyMethod': method})]);
			expect(result.exitCode, result.all).toBe(1);
			expect(result.stderr).toMatch(new RegExp(`^Failed at Repository key: the key server ${escape(impostor)} sent a key that is not ${otherFingerprint}.*nothing was trusted`, 'm'));
			await expectNothingTrusted();
		}, 5 * minute);
	}

	it('fails the zookeeper start with the reason and the log tail when port 2181 is taken', async () => {
		portHolder = await holdPort(2181);
		const result = await mesosSetup(['setup', '--yes', ...labSettings(lab)]);
		expect(result.exitCode, result.all).toBe(1);
		// Preflight names the listener; the start then shows what the probe found and ZooKeeper's own words.
		expect(result.stdout).toMatch(new RegExp(`^warned +Port 2181 is free for ZooKeeper clients: in use by node \\(pid ${portHolder.pid}\\)`, 'm'));
		expect(result.stdout).toMatch(/^failed +zookeeper stopped after it was started: the init system says it is not running \(.*\); last check: unexpected answer to srvr: not zookeeper$/m);
		const tail = result.stdout.split('\n').slice(result.stdout.split('\n').findIndex(line => line.startsWith('failed ')));
		expect(tail.join('\n')).toContain('last lines of /var/log/zookeeper/zookeeper.log:');
		expect(tail.join('\n')).toMatch(/java\.net\.BindException: Address already in use/);
		expect(readFileSync('/var/log/zookeeper/zookeeper.log', 'utf8')).toContain('Address already in use');
		expect(result.stderr).toMatch(/^Failed at Start services: zookeeper stopped after it was started/m);
		// Nothing after ZooKeeper was started.
		expect(result.stdout).not.toMatch(/mesos-master: http/);
		await expect(fetch('http://127.0.0.1:5050/master/health', {signal: AbortSignal.timeout(3000)})).rejects.toThrow();
	}, 5 * minute);
});
