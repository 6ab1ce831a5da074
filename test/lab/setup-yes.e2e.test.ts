// End to end: the built CLI, as root, with no terminal, against the real apt, gpg, service and
// ZooKeeper, with the lab standing in for the Mesosphere repository and key server. Nothing in
// source/ knows the lab: only the repo.url, repo.keyserver and repo.key settings point at it.
// The key is trusted the default way here (on Debian 12: a keyring with signed-by); the apt-key
// way has its own file.
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {execa} from 'execa';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {aptKeyring, fingerprintsIn, keyring, sha256, sourceList} from './apt-trust.js';
import {articleFiles} from './article-configuration.js';
import {marathonPing, masterState, registeredCluster} from './cluster-state.js';
import {listProcesses} from './lab-processes.js';
import {startLab, type Lab} from './lab.js';
import {shippedConfiguration} from './mesosphere-package.js';
import {labSettings, mesosSetup, requireBuiltCli, type CliRun} from './mesos-setup-cli.js';
import {describeLab} from './require-lab.js';
import {waitFor} from '../helpers/wait-for.js';
import {zookeeperMode} from './zookeeper-four-letter.js';

const minute = 60_000;
const zooCfg = '/etc/zookeeper/conf/zoo.cfg';
const zookeeperLog = '/var/log/zookeeper/zookeeper.log';
// The services the article keeps manual: no S link in any runlevel after the overrides step.
const manualServices = ['chronos', 'zookeeper', 'marathon', 'mesos-master', 'mesos-slave'];

type StatusJson = {healthy: boolean; services: Array<{name: string; healthy: boolean; detail: string}>};

/** The files a run's plain output says it wrote: the keyring ("… saved to <file>") and every "wrote <file>". */
const filesWritten = (run: CliRun) => [...run.stdout.matchAll(/^wrote +(?:key \S+ checked and saved to )?(\/\S+)$/gm)].map(match => match[1] ?? '');

const startLinks = (service: string) => readdirSync('/etc').filter(dir => /^rc[0-6S]\.d$/.test(dir))
	.flatMap(dir => readdirSync(`/etc/${dir}`).filter(name => new RegExp(`^S\\d\\d${service}$`).test(name)).map(name => `/etc/${dir}/${name}`));

describeLab('mesos-setup setup --yes against the lab (key in a keyring with signed-by)', () => {
	let lab: Lab;
	let settings: string[];
	let firstRun: CliRun;
	// Each path the setup wrote, as it was before: its sha256, or 'absent'.
	const before = new Map<string, string>();
	let trustedBefore: string;

	beforeAll(async () => {
		requireBuiltCli();
		lab = await startLab();
		settings = labSettings(lab);
		// Read after startLab: the lab's lock keeps other labs off the machine from here on.
		trustedBefore = sha256(aptKeyring);
		for (const file of [...Object.keys(articleFiles), zooCfg, '/etc/zookeeper/conf/environment', '/etc/zookeeper/conf/simplelogger.properties', keyring, sourceList]) {
			before.set(file, sha256(file));
		}
	}, 10 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	it('imports and checks the key, writes the source list, installs, writes /etc and starts every service healthy', async () => {
		firstRun = await mesosSetup(['setup', '--yes', ...settings]);
		expect(firstRun.exitCode, firstRun.all).toBe(0);
		expect(firstRun.stdout).toMatch(/^Done: /m);

		// The key: fetched from the lab's key server, its full fingerprint checked, kept for this repository only.
		expect(firstRun.stdout).toContain(`key ${lab.fingerprint} checked and saved to ${keyring}`);
		expect(await fingerprintsIn(keyring)).toEqual([lab.fingerprint]);
		expect(sha256(aptKeyring), 'apt-key\'s keyring is left alone').toBe(trustedBefore);
		const {distro, codename} = lab.distribution;
		expect(readFileSync(sourceList, 'utf8')).toBe(`deb [signed-by=${keyring}] ${lab.repoUrl}/${distro} ${codename} main\n`);

		// apt-get update and install pulled the lab's package and Debian's zookeeperd.
		const query = await execa('dpkg-query', ['-W', '-f=${Package} ${Version} ${Status}\n', 'mesosphere', 'zookeeperd']);
		expect(query.stdout).toContain('mesosphere 0.1.0-lab1 install ok installed');
		expect(query.stdout).toMatch(/^zookeeperd \S+ install ok installed$/m);
		for (const service of manualServices) expect(startLinks(service), `${service} starts at boot`).toEqual([]);

		// The article's files, byte for byte, and zoo.cfg edited in place with what ZooKeeper 3.8 needs.
		for (const [file, content] of Object.entries(articleFiles)) expect(readFileSync(file, 'utf8'), file).toBe(content);
		const zoo = readFileSync(zooCfg, 'utf8');
		for (const line of ['dataDir=/var/lib/zookeeper', 'server.1=127.0.0.1:2888:3888', 'admin.enableServer=false', '4lw.commands.whitelist=ruok,srvr,mntr,stat']) {
			expect(zoo.split('\n'), zooCfg).toContain(line);
		}
		expect(zoo, 'the comments of Debian\'s zoo.cfg stay').toContain('# the port at which the clients will connect');
		// Debian 12's ZooKeeper gets a logging binding, so its start can be read.
		expect(readFileSync('/etc/zookeeper/conf/environment', 'utf8')).toMatch(/^CLASSPATH=.*slf4j-simple\.jar/m);
		expect(readFileSync(zookeeperLog, 'utf8')).toMatch(/binding to port .*2181/);

		// Healthy the way a person would check: ZooKeeper's srvr, the master's state, Marathon's ping.
		expect(firstRun.stdout).toMatch(/^healthy +zookeeper: Mode: standalone$/m);
		expect(await zookeeperMode()).toBe('standalone');
		const state = await waitFor('the agent and Marathon registered with the master', registeredCluster);
		expect(state.leader).toBe('master@127.0.0.1:5050');
		expect(state.slaves.map(slave => slave.hostname)).toEqual(['127.0.0.1']);
		expect(await marathonPing()).toBe('pong');
	}, 15 * minute);

	it('reports every service healthy with status --once --json', async () => {
		const result = await mesosSetup(['status', '--once', '--json'], minute);
		expect(result.exitCode, result.all).toBe(0);
		const status = JSON.parse(result.stdout) as StatusJson;
		expect(status.services.filter(service => !service.healthy)).toEqual([]);
		expect(status.healthy).toBe(true);
		expect(status.services.map(service => service.name)).toEqual(expect.arrayContaining(['zookeeper', 'mesos-master', 'mesos-slave', 'marathon']));
	}, 2 * minute);

	it('changes nothing on a second setup --yes without a terminal', async () => {
		const written = filesWritten(firstRun);
		const mtimes = () => written.map(file => `${file} ${statSync(file).mtimeMs}`);
		const mtimesBefore = mtimes();
		const result = await mesosSetup(['setup', '--yes', ...settings]);
		expect(result.exitCode, result.all).toBe(0);
		expect(result.stdout).toContain('Nothing changed');
		expect(result.stdout).not.toMatch(/^wrote /m);
		expect(result.stdout).toMatch(new RegExp(`^unchanged +key ${lab.fingerprint} checked`, 'm'));
		for (const service of ['zookeeper', 'mesos-master', 'mesos-slave', 'marathon']) {
			expect(result.stdout).toMatch(new RegExp(`^unchanged +${service} is already running and healthy`, 'm'));
		}
		expect(mtimes()).toEqual(mtimesBefore);
	}, 10 * minute);

	it('edits slave.hostname, restarts only the agent, and the master shows the new hostname', async () => {
		const masterPid = readFileSync('/run/mesos-master.pid', 'utf8').trim();
		const result = await mesosSetup(['edit', 'slave.hostname', 'lab-node-2', '--yes'], 3 * minute);
		expect(result.exitCode, result.all).toBe(0);
		expect(readFileSync('/etc/mesos-slave/hostname', 'utf8')).toBe('lab-node-2\n');
		const slaves = await waitFor('lab-node-2 in /master/state', async () => {
			const current = await masterState();
			return current?.slaves.some(slave => slave.hostname === 'lab-node-2' && slave.active) ? current.slaves : undefined;
		});
		expect(slaves.map(slave => slave.hostname)).toEqual(['lab-node-2']);
		expect(readFileSync('/run/mesos-master.pid', 'utf8').trim(), 'the master was not restarted').toBe(masterPid);
	}, 3 * minute);

	it('puts the edited file back with undo', async () => {
		const result = await mesosSetup(['undo', '--yes'], 2 * minute);
		expect(result.exitCode, result.all).toBe(0);
		expect(result.stdout).toMatch(/^restored +\/etc\/mesos-slave\/hostname$/m);
		expect(readFileSync('/etc/mesos-slave/hostname', 'utf8')).toBe('127.0.0.1\n');
		// The agent still runs with lab-node-2 until it is restarted: undo says so and prints the command.
		expect(result.stdout).toContain('Running services are not stopped');
		expect(result.stdout).toMatch(/^ {2}sudo service mesos-slave restart$/m);
	}, 3 * minute);

	it('puts back every file the setup wrote with a second undo', async () => {
		const result = await mesosSetup(['undo', '--yes'], 2 * minute);
		expect(result.exitCode, result.all).toBe(0);
		const written = filesWritten(firstRun);
		expect(written).toEqual(expect.arrayContaining([keyring, sourceList, zooCfg, '/etc/mesos-slave/hostname']));
		for (const file of written) {
			const shipped = shippedConfiguration[file.slice(1)];
			// A file the package brought in the same run goes back to the package's version.
			const expected = before.get(file) !== 'absent' ? before.get(file) : shipped === undefined ? 'absent' : sha256OfText(shipped);
			expect(sha256(file), file).toBe(expected);
		}
	}, 3 * minute);

	it('leaves the machine as found once the lab restores it', async () => {
		const report = await lab.restoreMachine();
		expect(report.purged).toBe(true);
		expect(report.stoppedServices).toEqual(expect.arrayContaining(['zookeeper', 'mesos-master', 'mesos-slave', 'marathon']));
		expect(existsSync(sourceList)).toBe(false);
		expect(existsSync(keyring)).toBe(false);
		expect(existsSync('/etc/mesos')).toBe(false);
		for (const [file, sha] of before) expect(sha256(file), file).toBe(sha);
		const leftovers = listProcesses().filter(entry => entry.state !== 'Z'
			&& (entry.command.includes('/usr/lib/mesosphere-lab/') || entry.command.includes('org.apache.zookeeper.server')));
		expect(leftovers).toEqual([]);
	}, 3 * minute);
});

function sha256OfText(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}
