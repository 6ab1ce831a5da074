// Proves the lab's `mesosphere` packages by hand, without mesos-setup: both init systems' files,
// and that the daemons get exactly the command line the packaged mesos-init-wrapper and Marathon
// start script build from real files, refusing a bad value with the file it came from.
import {readFileSync} from 'node:fs';
import {mkdir, rm, unlink, writeFile} from 'node:fs/promises';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {writeArticleConfiguration} from './article-configuration.js';
import {installedVersions, refusals, run, runningCommandLine} from './by-hand.js';
import {serviceLogFiles, startLab, standinServices, type Lab} from './lab.js';
import {pidFromFile} from './lab-processes.js';
import {describeLab} from './require-lab.js';

const minute = 60_000;

async function restart(service: string): Promise<void> {
	await run('service', [service, 'stop'], {timeout: minute});
	await writeFile(serviceLogFiles[service as keyof typeof serviceLogFiles], '');
	const started = await run('service', [service, 'start'], {timeout: minute});
	expect(started.exitCode, started.all).toBe(0);
}

describeLab('the lab\'s mesosphere packages, by hand', () => {
	let lab: Lab;

	beforeAll(async () => {
		lab = await startLab();
		await writeFile('/etc/apt/sources.list.d/mesosphere.list',
			`deb [signed-by=${lab.binaryKeyPath}] ${lab.repoUrl}/${lab.distribution.distro} ${lab.distribution.codename} main\n`);
		const updated = await run('apt-get', ['update', '-o', 'Dir::Etc::sourcelist=/etc/apt/sources.list.d/mesosphere.list',
			'-o', 'Dir::Etc::sourceparts=-', '-o', 'APT::Get::List-Cleanup=0']);
		expect(updated.exitCode, updated.all).toBe(0);
		const installed = await run('apt-get', ['install', '-y', 'mesosphere'], {timeout: 10 * minute});
		expect(installed.exitCode, installed.all).toBe(0);
	}, 15 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	it('installs mesos, marathon and chronos as separate packages whose versions say which layout they read', async () => {
		expect(await installedVersions(['mesosphere', 'mesos', 'marathon', 'chronos'])).toEqual({
			mesosphere: '0.1.0-lab1', mesos: '1.4.3-lab1', marathon: '1.4.13-lab1', chronos: '2.5.1-lab1',
		});
		expect(lab.packages.layout).toEqual({agent: '/etc/mesos-slave', marathon: '/etc/marathon/conf'});
		const older = await run('dpkg', ['--compare-versions', '1.4.13-lab1', 'lt', '1.5']);
		expect(older.exitCode).toBe(0);
	});

	it('ships a sysv script and a systemd unit per service, and systemd-analyze verify accepts every unit', async () => {
		const units = standinServices.map(service => `/lib/systemd/system/${service}.service`);
		const verified = await run('systemd-analyze', ['verify', ...units]);
		expect(verified.exitCode, verified.all).toBe(0);
		expect(verified.all).toBe('');
		expect(readFileSync('/lib/systemd/system/mesos-slave.service', 'utf8')).toContain('ExecStart=/usr/bin/mesos-init-wrapper slave\n');
		expect(readFileSync('/lib/systemd/system/marathon.service', 'utf8')).toContain('ExecStart=/usr/bin/marathon\n');
		for (const service of standinServices) {
			const listed = await run('/etc/init.d/' + service, ['status']);
			expect(listed.exitCode, `${service} status before start`).not.toBe(0);
		}
		// Enabled at install, as debhelper's postinst does: `systemctl disable` is the way to say manual.
		const enabled = await run('systemctl', ['is-enabled', 'mesos-master.service']);
		expect(enabled.stdout.trim()).toBe('enabled');
	});

	it('gives the agent exactly the command line mesos-init-wrapper builds from real files', async () => {
		await writeArticleConfiguration();
		await writeFile('/etc/default/mesos-slave', 'MASTER=`cat /etc/mesos/zk`\nISOLATION=posix/cpu,posix/mem\n');
		await writeFile('/etc/mesos-slave/?no-switch_user', '');
		await mkdir('/etc/mesos-slave/attributes', {recursive: true});
		await writeFile('/etc/mesos-slave/attributes/rack', 'north\n');
		await writeFile('/etc/mesos-slave/attributes/os', 'debian\n');
		await writeFile('/etc/mesos-slave/.hidden', 'skipped: the glob has no dot files\n');
		await restart('mesos-slave');
		// Variables first (MASTER, LOGS, ISOLATION), then the folder in glob order, then attributes.
		expect(await runningCommandLine('mesos-slave')).toEqual([
			'--master=zk://127.0.0.1:2181/mesos', '--log_dir=/var/log/mesos', '--isolation=posix/cpu,posix/mem',
			'--no-switch_user', '--containerizers=mesos', '--executor_registration_timeout=5mins', '--hostname=127.0.0.1',
			'--ip=127.0.0.1', '--attributes=os:debian;rack:north',
		]);
		// ULIMIT="-n 8192" from /etc/default/mesos, applied by the wrapper before it execs the daemon.
		const limits = readFileSync(`/proc/${pidFromFile('/run/mesos-slave.pid')}/limits`, 'utf8');
		expect(limits).toMatch(/^Max open files\s+8192\s+8192/m);
	}, 2 * minute);

	it('gives the master its flags from ZK and PORT and /etc/mesos-master/, and Marathon --name value pairs from /etc/marathon/conf', async () => {
		await restart('mesos-master');
		expect(await runningCommandLine('mesos-master')).toEqual([
			'--zk=zk://127.0.0.1:2181/mesos', '--port=5050', '--log_dir=/var/log/mesos', '--quorum=1', '--work_dir=/var/lib/mesos',
		]);
		await restart('marathon');
		const marathon = await runningCommandLine('marathon');
		// The start script lists /etc/marathon/conf with find (directory order): compare the pairs.
		const pairs = Array.from({length: marathon.length / 2}, (_, index) => `${marathon[index * 2]} ${marathon[index * 2 + 1]}`);
		expect(pairs.sort()).toEqual(['--hostname 127.0.0.1', '--master zk://127.0.0.1:2181/mesos', '--zk zk://127.0.0.1:2181/marathon']);
	}, 2 * minute);

	it('has the start script default --zk and --master from /etc/mesos/zk, as the article-era one did', async () => {
		await unlink('/etc/marathon/conf/zk');
		await unlink('/etc/marathon/conf/master');
		await writeFile('/etc/mesos/zk', 'zk://127.0.0.1:2181,localhost:2181/mesos\n');
		await restart('marathon');
		// The stand-in still refuses (the lab wants the files the article writes), naming them.
		expect(await refusals('marathon', serviceLogFiles.marathon)).toEqual([
			'/etc/marathon/conf/master is missing', '/etc/marathon/conf/zk is missing',
		]);
		const log = readFileSync(serviceLogFiles.marathon, 'utf8');
		const commandLine = JSON.parse(/Command line: (.*)$/m.exec(log)?.[1] ?? '[]') as string[];
		expect(commandLine.slice(-4)).toEqual(['--zk', 'zk://127.0.0.1:2181,localhost:2181/marathon', '--master', 'zk://127.0.0.1:2181,localhost:2181/mesos']);
		await writeArticleConfiguration();
	}, 2 * minute);

	it('refuses a bad value naming the file or variable the wrapper took it from', async () => {
		await run('service', ['mesos-slave', 'stop'], {timeout: minute});
		await unlink('/etc/mesos-slave/ip');
		await writeFile('/etc/default/mesos-slave', 'MASTER=`cat /etc/mesos/zk`\nIP=10.0.0.300\n');
		await writeFile('/etc/mesos-slave/?bogus_flag', '');
		await writeFile('/etc/mesos-slave/hostname', 'not a hostname\n');
		await restart('mesos-slave');
		expect(await refusals('mesos-slave', serviceLogFiles['mesos-slave'])).toEqual([
			'unknown flag \'--bogus_flag\' from /etc/mesos-slave/?bogus_flag',
			'IP in /etc/default/mesos-slave holds \'10.0.0.300\': not an IPv4 address',
			'/etc/mesos-slave/hostname holds \'not a hostname\': not a hostname or IP address',
		]);
	}, 2 * minute);

	it('refuses a flag given twice, naming both places, as the real daemon refuses a duplicate', async () => {
		await rm('/etc/mesos-slave/?bogus_flag');
		await writeArticleConfiguration();
		await writeFile('/etc/default/mesos-slave', 'MASTER=`cat /etc/mesos/zk`\nIP=127.0.0.1\n');
		await restart('mesos-slave');
		expect(await refusals('mesos-slave', serviceLogFiles['mesos-slave'])).toEqual([
			'duplicate flag \'--ip\': /etc/mesos-slave/ip and IP in /etc/default/mesos-slave',
		]);
	}, 2 * minute);

	it('restores the machine: every lab package purged, units and init links gone', async () => {
		const report = await lab.restoreMachine();
		expect(report.purgedPackages.sort()).toEqual(['chronos', 'marathon', 'mesos', 'mesosphere']);
		expect((await installedVersions(['mesos', 'marathon', 'chronos', 'mesosphere']))).toEqual({});
		const enabled = await run('systemctl', ['is-enabled', 'mesos-master.service']);
		expect(enabled.exitCode).not.toBe(0);
	}, 3 * minute);
});
