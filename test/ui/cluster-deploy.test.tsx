// The deploy screen over the real stages (runStages, the nodes of a stage in parallel) with each
// node's step answered here, as a node over SSH would answer it: a pane per node with its step,
// its output and its services; a failed node's log tail with r retry and s skip, as the use case
// asks; q then y stopping the run (exit 130); a node whose SSH host key is unknown shown with its
// fingerprints before anything runs, a accepting (the deploy goes on), n refusing (it stops).
import {afterEach, describe, expect, it} from 'vitest';
import React from 'react';
import type {ApplyEvent, ApplyResult} from '../../source/model/apply-events.js';
import {clusterStages, nodePlan} from '../../source/model/cluster-plan.js';
import type {Cluster} from '../../source/model/cluster.js';
import type {HostKeyDecision, UnknownHostKey} from '../../source/model/cluster-events.js';
import {StepError} from '../../source/model/errors.js';
import {articleMachine} from '../../source/model/facts.js';
import type {Step} from '../../source/model/plan.js';
import {createSystem} from '../../source/system/system.js';
import {ClusterDeployScreen} from '../../source/ui/cluster/ClusterDeployScreen.js';
import type {DeployOptions} from '../../source/ui/cluster/use-cluster-deploy.js';
import {runStages, type StageWork} from '../../source/use-cases/cluster.js';
import {press, pressExpectingNoChange, waitForFrame} from '../helpers/ink-app.js';
import {masterAndTwoAgents} from '../fixtures/cluster-nodes.js';
import {tempRoot} from '../helpers/temp-root.js';
import {renderScreen} from './render-screen.js';

const cluster: Cluster = {
	nodes: masterAndTwoAgents,
	ssh: {},
	settings: {},
};
const plans = cluster.nodes.map(node => nodePlan(cluster, node, articleMachine));
const result = (ok: boolean, extra: Partial<ApplyResult> = {}): ApplyResult => ({ok, runId: 'r', recorded: true, counts: {}, lastCounts: {}, changedFiles: [], ...extra});

// Each node's step as ApplyRun reports it: the step, its actions with an output line each; a step
// listed in `fails` (node:step title) fails that many times first; `hold` waits to be stopped.
// `after`: what the use case does after a node's step (deployCluster: the install's layout looked at again).
function stagesRun(fails: Record<string, number>, hold?: string, after?: (options: DeployOptions) => StageWork['stepsAfter']) {
	const left = {...fails};
	return async (options: DeployOptions) => {
		const {onEvent, signal, onNodeFailed} = options;
		const stepsAfter = after?.(options);
		const staged = await runStages(clusterStages(plans), {
			...(stepsAfter ? {stepsAfter} : {}),
			async applyStep(node: string, step: Step) {
				const emit = (event: ApplyEvent) => onEvent({type: 'node', node, event});
				emit({type: 'step-start', step});
				for (const [index, action] of step.actions.entries()) {
					emit({type: 'action-start', step, action, index});
					emit({type: 'output', step, action, line: `${node} says: ${action.title}`, stream: 'stdout'});
					if (hold === `${node}:${step.title}`) {
						await new Promise(resolve => signal.addEventListener('abort', resolve, {once: true}));
						emit({type: 'action-end', step, action, index, outcome: {status: 'stopped', message: 'stopped'}});
						emit({type: 'step-end', step, ok: false, stopped: true});
						return result(false, {stopped: true});
					}
					const failing = (left[`${node}:${step.title}`] ?? 0) > 0;
					if (failing) {
						left[`${node}:${step.title}`] = (left[`${node}:${step.title}`] ?? 0) - 1;
						const outcome = {status: 'failed' as const, message: 'exit 100'};
						emit({type: 'action-end', step, action, index, outcome});
						emit({type: 'step-end', step, ok: false});
						return result(false, {failed: {step, action, outcome}});
					}
					emit({type: 'action-end', step, action, index, outcome: {status: action.kind === 'service' ? 'healthy' : 'ran', message: `${action.title} done`}});
				}
				emit({type: 'step-end', step, ok: true});
				return result(true);
			},
			failureOf: async (node, step) => ({node, message: `${step.title}: exit 100`, log: `/state/cluster/r/${node}.log`, tail: [`E: ${node} could not get the package lists`]}),
			emit: onEvent,
			onNodeFailed,
			signal,
		});
		// Every node changed files (as one that got past the preflight does), for the ending's lines.
		const nodes = cluster.nodes.map(({name}) => ({node: name, recorded: true, changedFiles: 2, backupsDir: `${name}:/var/backups/mesos-setup/r`}));
		return {ok: !staged.stopped && staged.failed.length === 0 && !staged.skipped, ...staged, nodes};
	};
}

// The deploy as deployCluster starts it: a node's unknown host key asked about before any stage
// (connect-all), a refusal ending it as connectAll does, an acceptance going on to the stages.
const unknownKey: UnknownHostKey = {
	node: 'a1',
	address: '10.0.0.21',
	keys: [
		{type: 'ED25519', fingerprint: 'SHA256:9y6w3pYc0vS0sQm0q3HjtyS6n1a1B1tq1wHk3lqO1dE'},
		{type: 'RSA', fingerprint: 'SHA256:Qm3r0m0d8YvA9lFvNnq2qE6J0zq0Jb3N1mQ5wq3kq7U'},
	],
};
function askingFirst(then: ReturnType<typeof stagesRun>, decisions: HostKeyDecision[]) {
	return async (options: DeployOptions) => {
		const decision = await options.onUnknownHostKey(unknownKey);
		decisions.push(decision);
		if (decision === 'refuse') throw new StepError('Not every node could be reached; nothing was changed on any node.', ['a1: its host key (ED25519 key SHA256:9y6w…) was refused; known_hosts is unchanged.']);
		return then(options);
	};
}

// a1's installed packages read the agent layout: after its install the files it writes instead are asked about before its next step.
const movedLines = ['The installed packages read the agent’s from /etc/mesos-agent/ …, not what the summary showed. These files are written instead:', '  write  /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)'];
const movingOnA1 = (asked: boolean[], moving: readonly string[] = ['a1']) =>
	stagesRun({}, undefined, options => {
		return async (node, step, rest) => {
			if (!moving.includes(node) || step.id !== 'install') return [...rest];
			const goOn = await options.onLayoutMoved({node, lines: movedLines});
			asked.push(goOn);
			return goOn ? [...rest] : undefined;
		};
	});

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function show(run: ReturnType<typeof stagesRun>) {
	let code: number | undefined;
	let said: string | undefined;
	const system = await createSystem({root: await tempRoot()});
	const app = renderScreen(system, <ClusterDeployScreen nodes={cluster.nodes} run={run} words={{done: 'Done: 3 nodes set up.', again: 'mesos-setup cluster setup c.yaml', undo: 'mesos-setup cluster undo c.yaml --yes', status: 'mesos-setup cluster status c.yaml'}} onExit={(exit, message) => ((code = exit), (said = message))} />);
	unmount = app.unmount;
	return {app, code: () => code, said: () => said};
}

describe('the deploy screen', () => {
	it('asks about a failed node with its log’s end: r runs its step again, s goes on without a node', async () => {
		const {app, code} = await show(stagesRun({'a1:Install': 1, 'a2:Install': 1}));
		let frame = await waitForFrame(app, /✖ a\d failed: Install: exit 100/);
		expect(frame).toContain('Deploy: Key, repository, packages and files on every node');
		expect(frame).toMatch(/E: a\d could not get the package lists/);
		expect(frame).toContain('r retries its step · s skips');
		const first = /✖ (a\d) failed/.exec(frame)?.[1] as string;
		const second = first === 'a1' ? 'a2' : 'a1';
		// r: the step again, which works now; the other agent asks next (its step failed meanwhile).
		frame = await press(app, 'r');
		frame = await waitForFrame(app, `✖ ${second} failed: Install: exit 100`);
		// s: the other agent takes no further part; the rest goes on to the end.
		await press(app, 's');
		// No stage failed: the skipped node is said as skipped, with what each node changed.
		frame = await waitForFrame(app, `${second} was skipped: every later stage ran on the other nodes`, 20_000);
		expect(frame).not.toContain('Nothing after the failed stage ran');
		expect(frame).toContain(`${second}: skipped; changed 2 files`);
		expect(frame).toMatch(new RegExp(`${second} · agent · 10\\.0\\.0\\.2\\d · · skipped`));
		expect(frame).toMatch(new RegExp(`${first} · agent · 10\\.0\\.0\\.2\\d · ✔ done`));
		expect(frame).toMatch(/m1 · master · 10\.0\.0\.11 · ✔ done/);
		expect(frame).toContain('✔ zookeeper healthy');
		expect(frame).toContain(`Skipped: ${second}`);
		expect(frame).toMatch(/m1 says: /);
		await pressExpectingNoChange(app, '\r');
		await waitForFrame(app, () => code() === 1);
	}, 40_000);

	it('stops on q then y: what runs is stopped and the screen ends with 130 and the command to continue', async () => {
		const {app, code, said} = await show(stagesRun({}, 'm1:Preflight'));
		await waitForFrame(app, 'm1 says: ');
		await press(app, 'q');
		expect(app.lastFrame()).toContain('Stop the deploy?');
		await press(app, 'y');
		await waitForFrame(app, () => code() === 130);
		expect(said()).toContain('To continue: mesos-setup cluster setup c.yaml');
	});

	// The question is about a deploy under way: once it ended there is nothing left to stop, and y and
	// n (which an ended screen no longer takes) must not be offered.
	it('takes the stop question away when the deploy ends while it is asked', async () => {
		let finish = (): void => undefined;
		const gate = new Promise<void>(resolve => {
			finish = resolve;
		});
		const run = stagesRun({});
		const {app, code} = await show(async options => {
			await gate;
			return run(options);
		});
		await press(app, 'q');
		expect(app.lastFrame()).toContain('Stop the deploy?');
		finish();
		const frame = await waitForFrame(app, 'Done: 3 nodes set up.', 20_000);
		expect(frame).not.toContain('Stop the deploy?');
		expect(frame).toContain('Enter leave');
		await pressExpectingNoChange(app, '\r');
		await waitForFrame(app, () => code() === 0);
	}, 40_000);

	it('a stop during the postflight ends with 130, saying the deploy itself finished and only its proof was cut short', async () => {
		const {app, code, said} = await show(async () => ({ok: false, stopped: true, postflightStopped: true, failed: [], nodes: [{node: 'm1', recorded: true, changedFiles: 3, backupsDir: 'm1:/var/backups/mesos-setup/r'}]}));
		await waitForFrame(app, () => code() === 130);
		expect(said()).toContain('the deploy itself finished on every node; only the proof of the cluster was cut short');
		expect(said()).toContain('m1: changed 3 files');
	});

	it('shows a node’s unknown host key with each fingerprint before anything runs; a accepts and the deploy goes on', async () => {
		const decisions: HostKeyDecision[] = [];
		const {app, code} = await show(askingFirst(stagesRun({}), decisions));
		let frame = await waitForFrame(app, 'its SSH host key is not known on this machine');
		expect(frame).toContain('? a1 (10.0.0.21): its SSH host key is not known on this machine; nothing has been sent to it.');
		expect(frame).toContain('ED25519  SHA256:9y6w3pYc0vS0sQm0q3HjtyS6n1a1B1tq1wHk3lqO1dE');
		expect(frame).toContain('RSA      SHA256:Qm3r0m0d8YvA9lFvNnq2qE6J0zq0Jb3N1mQ5wq3kq7U');
		expect(frame).toContain('a accepts: the keys shown are added to your known_hosts');
		// Nothing ran while it was asked; a key that is neither answer changes nothing.
		expect(frame).not.toContain('says:');
		await pressExpectingNoChange(app, 'r');
		frame = await press(app, 'a');
		frame = await waitForFrame(app, 'Done: 3 nodes set up.', 20_000);
		expect(decisions).toEqual(['accept']);
		expect(frame).not.toContain('not known on this machine');
		expect(frame).toMatch(/a1 · agent · 10\.0\.0\.21 · ✔ done/);
		await pressExpectingNoChange(app, '\r');
		await waitForFrame(app, () => code() === 0);
	}, 40_000);

	it('n refuses an unknown host key: the deploy stops before any stage, says so, and leaves with 1', async () => {
		const decisions: HostKeyDecision[] = [];
		const {app, code} = await show(askingFirst(stagesRun({}), decisions));
		await waitForFrame(app, 'its SSH host key is not known on this machine');
		await press(app, 'n');
		const frame = await waitForFrame(app, 'The deploy could not go on');
		expect(decisions).toEqual(['refuse']);
		expect(frame).toContain('nothing was changed on any node');
		expect(frame).toContain('a1: its host key (ED25519 key SHA256:9y6w…) was refused; known_hosts is unchanged.');
		expect(frame).not.toContain('says:');
		await pressExpectingNoChange(app, '\r');
		await waitForFrame(app, () => code() === 1);
	});

	it('shows a node’s moved files after its install, before any is written; Enter writes them and the deploy goes on', async () => {
		const asked: boolean[] = [];
		const {app, code} = await show(movingOnA1(asked));
		let frame = await waitForFrame(app, 'none of these files is written yet');
		expect(frame).toContain('? a1: none of these files is written yet.');
		expect(frame).toContain('  write  /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)');
		expect(frame).toContain('Enter writes them and the deploy goes on · q stops the deploy');
		// A key that is neither answer changes nothing.
		await pressExpectingNoChange(app, 'r');
		expect(asked).toEqual([]);
		frame = await press(app, '\r');
		frame = await waitForFrame(app, 'Done: 3 nodes set up.', 20_000);
		expect(asked).toEqual([true]);
		expect(frame).not.toContain('none of these files is written yet');
		await pressExpectingNoChange(app, '\r');
		await waitForFrame(app, () => code() === 0);
	}, 40_000);

	it('q at a node’s moved files stops the deploy before they are written (130, the command to continue)', async () => {
		const asked: boolean[] = [];
		const {app, code, said} = await show(movingOnA1(asked));
		await waitForFrame(app, 'none of these files is written yet');
		await press(app, 'q');
		await waitForFrame(app, () => code() === 130);
		expect(asked).toEqual([false]);
		expect(said()).toContain('To continue: mesos-setup cluster setup c.yaml');
	});

	it('q at one node’s moved files answers the other nodes’ questions too, waiting or still to come: none is shown saying the deploy goes on', async () => {
		const asked: boolean[] = [];
		const {app, code} = await show(movingOnA1(asked, ['a1', 'a2']));
		await waitForFrame(app, 'none of these files is written yet');
		await press(app, 'q');
		await waitForFrame(app, () => code() === 130);
		expect(asked).toEqual([false, false]);
	});

	it('Ctrl+C while a host key is asked refuses it and the screen leaves', async () => {
		const decisions: HostKeyDecision[] = [];
		const {app, code} = await show(askingFirst(stagesRun({}), decisions));
		await waitForFrame(app, 'its SSH host key is not known on this machine');
		await press(app, '\u0003');
		await waitForFrame(app, 'The deploy could not go on');
		expect(decisions).toEqual(['refuse']);
		await pressExpectingNoChange(app, '\r');
		await waitForFrame(app, () => code() === 1);
	});
});
