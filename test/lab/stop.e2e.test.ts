// Stopping a setup while apt-get install downloads from a slow mirror (the lab's repository holding
// the package's bytes): in the wizard with q then y, and in setup --yes with Ctrl+C (SIGINT). What
// ran is ended with its whole process group, so no apt or dpkg process is left and no lock held;
// the step is recorded as stopped and nothing after it runs; the next start continues and finishes.
import {existsSync, readFileSync} from 'node:fs';
import {readdir} from 'node:fs/promises';
import {execa} from 'execa';
import {afterAll, afterEach, beforeAll, expect, it} from 'vitest';
import type {Facts} from '../../source/model/facts.js';
import type {Page} from '../../source/model/wizard-pages.js';
import {createSystem} from '../../source/system/system.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {acceptPage, pageShown} from '../wizard/walk.js';
import {aptProcesses, heldAptLocks} from './apt-at-rest.js';
import {startLab, type Lab} from './lab.js';
import {expectLabSetUp, type LabWizard, startLabWizard, startServices} from './lab-wizard.js';
import {cliPath, labSettings, mesosSetup, repoRoot, requireBuiltCli} from './mesos-setup-cli.js';
import {describeLab} from './require-lab.js';
import {waitFor} from '../helpers/wait-for.js';

const minute = 60_000;
// Long enough that apt-get install is still downloading when it is stopped.
const slowMirror = {debDelayMs: 10 * minute};

describeLab('stopping a setup during a slow apt-get install', () => {
	let lab: Lab;
	let facts: Facts;
	let session: TmuxSession | undefined;
	let slowed = false;

	beforeAll(async () => {
		requireBuiltCli();
		lab = await startLab();
		facts = (await createSystem()).facts;
	}, 10 * minute);

	afterEach(async () => {
		const notKilled: unknown = await session?.kill().catch((error: unknown) => error);
		session = undefined;
		if (slowed) await mirrorAtFullSpeed();
		await lab.restoreMachine();
		if (notKilled) throw notKilled;
	}, 5 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	async function slowMirrorOn(): Promise<void> {
		await lab.stopRepository();
		await lab.startRepository(slowMirror);
		slowed = true;
	}

	async function mirrorAtFullSpeed(): Promise<void> {
		await lab.stopRepository();
		await lab.startRepository();
		slowed = false;
	}

	// The repository log's length: what it says after this is about the run that starts now.
	const logFrom = (): number => readFileSync(lab.repositoryLog, 'utf8').length;

	// The repository has begun to hold the package: apt-get install is mid-download. If it never
	// does, the error shows what the repository was asked and what the program said.
	async function downloading(from: number, said: () => Promise<string>): Promise<void> {
		try {
			await waitFor('apt-get install to ask for the package', () => (/holding \S+\.deb/.test(readFileSync(lab.repositoryLog, 'utf8').slice(from)) ? true : undefined), 3 * minute);
		} catch (error) {
			throw new Error(`${(error as Error).message}\nthe repository was asked:\n${readFileSync(lab.repositoryLog, 'utf8').slice(from)}\nthe program said:\n${await said()}`, {cause: error});
		}
	}

	async function expectAptAtRestAndInstallStopped(): Promise<void> {
		expect(aptProcesses()).toEqual([]);
		expect(heldAptLocks()).toEqual([]);
		const state = JSON.parse(readFileSync('/var/lib/mesos-setup/state.json', 'utf8')) as {progress?: {completed: string[]; stoppedAt?: string; finished: boolean}};
		expect(state.progress).toMatchObject({completed: ['preflight', 'key', 'repository'], stoppedAt: 'install', finished: false});
		// Nothing after it: the run's log ends in the install step, and the package is not there.
		const logs = await readdir('/var/log/mesos-setup');
		expect(logs).toHaveLength(1);
		const log = readFileSync(`/var/log/mesos-setup/${logs[0]}`, 'utf8');
		expect(log).toContain('== Install');
		expect(log).toMatch(/stopped .*apt-get install -y mesosphere/);
		expect(log).not.toContain('== Service overrides');
		expect(existsSync('/etc/mesos/zk')).toBe(false);
		const {stdout} = await execa('dpkg-query', ['-W', '-f=${Status}', 'mesosphere'], {reject: false});
		expect(stdout).not.toContain('install ok installed');
	}

	async function startWizard(): Promise<LabWizard> {
		const wizard = await startLabWizard(lab, facts, 'lab-stop');
		session = wizard.session;
		return wizard;
	}

	it('q then y in the wizard stops apt-get install, leaves apt at rest, and the next start continues at Install and finishes', async () => {
		await slowMirrorOn();
		const from = logFrom();
		const first = await startWizard();
		const install = first.pages.findIndex(page => page.id === 'install');
		// Up to the summary, whose Enter starts the run; it reaches the install by itself.
		for (const page of first.pages.slice(0, install)) await acceptPage(first.screen, page);
		await first.session.waitFor(pageShown(first.pages[install] as Page), 3 * minute);
		await downloading(from, () => first.session.capture());
		await first.session.key('q');
		const asked = await first.session.waitFor('(y/n)');
		expect(asked.replaceAll(/\s+/g, ' ')).toContain('Install is stopped: what it runs is ended, the step is recorded as stopped, not done, and nothing after it runs.');
		await first.session.key('y');
		expect(await first.session.waitForExit(minute)).toBe(130);
		await expectAptAtRestAndInstallStopped();
		await first.session.kill();

		await mirrorAtFullSpeed();
		const second = await startWizard();
		await second.session.waitFor('A setup here stopped at “Install”.', minute);
		await second.session.key('Enter');
		// The settings and the summary, then the run from the install on.
		for (const page of second.pages.filter((p, index) => p.kind === 'settings' || p.kind === 'summary' || index >= install)) {
			if (page.kind === 'services') {
				await startServices(second);
				continue;
			}
			await acceptPage(second.screen, page);
		}
		expect(await second.session.waitForExit(minute)).toBe(0);
		await expectLabSetUp(lab);
	}, 20 * minute);

	it('Ctrl+C (SIGINT) in setup --yes stops apt-get install, exits 130 with apt at rest, and the same command finishes after', async () => {
		await slowMirrorOn();
		const from = logFrom();
		const child = execa(process.execPath, [cliPath, 'setup', '--yes', ...labSettings(lab)], {reject: false, all: true, stdin: 'ignore', cwd: repoRoot, env: {CI: 'false', NO_COLOR: '1'}});
		let said = '';
		child.all?.on('data', (chunk: Buffer) => {
			said += chunk.toString('utf8');
		});
		await downloading(from, async () => said);
		child.kill('SIGINT');
		const stopped = await child;
		expect(stopped.exitCode, stopped.all).toBe(130);
		expect(stopped.stdout, stopped.stderr).toMatch(/^stopped +“apt-get install -y mesosphere” was stopped before it finished$/m);
		expect(stopped.stderr).toContain('Stopped at Install: it is recorded as stopped, not done, and nothing after it ran.');
		await expectAptAtRestAndInstallStopped();

		await mirrorAtFullSpeed();
		const again = await mesosSetup(['setup', '--yes', ...labSettings(lab)]);
		expect(again.exitCode, again.all).toBe(0);
		expect(again.stdout).toMatch(/^ran +apt-get install -y mesosphere$/m);
		await expectLabSetUp(lab);
	}, 20 * minute);
});
