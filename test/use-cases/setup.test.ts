// The setup use case on a machine faked by the test (commands and probes answered by it): a stop
// ends the step under way, records it as stopped and runs nothing after it; the journal stays
// whole; the answers undo goes back to are those from before the run, whatever the run saved.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runSetupYes} from '../../source/commands/setup-yes.js';
import type {RunOptions, RunResult} from '../../source/system/runner.js';
import {createSystem} from '../../source/system/system.js';
import {runSetup} from '../../source/use-cases/setup.js';
import {undoLastRun} from '../../source/use-cases/undo.js';
import {waitFor} from '../helpers/wait-for.js';
import {tempRoot} from '../helpers/temp-root.js';
import {fakeMachine} from '../wizard/fake-machine.js';

const untilStopped = (options: RunOptions): Promise<Partial<RunResult>> =>
	new Promise(resolve => {
		const stop = () => resolve({ok: false, stopped: true, exitCode: undefined, failure: '“apt-get install -y mesosphere” was stopped before it finished'});
		if (options.signal?.aborted) stop();
		else options.signal?.addEventListener('abort', stop, {once: true});
	});

const fingerprint = '81026D0004C44CF7EF55ADF8DF7D54CBE56151BF';

// A machine whose gpg finds the pinned key and whose apt-get install runs until it is stopped.
async function slowInstall() {
	let installing = false;
	const machine = await fakeMachine({
		command(argv, say, options) {
			if (argv.includes('--fingerprint')) say(`fpr:::::::::${fingerprint}:`);
			if (argv.includes('--export')) say('the exported key');
			if (!argv.includes('install')) return {};
			installing = true;
			return untilStopped(options);
		},
	});
	return {system: machine.system, ran: machine.ran, installing: () => installing};
}

// Trusted with a keyring file, so the run has written a file (and has a journal) before install.
const answers = {'repo.keyMethod': 'keyring'};

describe('setup, stopped', () => {
	it('ends the step under way, records it as stopped, runs nothing after it and keeps the journal whole', async () => {
		const {system, ran, installing} = await slowInstall();
		const controller = new AbortController();
		const events: string[] = [];
		const running = runSetup(system, answers, {signal: controller.signal, onEvent: event => event.type === 'action-end' && events.push(`${event.outcome.status} ${event.action.title}`)});
		await waitFor('apt-get install to start', () => installing());
		controller.abort();
		const result = await running;
		expect(result.ok).toBe(false);
		expect(result.stopped).toBe(true);
		expect(result.failed?.step.id).toBe('install');
		expect(events.at(-1)).toBe('stopped Install mesosphere');
		// Nothing after install (the key import's own gpg and temp folder aside): no override, no file of the configuration, no service.
		expect(ran.filter(command => !/^(gpg|gpgconf|mktemp|rm) /.test(command))).toEqual(['apt-get -y update', 'apt-get install -y mesosphere']);
		expect(system.state.progress()).toMatchObject({stoppedAt: 'install', finished: false});
		expect(system.state.progress()?.completed).not.toContain('install');
		const journal = JSON.parse(await readFile(path.join(system.root, 'var/backups/mesos-setup', result.runId, 'journal.json'), 'utf8')) as {entries: {sha256: string}[]};
		expect(journal.entries.length).toBeGreaterThan(0);
		expect(journal.entries.every(entry => entry.sha256.length === 64)).toBe(true);
	});

	it('setup --yes says where it stopped and exits 130', async () => {
		const {system, installing} = await slowInstall();
		const controller = new AbortController();
		const out: string[] = [];
		const err: string[] = [];
		const running = runSetupYes(system, answers, {out: line => out.push(line), err: line => err.push(line), color: false}, controller.signal);
		await waitFor('apt-get install to start', () => installing());
		controller.abort();
		expect(await running).toBe(130);
		expect(out).toContain('stopped      “apt-get install -y mesosphere” was stopped before it finished');
		expect(out).not.toContain('== Service overrides');
		expect(err[0]).toBe('Stopped at Install: it is recorded as stopped, not done, and nothing after it ran.');
		expect(err[1]).toContain('Run the same command again to continue.');
	});
});

describe('setup --yes stopped before it changed anything', () => {
	it('says so, not that a step is recorded as stopped, and exits 130', async () => {
		const system = await createSystem({root: await tempRoot()});
		const controller = new AbortController();
		controller.abort();
		const err: string[] = [];
		expect(await runSetupYes(system, {}, {out: () => undefined, err: line => err.push(line), color: false}, controller.signal)).toBe(130);
		expect(err).toEqual(['Stopped before anything was changed.', 'Run the same command again to start.']);
		expect(system.state.progress()).toBeUndefined();
	});
});

describe('the answers undo goes back to', () => {
	it('are those from before a setup --yes run, not those it saved', async () => {
		const root = await tempRoot();
		const system = await createSystem({root});
		system.state.saveAnswers({'master.port': '6060'});
		const result = await runSetup(system, {'master.port': '6060', 'slave.hostname': 'node1'});
		expect(result.ok).toBe(true);
		expect(system.state.answers()).toEqual({'master.port': '6060', 'slave.hostname': 'node1'});
		expect(system.state.setUpBefore()).toBe(true);
		const undone = await undoLastRun(system);
		expect(undone?.answers).toEqual({'master.port': '6060'});
		expect(system.state.answers()).toEqual({'master.port': '6060'});
		// The only setup here is undone: the machine is no longer called set up.
		expect(undone?.setUp).toBe(false);
		expect(system.state.progress()).toBeUndefined();
	});
});
