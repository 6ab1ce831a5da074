// The built CLI's wizard in a real terminal (tmux, 120×40, CI=false, NO_COLOR) against the lab, and
// what the lab's wizard tests check once it is done. apt and the services take longer than a
// sandbox's screens, so the waits are minutes.
import {readFileSync} from 'node:fs';
import {expect} from 'vitest';
import type {Facts} from '../../source/model/facts.js';
import type {Page} from '../../source/model/wizard-pages.js';
import {TmuxSession} from '../helpers/tmux.js';
import {pagesFor, type Screen} from '../wizard/walk.js';
import {fingerprintsIn, keyring} from './apt-trust.js';
import {articleFiles} from './article-configuration.js';
import {registeredCluster} from './cluster-state.js';
import type {Lab} from './lab.js';
import {cliPath, labSettings, repoRoot} from './mesos-setup-cli.js';
import {waitFor} from '../helpers/wait-for.js';

const minute = 60_000;
const services = ['zookeeper', 'mesos-master', 'mesos-slave', 'marathon'];

export type LabWizard = {session: TmuxSession; screen: Screen; pages: Page[]};

/** `mesos-setup setup` pointed at the lab, once its welcome is drawn; the pages it will show. */
export async function startLabWizard(lab: Lab, facts: Facts, name: string): Promise<LabWizard> {
	const answers = {'repo.url': lab.repoUrl, 'repo.keyserver': lab.keyserver, 'repo.key': lab.fingerprint};
	const session = await TmuxSession.start({
		name: `${name}-${process.pid}-${Date.now()}`,
		command: [process.execPath, cliPath, 'setup', ...labSettings(lab)],
		cwd: repoRoot,
		// Ink draws its live screen only where it does not think it runs in CI.
		env: {CI: 'false', NO_COLOR: '1'},
		keysTimeoutMs: minute,
	});
	await session.waitFor('▸ Welcome', minute);
	const screen: Screen = {waitFor: text => session.waitFor(text, 3 * minute), enter: () => session.key('Enter')};
	return {session, screen, pages: pagesFor(facts, answers)};
}

/** The services page, reached by the run without a key: every pane turns healthy, then Enter finishes. */
export async function startServices({session, screen}: Pick<LabWizard, 'session' | 'screen'>): Promise<string> {
	const panes = await session.waitFor('Press Enter to finish', 4 * minute);
	for (const service of services) expect(panes).toMatch(new RegExp(`✔ ${service} healthy`));
	await screen.enter();
	return panes;
}

/** The key trusted, the article's files written, and the agent and Marathon registered with the master. */
export async function expectLabSetUp(lab: Lab): Promise<void> {
	expect(await fingerprintsIn(keyring)).toEqual([lab.fingerprint]);
	for (const [file, content] of Object.entries(articleFiles)) expect(readFileSync(file, 'utf8'), file).toBe(content);
	const state = await waitFor('the agent and Marathon registered with the master', registeredCluster, 3 * minute);
	expect(state.slaves.map(slave => slave.hostname)).toEqual(['127.0.0.1']);
}
