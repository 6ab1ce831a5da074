// End to end: the built CLI, as root, against the real apt, gpg, service and ZooKeeper, with the
// lab standing in for the Mesosphere repository and key server. Nothing in source/ knows the lab:
// only the repository URL, key server and key fingerprint settings point at it.
import {existsSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {execa} from 'execa';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {articleFiles} from './article-configuration.js';
import {listProcesses} from './lab-processes.js';
import {startLab, type Lab} from './lab.js';
import {describeLab} from './require-lab.js';
import {openTerminal} from './tmux-terminal.js';
import {waitFor} from './wait-for.js';
import {zookeeperMode} from './zookeeper-four-letter.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// MESOS_SETUP_CLI runs another build of the CLI through the same tests.
const cli = process.env.MESOS_SETUP_CLI ?? path.join(repoRoot, 'dist/cli.js');
const minute = 60_000;
const sourceList = '/etc/apt/sources.list.d/mesosphere.list';

type MasterState = {leader?: string; slaves: Array<{hostname: string; active: boolean}>; frameworks: Array<{name: string; active: boolean}>};
type StatusJson = {healthy: boolean; services: Array<{name: string; healthy: boolean; detail: string}>};

async function masterState(): Promise<MasterState | undefined> {
	const response = await fetch('http://127.0.0.1:5050/master/state', {signal: AbortSignal.timeout(3000)});
	return response.ok ? await response.json() as MasterState : undefined;
}

/** The CLI with no terminal, as CI and scripts run it. */
const mesosSetup = (args: string[], timeout = 10 * minute) =>
	execa(process.execPath, [cli, ...args], {reject: false, all: true, timeout, stdin: 'ignore', cwd: repoRoot, env: {CI: 'false'}});

/** Whether apt trusts the fingerprint: through the source list's signed-by keyring, or apt-key's global one. */
async function aptTrusts(fingerprint: string): Promise<boolean> {
	const signedBy = /signed-by=([^\]\s]+)/.exec(readFileSync(sourceList, 'utf8'))?.[1];
	const keyring = signedBy ?? '/etc/apt/trusted.gpg';
	const shown = await execa('gpg', ['--batch', '--with-colons', '--show-keys', keyring], {reject: false});
	return shown.stdout.includes(`fpr:::::::::${fingerprint}:`);
}

describeLab('mesos-setup setup --yes against the lab', () => {
	let lab: Lab;
	let labSettings: string[];

	beforeAll(async () => {
		if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build (npm run test:lab does it first)`);
		lab = await startLab();
		labSettings = ['--set', `repo.url=${lab.repoUrl}`, '--set', `repo.keyserver=${lab.keyserver}`, '--set', `repo.key=${lab.fingerprint}`];
	}, 10 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	it('sets the machine up in a terminal: key, source list, packages, /etc files, services healthy', async () => {
		const terminal = await openTerminal([process.execPath, cli, 'setup', '--yes', ...labSettings], {cwd: repoRoot, env: {CI: 'false'}});
		try {
			const exitCode = await terminal.waitForExit(10 * minute);
			const screen = await terminal.screen();
			expect(exitCode, screen).toBe(0);
			expect(screen).toMatch(/^Done: /m);
		} finally {
			await terminal.close();
		}

		expect(await aptTrusts(lab.fingerprint)).toBe(true);
		const {distro, codename} = lab.distribution;
		expect(readFileSync(sourceList, 'utf8')).toMatch(new RegExp(`^deb (\\[[^\\]]*\\] )?${lab.repoUrl}/${distro} ${codename} main$`, 'm'));
		const query = await execa('dpkg-query', ['-W', '-f=${Package} ${Status}\n', 'mesosphere', 'zookeeperd']);
		expect(query.stdout).toContain('mesosphere install ok installed');
		expect(query.stdout).toContain('zookeeperd install ok installed');
		for (const [file, content] of Object.entries(articleFiles)) expect(readFileSync(file, 'utf8'), file).toBe(content);

		expect(await waitFor('ZooKeeper srvr Mode: standalone', async () => await zookeeperMode() ?? undefined)).toBe('standalone');
		const state = await waitFor('the agent and marathon registered with the master', async () => {
			const current = await masterState();
			return current?.slaves.some(slave => slave.active) && current.frameworks.some(f => f.name === 'marathon' && f.active) ? current : undefined;
		});
		expect(state.slaves.map(slave => slave.hostname)).toEqual(['127.0.0.1']);
		expect(await (await fetch('http://127.0.0.1:8080/ping')).text()).toBe('pong');
	}, 15 * minute);

	it('reports every service healthy with status --once --json', async () => {
		const result = await mesosSetup(['status', '--once', '--json'], minute);
		expect(result.exitCode, result.all).toBe(0);
		const status = JSON.parse(result.stdout) as StatusJson;
		expect(status.healthy).toBe(true);
		expect(status.services.filter(service => !service.healthy)).toEqual([]);
		expect(status.services.map(service => service.name)).toEqual(expect.arrayContaining(['zookeeper', 'mesos-master', 'mesos-slave', 'marathon']));
	}, 2 * minute);

	it('changes nothing on a second setup --yes without a terminal', async () => {
		const before = Object.keys(articleFiles).map(file => statSync(file).mtimeMs);
		const result = await mesosSetup(['setup', '--yes', ...labSettings]);
		expect(result.exitCode, result.all).toBe(0);
		expect(result.stdout).toContain('Nothing changed');
		expect(Object.keys(articleFiles).map(file => statSync(file).mtimeMs)).toEqual(before);
	}, 10 * minute);

	it('edits slave.hostname, restarts the agent, and the master shows the new hostname', async () => {
		const result = await mesosSetup(['edit', 'slave.hostname', 'lab-node-2', '--yes'], 2 * minute);
		expect(result.exitCode, result.all).toBe(0);
		expect(readFileSync('/etc/mesos-slave/hostname', 'utf8')).toBe('lab-node-2\n');
		const slaves = await waitFor('lab-node-2 in /master/state', async () => {
			const current = await masterState();
			return current?.slaves.some(slave => slave.hostname === 'lab-node-2') ? current.slaves : undefined;
		});
		expect(slaves.map(slave => slave.hostname)).toEqual(['lab-node-2']);
	}, 3 * minute);

	it('puts the edited file back with undo', async () => {
		const result = await mesosSetup(['undo'], 2 * minute);
		expect(result.exitCode, result.all).toBe(0);
		expect(readFileSync('/etc/mesos-slave/hostname', 'utf8')).toBe('127.0.0.1\n');
	}, 3 * minute);

	it('leaves the machine as found once the lab restores it', async () => {
		const report = await lab.restoreMachine();
		expect(report.purged).toBe(true);
		expect(existsSync(sourceList)).toBe(false);
		expect(existsSync('/etc/mesos')).toBe(false);
		const leftovers = listProcesses().filter(entry => entry.state !== 'Z'
			&& (entry.command.includes('/usr/lib/mesosphere-lab/') || entry.command.includes('org.apache.zookeeper.server')));
		expect(leftovers).toEqual([]);
	}, 3 * minute);
});
