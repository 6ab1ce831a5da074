// End to end in a real terminal: the built CLI's wizard, as root in tmux (120×40), against the real
// apt, gpg, service and ZooKeeper, with --set pointing the repository settings at the lab. Every
// screen is accepted as shown, waiting for each screen before pressing a key, one key at a time.
import {afterAll, afterEach, beforeAll, expect, it} from 'vitest';
import type {Facts} from '../../source/model/facts.js';
import type {Page} from '../../source/model/wizard-pages.js';
import {createSystem} from '../../source/system/system.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {acceptPage, type Screen} from '../wizard/walk.js';
import {startLab, type Lab} from './lab.js';
import {expectLabSetUp, startLabWizard, startServices as startServicesPage} from './lab-wizard.js';
import {requireBuiltCli} from './mesos-setup-cli.js';
import {describeLab} from './require-lab.js';

const minute = 60_000;

describeLab('the setup wizard in a terminal against the lab', () => {
	let lab: Lab;
	let facts: Facts;
	let session: TmuxSession | undefined;
	let repositoryStopped = false;

	beforeAll(async () => {
		requireBuiltCli();
		lab = await startLab();
		// The pages the wizard will show, from the same plan and the same machine facts it reads.
		facts = (await createSystem()).facts;
	}, 10 * minute);

	afterEach(async () => {
		// The machine is restored even if the session did not end cleanly; that fails the test after.
		const notKilled: unknown = await session?.kill().catch((error: unknown) => error);
		session = undefined;
		if (repositoryStopped) await lab.startRepository();
		repositoryStopped = false;
		await lab.restoreMachine();
		if (notKilled) throw notKilled;
	}, 5 * minute);

	afterAll(async () => {
		await lab?.stop();
	}, 5 * minute);

	async function startWizard(): Promise<{session: TmuxSession; screen: Screen; pages: Page[]}> {
		const wizard = await startLabWizard(lab, facts, 'lab-wizard');
		session = wizard.session;
		return wizard;
	}

	const startServices = (started: TmuxSession, screen: Screen) => startServicesPage({session: started, screen});
	const expectMachineSetUp = () => expectLabSetUp(lab);

	it('accepts the defaults on every screen, and the service panes turn healthy', async () => {
		const {session: started, screen, pages} = await startWizard();
		const welcome = await started.waitFor('Press Enter to begin', minute);
		expect(welcome).toContain('running as root');
		for (const page of pages) {
			if (page.kind === 'services') {
				await startServices(started, screen);
				continue;
			}
			if (page.kind === 'done') {
				const done = await started.waitFor('Press Enter to exit');
				expect(done).toContain('✔ The setup is complete.');
				expect(done).toContain('Mesos master: http://127.0.0.1:5050');
			}
			await acceptPage(screen, page);
		}
		expect(await started.waitForExit(minute)).toBe(0);
		await expectMachineSetUp();
	}, 15 * minute);

	it('offers retry when the repository is down at install, and finishes once it is back', async () => {
		await lab.stopRepository();
		repositoryStopped = true;
		const {session: started, screen, pages} = await startWizard();
		for (const page of pages) {
			if (page.id === 'install') {
				// The run reaches it from the summary without a key.
				const failed = await started.waitFor('r retries it', 3 * minute);
				expect(failed).toContain('✖ Install');
				// At 120 columns the address wraps onto the next row, beside the step list.
				expect(failed).toContain('apt-get -y update could not fetch');
				expect(failed).toContain(`${lab.repoUrl}/debian/dists/`);
				await lab.startRepository();
				repositoryStopped = false;
				await started.key('r');
				continue;
			}
			if (page.kind === 'services') {
				await startServices(started, screen);
				continue;
			}
			await acceptPage(screen, page);
		}
		expect(await started.waitForExit(minute)).toBe(0);
		await expectMachineSetUp();
	}, 15 * minute);
});
