// Proves the lab's mesos-packaging variant by hand, without mesos-setup: installed from an apt
// repository of its own (key fetched over https and pinned), the agent reads /etc/mesos-agent and
// /etc/default/mesos-agent, Marathon 1.10 reads only /etc/default/marathon, and the whole cluster
// comes up healthy from those files.
import {readFileSync} from 'node:fs';
import {mkdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {articleFiles, writeArticleConfiguration} from './article-configuration.js';
import {aptUpdateFrom, installedVersions, refusals, run, runningCommandLine, showKey} from './by-hand.js';
import {logTail, serviceLogFiles, startLab, type Lab} from './lab.js';
import {describeLab} from './require-lab.js';
import {waitFor} from '../helpers/wait-for.js';
import {zookeeperMode} from './zookeeper-four-letter.js';

const minute = 60_000;
const keyring = '/etc/apt/keyrings/mesos-setup-lab-apt.gpg';

async function restart(service: 'mesos-master' | 'mesos-slave' | 'marathon'): Promise<void> {
	await run('service', [service, 'stop'], {timeout: minute});
	await writeFile(serviceLogFiles[service], '');
	const started = await run('service', [service, 'start'], {timeout: minute});
	expect(started.exitCode, started.all).toBe(0);
}

async function getJson<T>(url: string): Promise<T | undefined> {
	const response = await fetch(url, {signal: AbortSignal.timeout(3000)});
	return response.ok ? await response.json() as T : undefined;
}

/** The article's values, written where the agent layout's packages read them. */
async function writeAgentLayoutConfiguration(): Promise<void> {
	await writeArticleConfiguration();
	await rm('/etc/mesos-slave', {recursive: true, force: true});
	await rm('/etc/marathon', {recursive: true, force: true});
	await rm('/etc/default/mesos-slave', {force: true});
	await writeFile('/etc/default/mesos-agent', 'MASTER=`cat /etc/mesos/zk`\n');
	await mkdir('/etc/mesos-agent', {recursive: true});
	for (const name of ['ip', 'hostname', 'containerizers', 'executor_registration_timeout']) {
		await writeFile(`/etc/mesos-agent/${name}`, articleFiles[`/etc/mesos-slave/${name}`] ?? '');
	}
	await writeFile('/etc/mesos-agent/work_dir', '/var/lib/mesos\n');
}

describeLab('the lab\'s mesos-packaging variant, by hand (agent layout, Marathon 1.5+)', () => {
	let lab: Lab;

	beforeAll(async () => {
		lab = await startLab({packages: 'mesos-packaging'});
	}, 15 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	it('installs mesos, marathon and chronos from an apt repository of its own, its key fetched over https and pinned', async () => {
		const {apt} = lab.sources;
		const fetched = path.join(lab.workDir, 'fetched-key.asc');
		const curl = await run('curl', ['--fail', '--silent', '--show-error', '--cacert', apt.caFile, '--output', fetched, apt.keyUrl]);
		expect(curl.exitCode, curl.all).toBe(0);
		expect((await showKey(fetched)).fingerprints).toEqual([apt.fingerprint]);
		await mkdir(path.dirname(keyring), {recursive: true});
		const dearmored = await run('gpg', ['--batch', '--yes', '--dearmor', '--output', keyring, fetched]);
		expect(dearmored.exitCode, dearmored.all).toBe(0);

		const updated = await aptUpdateFrom(`deb [signed-by=${keyring}] ${apt.url} ${apt.suite} ${apt.component}`);
		expect(updated.exitCode, updated.all).toBe(0);
		expect(updated.all).not.toMatch(/^[WE]:/m);
		const installed = await run('apt-get', ['install', '-y', ...lab.packages.install], {timeout: 10 * minute});
		expect(installed.exitCode, installed.all).toBe(0);
		expect(await installedVersions(['mesos', 'marathon', 'chronos', 'mesosphere'])).toEqual({
			mesos: '1.11.0-lab1', marathon: '1.10.26-lab1', chronos: '3.0.2-lab1',
		});
		// What detection reads: Marathon's version says 1.5+, so /etc/default/marathon.
		expect((await run('dpkg', ['--compare-versions', '1.10.26-lab1', 'ge', '1.5'])).exitCode).toBe(0);
		expect(lab.packages.layout).toEqual({agent: '/etc/mesos-agent', marathon: '/etc/default/marathon'});
	}, 10 * minute);

	it('ships the units the newer packages ship, which systemd-analyze verify accepts', async () => {
		const units = ['mesos-master', 'mesos-slave', 'marathon', 'chronos'].map(name => `/lib/systemd/system/${name}.service`);
		const verified = await run('systemd-analyze', ['verify', ...units]);
		expect(verified.exitCode, verified.all).toBe(0);
		const agent = readFileSync('/lib/systemd/system/mesos-slave.service', 'utf8');
		expect(agent).toContain('Description=Mesos Agent\n');
		expect(agent).toContain('ExecStart=/usr/bin/mesos-init-wrapper agent\n');
		const marathon = readFileSync('/lib/systemd/system/marathon.service', 'utf8');
		expect(marathon).toContain('EnvironmentFile=/etc/default/marathon\n');
		// As mesos/mesos-packaging ships it: the old layout's files, which its own wrapper never reads.
		expect(readFileSync('/etc/mesos-slave/work_dir', 'utf8')).toBe('/var/lib/mesos\n');
	});

	it('refuses the agent without /etc/mesos-agent/work_dir: Mesos 1.x needs one, and the package\'s /etc/mesos-slave/work_dir is not read', async () => {
		await writeArticleConfiguration();
		await restart('mesos-slave');
		expect(await refusals('mesos-slave', serviceLogFiles['mesos-slave'])).toEqual([
			'/etc/default/mesos-agent is missing',
			'/etc/mesos-agent/ip is missing',
			'/etc/mesos-agent/hostname is missing',
			'/etc/mesos-agent/containerizers is missing',
			'/etc/mesos-agent/executor_registration_timeout is missing',
			'/etc/mesos-agent/work_dir is missing',
			'the master (MASTER in /etc/default/mesos-agent) is missing',
		]);
	}, 2 * minute);

	it('gives the agent the command line the newer wrapper builds from /etc/mesos-agent and /etc/default/mesos-agent', async () => {
		await writeAgentLayoutConfiguration();
		await writeFile('/etc/mesos-agent/containerizers.dpkg-dist', 'docker,mesos\n');
		await writeFile('/etc/mesos-agent/?no-switch_user', '');
		await restart('mesos-slave');
		const commandLine = await runningCommandLine('mesos-slave');
		// Variables first, then the folder in find's order (the directory's own): compare that part sorted.
		expect(commandLine.slice(0, 2)).toEqual(['--master=zk://127.0.0.1:2181/mesos', '--log_dir=/var/log/mesos']);
		expect(commandLine.slice(2).sort()).toEqual([
			'--containerizers=mesos', '--executor_registration_timeout=5mins', '--hostname=127.0.0.1', '--ip=127.0.0.1',
			'--no-switch_user', '--work_dir=/var/lib/mesos',
		]);
		await rm('/etc/mesos-agent/containerizers.dpkg-dist');
	}, 2 * minute);

	it('has Marathon 1.10 ignore /etc/marathon/conf and refuse until /etc/default/marathon names the master', async () => {
		await mkdir('/etc/marathon/conf', {recursive: true});
		for (const name of ['hostname', 'master', 'zk']) await writeFile(`/etc/marathon/conf/${name}`, articleFiles[`/etc/marathon/conf/${name}`] ?? '');
		await restart('marathon');
		expect(await refusals('marathon', serviceLogFiles.marathon)).toEqual([
			'MARATHON_HOSTNAME is not set in /etc/default/marathon',
			'MARATHON_MASTER is not set in /etc/default/marathon',
			'MARATHON_ZK is not set in /etc/default/marathon',
		]);
	}, 2 * minute);

	it('starts ZooKeeper, the master, the agent and Marathon from the agent layout\'s files, all healthy', async () => {
		await rm('/etc/marathon', {recursive: true, force: true});
		await writeFile('/etc/default/marathon',
			'MARATHON_MASTER=zk://127.0.0.1:2181/mesos\nMARATHON_ZK=zk://127.0.0.1:2181/marathon\nMARATHON_HOSTNAME=127.0.0.1\n');
		await run('service', ['zookeeper', 'start'], {timeout: minute});
		await waitFor('ZooKeeper srvr to say Mode: standalone', async () => await zookeeperMode() === 'standalone' ? true : undefined, minute);
		for (const service of ['mesos-master', 'mesos-slave', 'marathon'] as const) await restart(service);

		const state = await waitFor('the agent and Marathon in /master/state', async () => {
			const current = await getJson<{version: string; slaves: Array<{hostname: string; version: string}>; frameworks: Array<{name: string; active: boolean}>}>(
				'http://127.0.0.1:5050/master/state');
			return current?.slaves.length === 1 && current.frameworks.some(framework => framework.active) ? current : undefined;
		}, minute).catch(async (error: unknown) => {
			throw new Error(`${String(error)}\n${await logTail(serviceLogFiles['mesos-slave'])}\n${await logTail(serviceLogFiles.marathon)}`);
		});
		expect(state).toMatchObject({version: '1.11.0', slaves: [{hostname: '127.0.0.1', version: '1.11.0'}], frameworks: [{name: 'marathon'}]});
		const info = await getJson<{version: string; marathon_config: {master: string}; zookeeper_config: {zk: string}}>('http://127.0.0.1:8080/v2/info');
		expect(info).toMatchObject({
			version: '1.10.26', marathon_config: {master: 'zk://127.0.0.1:2181/mesos'}, zookeeper_config: {zk: 'zk://127.0.0.1:2181/marathon'},
		});
		// Marathon 1.5+ gets its options from the environment: its command line is empty.
		expect(await runningCommandLine('marathon')).toEqual([]);
		const agent = await getJson<{flags: Record<string, string>}>('http://127.0.0.1:5051/state');
		expect(agent?.flags).toMatchObject({work_dir: '/var/lib/mesos', switch_user: 'false'});
	}, 3 * minute);

	it('restores the machine: packages purged, /etc/mesos-agent and /etc/default files as found', async () => {
		const report = await lab.restoreMachine();
		expect(report.purgedPackages.sort()).toEqual(['chronos', 'marathon', 'mesos']);
		expect(report.stoppedServices).toEqual(expect.arrayContaining(['marathon', 'mesos-slave', 'mesos-master', 'zookeeper']));
		for (const gone of ['/etc/mesos-agent', '/etc/default/mesos-agent', '/etc/default/marathon', keyring, '/usr/share/marathon']) {
			expect((await run('test', ['-e', gone])).exitCode, gone).not.toBe(0);
		}
	}, 3 * minute);
});
