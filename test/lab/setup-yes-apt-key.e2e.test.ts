// End to end with the article's way of trusting the key: `--set repo.keyMethod=apt-key` adds it to
// apt-key's keyring (/etc/apt/trusted.gpg) and the source line has no signed-by. The lab then takes
// the apt-key entry away again with the rest of the machine.
import {existsSync, readFileSync, statSync} from 'node:fs';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {aptKeyList, aptKeyring, fingerprintsIn, keyring, sha256, sourceList} from './apt-trust.js';
import {articleFiles} from './article-configuration.js';
import {marathonPing, registeredCluster} from './cluster-state.js';
import {startLab, type Lab} from './lab.js';
import {labSettings, mesosSetup, requireBuiltCli} from './mesos-setup-cli.js';
import {describeLab} from './require-lab.js';
import {aptSourceAgent, folderSourceMaster, refusedSources} from './sources-and-roles.js';
import {waitFor} from '../helpers/wait-for.js';
import {zookeeperMode} from './zookeeper-four-letter.js';

const minute = 60_000;

describeLab('mesos-setup setup --yes against the lab (key added with apt-key)', () => {
	let lab: Lab;
	let settings: string[];
	let trustedBefore: string;

	beforeAll(async () => {
		requireBuiltCli();
		lab = await startLab();
		settings = labSettings(lab, {'repo.keyMethod': 'apt-key'});
		trustedBefore = sha256(aptKeyring);
	}, 10 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	it('adds the checked key with apt-key, writes a source line without signed-by, installs and starts every service', async () => {
		const result = await mesosSetup(['setup', '--yes', ...settings]);
		expect(result.exitCode, result.all).toBe(0);
		expect(result.stdout).toContain(`key ${lab.fingerprint} checked and added with apt-key`);
		expect(await fingerprintsIn(aptKeyring)).toContain(lab.fingerprint);
		expect(await aptKeyList()).toContain(lab.fingerprint);
		expect(existsSync(keyring), 'no signed-by keyring as well').toBe(false);
		const {distro, codename} = lab.distribution;
		expect(readFileSync(sourceList, 'utf8')).toBe(`deb ${lab.repoUrl}/${distro} ${codename} main\n`);
		for (const [file, content] of Object.entries(articleFiles)) expect(readFileSync(file, 'utf8'), file).toBe(content);
		expect(await zookeeperMode()).toBe('standalone');
		const state = await waitFor('the agent and Marathon registered with the master', registeredCluster);
		expect(state.slaves.map(slave => slave.hostname)).toEqual(['127.0.0.1']);
		expect(await marathonPing()).toBe('pong');
	}, 15 * minute);

	it('changes nothing on a second run, apt-key\'s keyring included', async () => {
		const keyringTime = statSync(aptKeyring).mtimeMs;
		const result = await mesosSetup(['setup', '--yes', ...settings]);
		expect(result.exitCode, result.all).toBe(0);
		expect(result.stdout).toContain('Nothing changed');
		expect(result.stdout).not.toMatch(/^wrote /m);
		expect(statSync(aptKeyring).mtimeMs).toBe(keyringTime);
	}, 10 * minute);

	it('takes the apt-key entry away when the lab restores the machine', async () => {
		const report = await lab.restoreMachine();
		expect(report.restoredPaths).toContain(aptKeyring);
		expect(sha256(aptKeyring)).toBe(trustedBefore);
		expect(await aptKeyList()).not.toContain(lab.fingerprint);
		expect(existsSync(sourceList)).toBe(false);
	}, 3 * minute);

	// Issue 11 points 2 and 4 in this lab start: every package source kind and every role.
	it('an apt source of its own with its key over https: refused unpinned with --yes; pinned, an agent alone', async () => {
		await aptSourceAgent(lab);
		await lab.restoreMachine();
	}, 15 * minute);

	it('a folder of .deb files made a local repository, for a master alone', async () => {
		await folderSourceMaster(lab);
		await lab.restoreMachine();
	}, 15 * minute);

	it('refuses a folder without mesos and a repository without this codename, changing nothing', async () => {
		await refusedSources(lab);
		const report = await lab.restoreMachine();
		expect(report.restoredPaths).toEqual([]);
	}, 5 * minute);
});
