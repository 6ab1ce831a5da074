// The lab cases of issue 11 points 2 and 4, run in setup-yes-apt-key.e2e.test.ts's lab start (one
// start less in npm test's wall time): each package source kind and each role, end to end.
import {existsSync, readFileSync} from 'node:fs';
import {execa} from 'execa';
import {expect} from 'vitest';
import {sourceList} from './apt-trust.js';
import {getJson, marathonPing} from './cluster-state.js';
import type {Lab} from './lab.js';
import {labAgentSettings, mesosSetup, settingArgs as sets} from './mesos-setup-cli.js';
import {waitFor} from '../helpers/wait-for.js';
import {zookeeperMode} from './zookeeper-four-letter.js';

export const installed = async (name: string): Promise<boolean> =>
	(await execa('dpkg-query', ['-W', '-f=${Status}', name], {reject: false})).stdout === 'install ok installed';

type Status = {services: {name: string; healthy: boolean}[]};
const statusJson = async (): Promise<Status> => JSON.parse((await mesosSetup(['status', '--once', '--json'], 60_000)).stdout) as Status;

// An apt repository of its own, its key from https: refused unpinned with --yes; pinned, an agent.
export async function aptSourceAgent(lab: Lab): Promise<void> {
	const apt = lab.sources.apt;
	const env = {CURL_CA_BUNDLE: apt.caFile, NODE_EXTRA_CA_CERTS: apt.caFile};
	const source = {'repo.source': 'apt', 'repo.url': apt.url, 'repo.suite': apt.suite, 'repo.component': apt.component, 'repo.keyUrl': apt.keyUrl};
	const agent = labAgentSettings();
	const unpinned = await mesosSetup(['setup', '--yes', ...sets({...source, ...agent})], 60_000, env);
	expect(unpinned.exitCode, unpinned.all).toBe(2);
	expect(unpinned.stderr).toContain('repo.fingerprint is not set');
	expect(existsSync(sourceList), 'nothing changed').toBe(false);

	const run = await mesosSetup(['setup', '--yes', ...sets({...source, 'repo.fingerprint': apt.fingerprint, ...agent})], 10 * 60_000, env);
	expect(run.exitCode, run.all).toBe(0);
	expect(run.stdout).toMatch(new RegExp(`passed +The repository holds .*: ${apt.url.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')} stable main \\(\\S+\\) holds mesos `));
	expect(run.stdout).toContain(`key ${apt.fingerprint} checked and saved to /usr/share/keyrings/mesos-setup-source-keyring.gpg`);
	expect(readFileSync(sourceList, 'utf8')).toBe(`deb [signed-by=/usr/share/keyrings/mesos-setup-source-keyring.gpg] ${apt.url} stable main\n`);
	expect(await installed('mesos')).toBe(true);
	for (const name of ['marathon', 'chronos', 'mesosphere']) expect(await installed(name), name).toBe(false);
	expect(readFileSync('/etc/mesos-slave/ip', 'utf8')).toBe(`${agent['slave.ip']}\n`);
	expect(run.stdout).not.toMatch(/Start (zookeeper|mesos-master|marathon)/);
	expect(await zookeeperMode().catch(() => 'not running')).toBe('not running');
	expect((await statusJson()).services.map(service => [service.name, service.healthy])).toEqual([['mesos-slave', true]]);
}

// A folder of .deb files (as mesos-packaging leaves them), for a master.
export async function folderSourceMaster(lab: Lab): Promise<void> {
	const {folder} = lab.sources;
	const run = await mesosSetup(['setup', '--yes', ...sets({'repo.source': 'folder', 'repo.folder': folder.path, 'node.role': 'master'})]);
	expect(run.exitCode, run.all).toBe(0);
	const mesos = lab.packages.debs.find(deb => deb.name === 'mesos');
	expect(run.stdout).toMatch(new RegExp(`^(passed|warned) +${folder.path}/? holds .*mesos ${mesos?.version ?? '?'}`, 'm'));
	expect(readFileSync(sourceList, 'utf8')).toBe('deb [trusted=yes] file:/var/cache/mesos-setup/packages ./\n');
	expect(readFileSync('/var/cache/mesos-setup/packages/Packages', 'utf8')).toMatch(/^Package: mesos$/m);
	for (const name of ['zookeeperd', 'mesos', 'marathon']) expect(await installed(name), name).toBe(true);
	expect(await installed('mesosphere')).toBe(false);
	expect(await zookeeperMode()).toBe('standalone');
	await waitFor('the master to lead', async () => (await getJson<{leader?: string}>('http://127.0.0.1:5050/master/state').catch(() => undefined))?.leader);
	expect(await marathonPing()).toBe('pong');
	expect(run.stdout).not.toMatch(/Start mesos-slave/);
	expect((await statusJson()).services.map(service => service.name)).toEqual(['zookeeper', 'mesos-master', 'marathon']);
}

// A folder without mesos, and the article's layout without this machine's codename: refused by the
// preflight, before anything changes.
export async function refusedSources(lab: Lab): Promise<void> {
	const noMesos = await mesosSetup(['setup', '--yes', ...sets({'repo.source': 'folder', 'repo.folder': lab.sources.folder.withoutMesos})]);
	expect(noMesos.exitCode, noMesos.all).toBe(1);
	expect(noMesos.stdout).toContain(`${lab.sources.folder.withoutMesos} holds no mesos package (it holds `);
	const {distro, codename} = lab.distribution;
	const stale = await mesosSetup(['setup', '--yes', ...sets({'repo.url': lab.sources.stale.url, 'repo.keyserver': lab.keyserver, 'repo.key': lab.fingerprint})]);
	expect(stale.exitCode, stale.all).toBe(1);
	expect(stale.stdout).toContain(`${lab.sources.stale.url}/${distro} has no Release file for this machine’s codename (${codename})`);
	expect(existsSync(sourceList), 'nothing changed').toBe(false);
}
