// Proves the lab by hand, without mesos-setup: the key, the signed repository, the package and its
// stand-ins, driven by the article's own commands against the real apt, gpg, service and ZooKeeper.
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {copyFile, mkdtemp, rm, unlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {writeArticleConfiguration} from './article-configuration.js';
import {listProcesses} from './lab-processes.js';
import {logTail, serviceLogFiles, startLab, type Lab} from './lab.js';
import {describeLab} from './require-lab.js';
import {stopGpgAgents} from './signing-key.js';
import {waitFor} from '../helpers/wait-for.js';
import {zookeeperMode} from './zookeeper-four-letter.js';

const sourceList = '/etc/apt/sources.list.d/mesosphere.list';
const keyring = '/etc/apt/keyrings/mesosphere-lab.gpg';
const minute = 60_000;

type MasterState = {
	leader?: string;
	hostname: string;
	slaves: Array<{hostname: string; active: boolean; pid: string; resources: {cpus: number; mem: number}}>;
	frameworks: Array<{name: string; active: boolean; id: string}>;
};

const sha256 = (file: string) => existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';
const run = (command: string, args: string[], timeout = 5 * minute) =>
	execa(command, args, {reject: false, all: true, timeout, env: {DEBIAN_FRONTEND: 'noninteractive'}});

async function getJson<T>(url: string): Promise<T | undefined> {
	const response = await fetch(url, {signal: AbortSignal.timeout(3000)});
	return response.ok ? await response.json() as T : undefined;
}

async function status(url: string): Promise<number> {
	return (await fetch(url, {signal: AbortSignal.timeout(3000)})).status;
}

const masterState = () => getJson<MasterState>('http://127.0.0.1:5050/master/state');

/** `service X start` exits 0 even for a daemon that dies at once: the probe after it is the truth. */
async function startService(name: string): Promise<void> {
	const result = await run('service', [name, 'start'], minute);
	expect(result.exitCode, `service ${name} start:\n${result.all}`).toBe(0);
}

describeLab('the lab, by hand', () => {
	let lab: Lab;
	let before: {sources: string[]; zooCfg: string; trustedGpg: string};

	beforeAll(async () => {
		lab = await startLab();
		// Read after startLab: before its lock, another lab may still own the machine.
		before = {
			sources: readdirSync('/etc/apt/sources.list.d'),
			zooCfg: sha256('/etc/zookeeper/conf/zoo.cfg'),
			trustedGpg: sha256('/etc/apt/trusted.gpg'),
		};
	}, 10 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	it('serves the signing key over HKP, with its fingerprint, and 404 for any other', async () => {
		const lookup = (id: string) => `${lab.keyserver.replace('hkp://', 'http://')}/pks/lookup?op=get&options=mr&search=0x${id}`;
		const response = await fetch(lookup(lab.fingerprint));
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');
		expect((await fetch(lookup('81026D0004C44CF7EF55ADF8DF7D54CBE56151BF'))).status).toBe(404);

		const gnupgHome = await mkdtemp(path.join(tmpdir(), 'lab-gpg-'));
		try {
			const received = await execa('gpg', ['--batch', '--keyserver', lab.keyserver, '--recv-keys', lab.fingerprint], {env: {GNUPGHOME: gnupgHome}});
			expect(received.stderr).toContain('imported: 1');
			const listed = await execa('gpg', ['--batch', '--with-colons', '--list-keys'], {env: {GNUPGHOME: gnupgHome}});
			expect(listed.stdout).toContain(`fpr:::::::::${lab.fingerprint}:`);
		} finally {
			await stopGpgAgents(gnupgHome);
			await rm(gnupgHome, {recursive: true, force: true});
		}
	});

	it('lets the article\'s apt-key adv import the key, and restoring puts trusted.gpg back', async () => {
		const result = await run('apt-key', ['adv', '--keyserver', lab.keyserver, '--recv-keys', lab.fingerprint], minute);
		expect(result.exitCode, result.all).toBe(0);
		const listed = await run('gpg', ['--batch', '--no-default-keyring', '--keyring', '/etc/apt/trusted.gpg', '--with-colons', '--list-keys']);
		expect(listed.stdout).toContain(lab.fingerprint);
		await lab.restoreMachine();
		expect(sha256('/etc/apt/trusted.gpg')).toBe(before.trustedGpg);
	}, 2 * minute);

	it('answers apt-get update from the signed repository, and refuses it with the wrong key', async () => {
		const {distro, codename} = lab.distribution;
		const only = ['-o', `Dir::Etc::sourcelist=${sourceList}`, '-o', 'Dir::Etc::sourceparts=-', '-o', 'APT::Get::List-Cleanup=0'];
		await writeFile(sourceList, `deb [signed-by=${keyring}] ${lab.repoUrl}/${distro} ${codename} main\n`);

		await copyFile('/usr/share/keyrings/debian-archive-keyring.gpg', keyring);
		const refused = await run('apt-get', ['update', ...only]);
		expect(refused.exitCode).not.toBe(0);
		expect(refused.all).toMatch(/NO_PUBKEY|not signed/);

		await copyFile(lab.binaryKeyPath, keyring);
		const updated = await run('apt-get', ['update', ...only]);
		expect(updated.exitCode, updated.all).toBe(0);
		expect(updated.all).not.toMatch(/^[WE]:/m);
		const policy = await run('apt-cache', ['policy', 'mesosphere']);
		expect(policy.stdout).toMatch(/Candidate: 0\.1\.0-lab1/);
		expect(policy.stdout).toContain(`${lab.repoUrl}/${distro} ${codename}/main`);
	}, 3 * minute);

	it('can stop the repository server and start it again on the same port (for fault tests)', async () => {
		const inRelease = `${lab.repoUrl}/${lab.distribution.distro}/dists/${lab.distribution.codename}/InRelease`;
		await lab.stopRepository();
		await expect(fetch(inRelease, {signal: AbortSignal.timeout(3000)})).rejects.toThrow();
		await lab.startRepository();
		expect((await fetch(inRelease, {signal: AbortSignal.timeout(3000)})).status).toBe(200);
	});

	it('installs mesosphere and zookeeperd with apt-get install -y mesosphere', async () => {
		const installed = await run('apt-get', ['install', '-y', 'mesosphere'], 10 * minute);
		expect(installed.exitCode, installed.all).toBe(0);
		const query = await run('dpkg-query', ['-W', '-f=${Package} ${Status}\n', 'mesosphere', 'zookeeperd']);
		expect(query.stdout).toContain('mesosphere install ok installed');
		expect(query.stdout).toContain('zookeeperd install ok installed');
		for (const service of ['mesos-master', 'mesos-slave', 'marathon', 'chronos']) expect(existsSync(`/etc/init.d/${service}`)).toBe(true);
	}, 10 * minute);

	it('starts ZooKeeper, the master, the agent and Marathon from the article\'s files, all healthy', async () => {
		await writeArticleConfiguration();
		await startService('zookeeper');
		await waitFor('ZooKeeper srvr to say Mode: standalone', async () => await zookeeperMode() === 'standalone' ? true : undefined, minute);

		await startService('mesos-master');
		await waitFor('/master/health 200', async () => await status('http://127.0.0.1:5050/master/health') === 200 || undefined);
		const elected = await waitFor('a leading master in /master/state', async () => (await masterState())?.leader);
		expect(elected).toBe('master@127.0.0.1:5050');

		await startService('mesos-slave');
		await waitFor('the agent\'s /health 200', async () => await status('http://127.0.0.1:5051/health') === 200 || undefined);
		await startService('marathon');
		expect(await waitFor('Marathon /ping', async () => {
			const response = await fetch('http://127.0.0.1:8080/ping', {signal: AbortSignal.timeout(3000)});
			return response.ok ? await response.text() : undefined;
		})).toBe('pong');

		const state = await waitFor('the agent and marathon in /master/state', async () => {
			const current = await masterState();
			return current?.slaves.length === 1 && current.frameworks.some(framework => framework.active) ? current : undefined;
		}).catch(async (error: unknown) => {
			throw new Error(`${String(error)}\n${await logTail(serviceLogFiles['mesos-slave'])}\n${await logTail(serviceLogFiles.marathon)}`);
		});
		expect(state.slaves[0]).toMatchObject({hostname: '127.0.0.1', active: true, pid: 'slave(1)@127.0.0.1:5051'});
		expect(state.frameworks.map(framework => framework.name)).toEqual(['marathon']);

		const agent = await getJson<{hostname: string; master_hostname: string; flags: Record<string, string>}>('http://127.0.0.1:5051/state');
		expect(agent).toMatchObject({hostname: '127.0.0.1', master_hostname: state.hostname});
		expect(agent?.flags).toMatchObject({containerizers: 'mesos', executor_registration_timeout: '5mins'});

		const metrics = await getJson<Record<string, number>>('http://127.0.0.1:5050/metrics/snapshot');
		expect(metrics).toMatchObject({'master/elected': 1, 'master/slaves_active': 1, 'master/frameworks_active': 1});
		expect(metrics?.['master/cpus_total']).toBeGreaterThan(0);

		const info = await getJson<{name: string; elected: boolean; marathon_config: {master: string}; zookeeper_config: {zk: string}}>('http://127.0.0.1:8080/v2/info');
		expect(info).toMatchObject({
			name: 'marathon', elected: true,
			marathon_config: {master: 'zk://127.0.0.1:2181/mesos'}, zookeeper_config: {zk: 'zk://127.0.0.1:2181/marathon'},
		});
		expect(await getJson('http://127.0.0.1:8080/v2/leader')).toEqual({leader: '127.0.0.1:8080'});
	}, 5 * minute);

	it('replaces the agent\'s entry when it restarts with a new hostname', async () => {
		await writeFile('/etc/mesos-slave/hostname', 'lab-agent-two\n');
		const restarted = await run('service', ['mesos-slave', 'restart'], minute);
		expect(restarted.exitCode, restarted.all).toBe(0);
		const slaves = await waitFor('the new hostname in /master/state', async () => {
			const current = await masterState();
			return current?.slaves.some(slave => slave.hostname === 'lab-agent-two') ? current.slaves : undefined;
		});
		expect(slaves.map(slave => slave.hostname)).toEqual(['lab-agent-two']);
	}, 2 * minute);

	it('re-registers the agent and Marathon when the master restarts', async () => {
		const restarted = await run('service', ['mesos-master', 'restart'], minute);
		expect(restarted.exitCode, restarted.all).toBe(0);
		const state = await waitFor('agent and framework back in the new master\'s state', async () => {
			const current = await masterState();
			return current?.slaves.length === 1 && current.frameworks.length === 1 ? current : undefined;
		});
		expect(state.frameworks[0]?.name).toBe('marathon');
	}, 2 * minute);

	it('has mesos-master refuse to start, with one clear log line, when /etc/mesos/zk is missing', async () => {
		await run('service', ['mesos-master', 'stop'], minute);
		await unlink('/etc/mesos/zk');
		await startService('mesos-master');
		const line = await waitFor('the refusal in the master\'s log', async () =>
			readFileSync(serviceLogFiles['mesos-master'], 'utf8').split('\n').find(text => text.includes('refusing to start')));
		expect(line).toMatch(/refusing to start: \/etc\/mesos\/zk is missing$/);
		const serviceStatus = await waitFor('service mesos-master status to say not running', async () => {
			const result = await run('service', ['mesos-master', 'status']);
			return result.exitCode === 0 ? undefined : result.exitCode;
		});
		expect(serviceStatus).not.toBe(0);
		await expect(fetch('http://127.0.0.1:5050/master/health', {signal: AbortSignal.timeout(3000)})).rejects.toThrow();
		await writeFile('/etc/mesos/zk', 'zk://127.0.0.1:2181/mesos\n');
	}, 2 * minute);

	it('has the agent refuse a duration that is not a Mesos duration, naming file and value', async () => {
		await run('service', ['mesos-slave', 'stop'], minute);
		await writeFile('/etc/mesos-slave/executor_registration_timeout', '5m\n');
		await startService('mesos-slave');
		const line = await waitFor('the refusal in the agent\'s log', async () =>
			readFileSync(serviceLogFiles['mesos-slave'], 'utf8').split('\n').find(text => text.includes('refusing to start')));
		expect(line).toContain('/etc/mesos-slave/executor_registration_timeout holds \'5m\'');
	}, 2 * minute);

	it('restores the machine: services stopped, package purged, files and apt sources as found', async () => {
		const report = await lab.restoreMachine();
		expect(report.purged).toBe(true);
		expect(report.stoppedServices).toEqual(expect.arrayContaining(['marathon', 'zookeeper']));
		const query = await run('dpkg-query', ['-W', '-f=${Status}', 'mesosphere']);
		expect(query.stdout).not.toContain('install ok installed');
		expect(readdirSync('/etc/apt/sources.list.d')).toEqual(before.sources);
		expect(existsSync(keyring)).toBe(false);
		expect(existsSync('/etc/mesos')).toBe(false);
		expect(existsSync('/etc/marathon')).toBe(false);
		expect(sha256('/etc/zookeeper/conf/zoo.cfg')).toBe(before.zooCfg);
		const leftovers = listProcesses().filter(entry => entry.state !== 'Z'
			&& (entry.command.includes('/usr/lib/mesosphere-lab/') || entry.command.includes('org.apache.zookeeper.server')));
		expect(leftovers).toEqual([]);
	}, 3 * minute);
});
