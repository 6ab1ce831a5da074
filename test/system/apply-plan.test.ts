import {mkdir, readFile, writeFile} from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {InputError, StepError} from '../../source/model/errors.js';
import {resolveValues} from '../../source/model/answers.js';
import {buildPlan, realRunOnly} from '../../source/model/plan.js';
import type {ApplyEvent} from '../../source/model/apply-events.js';
import {createSystem, type System} from '../../source/system/system.js';
import {ApplyRun} from '../../source/system/apply-plan.js';
import type {Check, Step} from '../../source/model/plan.js';
import {runSetup, startSetup} from '../../source/use-cases/setup.js';
import {tempRoot} from '../helpers/temp-root.js';
import {readTree} from '../helpers/tree.js';
import {waitFor} from '../helpers/wait-for.js';

describe('a setup in a sandbox root', () => {
	it('writes every file, skips every system command, and reports each action', async () => {
		const root = await tempRoot();
		const system = await createSystem({root});
		const events: ApplyEvent[] = [];
		const result = await runSetup(system, {}, {onEvent: e => events.push(e)});
		expect(result.ok).toBe(true);
		const ends = events.filter((e): e is Extract<ApplyEvent, {type: 'action-end'}> => e.type === 'action-end');
		expect(ends.filter(e => e.action.kind === 'run' || e.action.kind === 'service' || e.action.kind === 'import-key').every(e => e.outcome.status === 'skipped')).toBe(true);
		expect(ends.filter(e => e.action.kind === 'file').map(e => e.outcome.status)).toEqual(new Array(21).fill('wrote'));
		expect(await readFile(path.join(root, 'etc/mesos-slave/executor_registration_timeout'), 'utf8')).toBe('5mins\n');
		expect(system.state.progress()).toMatchObject({runId: result.runId, finished: true});
	});

	it('saves the progress after a step that changed something, and a step that changed nothing with the next save', async () => {
		const root = await tempRoot();
		const real = await createSystem({root});
		// Each save: the step whose end (or the finish) made it, and the steps it counts as done.
		const saves: string[] = [];
		let current = '';
		const system: System = {
			...real,
			state: {
				...real.state,
				saveProgress(progress) {
					real.state.saveProgress(progress);
					saves.push(`${current}: ${progress.completed.join(',')}${progress.finished ? ' finished' : ''}`);
				},
			},
		};
		const session = startSetup(system);
		const changedSomething: string[] = [];
		let wrote = 0;
		for (const step of buildPlan(resolveValues({}), system.facts).steps) {
			current = step.id;
			const result = await session.applyStep(step);
			if ((result.counts.wrote ?? 0) > wrote) changedSomething.push(step.id);
			wrote = result.counts.wrote ?? 0;
			// What a run killed now finds: every step that wrote a file counted as done.
			const onDisk = JSON.parse(await readFile(path.join(root, 'var/lib/mesos-setup/state.json'), 'utf8').catch(() => '{}')) as {progress?: {completed: string[]}};
			expect(onDisk.progress?.completed ?? [], `after ${step.id}`).toEqual(expect.arrayContaining(changedSomething));
		}
		current = 'finish';
		await session.finish();
		// In a sandbox the key, install and start steps skip their commands: saved with the next save.
		expect(changedSomething).toEqual(['repository', 'overrides', 'configuration']);
		expect(saves).toEqual([
			'repository: preflight,key,repository',
			'overrides: preflight,key,repository,install,overrides',
			'configuration: preflight,key,repository,install,overrides,configuration',
			'finish: preflight,key,repository,install,overrides,configuration,start finished',
		]);
	});

	// cli.tsx says "Nothing was changed" of bad input: once a step changed the machine, a later step's
	// refusal is a failure of that step instead.
	it('refuses a step whose file became a FIFO as bad input before any change, and as the step failing after one', async () => {
		const root = await tempRoot();
		const system = await createSystem({root});
		const steps = buildPlan(resolveValues({}), system.facts).steps;
		const fifo = async () => {
			await mkdir(path.join(root, 'etc/mesos'), {recursive: true});
			await execa('mkfifo', [path.join(root, 'etc/mesos/zk')]);
		};
		await fifo();
		const before = startSetup(system);
		await expect(before.applyStep(steps.find(step => step.id === 'configuration') as Step)).rejects.toBeInstanceOf(InputError);
		before.close();
		await execa('rm', [path.join(root, 'etc/mesos/zk')]);
		const session = startSetup(system);
		for (const step of steps.slice(0, steps.findIndex(step => step.id === 'configuration'))) expect((await session.applyStep(step)).ok).toBe(true);
		await fifo();
		const refused = await session.applyStep(steps.find(step => step.id === 'configuration') as Step).catch((error: unknown) => error);
		session.close();
		expect(refused).toBeInstanceOf(StepError);
		expect((refused as StepError).message).toMatch(/^Configuration did not start: \/etc\/mesos\/zk \(from mesos\.zk\) is a FIFO, not a regular file/);
		expect((refused as StepError).detail).toEqual(['The steps before it stay done. Move what stands in the way aside, then run the same command again to go on.']);
	});

	it('edits an existing zoo.cfg in place, keeping its other lines', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/zookeeper/conf'), {recursive: true});
		await writeFile(path.join(root, 'etc/zookeeper/conf/zoo.cfg'), '# The number of milliseconds of each tick\ntickTime=2000\ndataDir=/tmp/zookeeper\nclientPort=2181\n');
		const system = await createSystem({root});
		expect((await runSetup(system, {})).ok).toBe(true);
		expect(await readFile(path.join(root, 'etc/zookeeper/conf/zoo.cfg'), 'utf8')).toBe(
			'# The number of milliseconds of each tick\ntickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nserver.1=127.0.0.1:2888:3888\nadmin.enableServer=false\n4lw.commands.whitelist=ruok,srvr,mntr,stat\n',
		);
	});

	it('changes nothing at all with --dry-run', async () => {
		const root = await tempRoot();
		const system = await createSystem({root, dryRun: true});
		const before = await readTree(root);
		const result = await runSetup(system, {});
		expect(result.ok).toBe(true);
		expect(result.counts['would-write']).toBe(21);
		expect(await readTree(root)).toEqual(before);
	});

	it('refuses a step whose file cannot be written before it writes any of it, and says which', async () => {
		const root = await tempRoot();
		// A folder where a file must go: named before the configuration step writes anything.
		await mkdir(path.join(root, 'etc/mesos/zk'), {recursive: true});
		const system = await createSystem({root});
		// Step by step through one setup session, as the wizard applies the plan.
		const session = startSetup(system);
		const stepByStep = async () => {
			for (const step of buildPlan(resolveValues({}), system.facts).steps) await session.applyStep(step);
		};
		await expect(stepByStep()).rejects.toThrow(/\/etc\/mesos\/zk \(from mesos.zk\) is a folder, not a regular file/);
		await expect(readFile(path.join(root, 'etc/mesos-master/quorum'), 'utf8')).rejects.toThrow(/ENOENT/);
		await expect(readFile(path.join(root, 'etc/zookeeper/conf/myid'), 'utf8')).rejects.toThrow(/ENOENT/);
		// The steps before it are done and kept; the next start continues at configuration.
		expect(system.state.progress()).toMatchObject({completed: ['preflight', 'key', 'repository', 'install', 'overrides'], finished: false});
	});

	it('says a permission problem in a sentence, not as EACCES', async () => {
		const root = await tempRoot();
		const sandbox = await createSystem({root});
		const denied = async () => {
			throw Object.assign(new Error('EACCES: permission denied, open /etc/mesos/.zk.mesos-setup-1234'), {code: 'EACCES'});
		};
		const system: System = {...sandbox, sandbox: false, fs: {...sandbox.fs, write: denied}};
		const step = buildPlan(resolveValues({}), system.facts).steps.find(s => s.id === 'configuration');
		if (!step) throw new Error('no configuration step');
		const result = await startSetup(system).applyStep({...step, actions: step.actions.slice(0, 1)});
		expect(result.ok).toBe(false);
		expect(result.failed?.outcome.message).toBe(
			'cannot write /etc/zookeeper/conf/myid: permission denied; changing this machine needs root: run mesos-setup with sudo, or rehearse with --root ./mesos-rehearsal.',
		);
	});
});

describe('the preflight', () => {
	it('starts its checks together, so none waits for the one before, and reports them one by one in order', async () => {
		const root = await tempRoot();
		const real = await createSystem({root});
		const started: string[] = [];
		let releaseFirst: () => void = () => undefined;
		const firstHeld = new Promise<void>(resolve => {
			releaseFirst = resolve;
		});
		// The first check that reaches the machine answers only once every other check has started.
		const system: System = {
			...real,
			checks: {
				async run(check, signal) {
					started.push(check.kind);
					if (started.length === 1) await firstHeld;
					return real.checks.run(check, signal);
				},
			},
		};
		const preflight = buildPlan(resolveValues({}), system.facts).steps.find(step => step.id === 'preflight');
		if (!preflight) throw new Error('no preflight step');
		const asked = preflight.actions.filter(action => action.kind === 'check' && !realRunOnly(action.check));
		const ends: string[] = [];
		const applied = startSetup(system).applyStep(preflight, {onEvent: event => (event.type === 'action-end' ? ends.push(event.action.title) : undefined)});
		await waitFor('every check to start', () => started.length === asked.length);
		expect(ends).toEqual(preflight.actions.slice(0, preflight.actions.indexOf(asked[0]!)).map(action => action.title));
		releaseFirst();
		await applied;
		expect(ends).toEqual(preflight.actions.map(action => action.title));
	});
});

describe('the preflight’s checks started together', () => {
	it('stops the checks still under way when the step fails at one before them, so none keeps the run waiting', async () => {
		// A repository that accepts the index request and never answers (the check's own limit is 20 s);
		// it reads what comes, so it sees the request's end.
		const sockets: net.Socket[] = [];
		const server = net.createServer(socket => sockets.push(socket.resume()));
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as net.AddressInfo;
		// The check before it fails, its repository having no Release, but only once that request is
		// under way: the stop must end a request already asked, not one that was never made.
		const failing = http.createServer((_request, response) => {
			void waitFor('the index request to be asked', () => sockets.length > 0).then(() => response.writeHead(404).end());
		});
		await new Promise<void>(resolve => failing.listen(0, '127.0.0.1', resolve));
		const failingAt = `http://127.0.0.1:${(failing.address() as net.AddressInfo).port}`;
		try {
			const system = await createSystem({root: await tempRoot()});
			const where = `http://127.0.0.1:${port}`;
			const indexCheck = (at: string): Check => ({kind: 'source-index', where: at, dists: `${at}/dists/bookworm`, suite: 'bookworm', codename: 'bookworm', component: 'main', packages: ['mesos']});
			const step = {
				id: 'preflight',
				title: 'Preflight',
				summary: '',
				actions: [
					{kind: 'check', title: 'The first repository holds mesos', check: indexCheck(failingAt)},
					{kind: 'check', title: 'The repository holds mesos', check: indexCheck(where)},
				],
			} as const satisfies Step;
			const result = await new ApplyRun(system, 'checks-row').applyStep(step);
			expect(result.failed?.action.title).toBe('The first repository holds mesos');
			expect(sockets.length).toBeGreaterThan(0);
			await waitFor('the index request, still unanswered, to be given up', () => sockets.every(socket => socket.destroyed || socket.readableEnded));
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => server.close(resolve));
			failing.closeAllConnections();
			await new Promise(resolve => failing.close(resolve));
		}
	});
});
