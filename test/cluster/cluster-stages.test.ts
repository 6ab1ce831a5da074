// The deploy's stages (use-cases/cluster.ts runStages) with every node's step answered here: the
// order of the stages, a failed node retried, skipped or quit as the screens answer, and --yes
// (no one to ask) ending the stage on the other nodes first; then the plain message that names the
// node, its log's last lines and the command to continue with.
import {describe, expect, it} from 'vitest';
import type {ClusterNode} from '../../source/model/cluster.js';
import type {Stage} from '../../source/model/cluster-plan.js';
import type {Step} from '../../source/model/plan.js';
import type {ApplyResult} from '../../source/system/apply-plan.js';
import {printClusterEnding} from '../../source/commands/cluster.js';
import {type ClusterEvent, type NodeDecision, type NodeFailure, runStages} from '../../source/use-cases/cluster.js';

const node = (name: string): ClusterNode => ({name, address: `10.0.0.${name.length}`, role: name.startsWith('m') ? 'master' : 'agent'}) as ClusterNode;
const step = (title: string): Step => ({id: 'start', title, summary: '', actions: []});
const stages: Stage[] = [
	{id: 'zookeeper', title: 'ZooKeeper', parts: ['m1', 'm2', 'm3'].map(name => ({node: node(name), steps: [step(`Start zookeeper on ${name}`)]}))},
	{id: 'masters', title: 'Masters', parts: ['m1', 'm2', 'm3'].map(name => ({node: node(name), steps: [step(`Start mesos-master on ${name}`)]}))},
	{id: 'agents', title: 'Agents', parts: [{node: node('a1'), steps: [step('Start mesos-slave on a1')]}]},
];
const ok = {ok: true} as ApplyResult;
const bad = {ok: false, failed: {outcome: {status: 'failed', message: 'not healthy'}}} as unknown as ApplyResult;

// `fails`: how many times each step title fails before it works.
function deploy(fails: Record<string, number>, onNodeFailed?: (failure: NodeFailure) => Promise<NodeDecision>) {
	const applied: string[] = [];
	const events: ClusterEvent[] = [];
	const left = {...fails};
	const run = runStages(stages, {
		async applyStep(_node, {title}) {
			applied.push(title);
			if ((left[title] ?? 0) > 0) {
				left[title] = (left[title] ?? 0) - 1;
				return bad;
			}
			return ok;
		},
		failureOf: async (name, {title}) => ({node: name, message: `${title}: not healthy`, log: `/logs/${name}.log`, tail: ['last line']}),
		emit: event => events.push(event),
		...(onNodeFailed ? {onNodeFailed} : {}),
	});
	return {run, applied, events};
}

describe('the deploy’s stages and a failed node', () => {
	it('retry: the failed step again on that node, then the stages go on', async () => {
		const asked: string[] = [];
		const {run, applied} = deploy({'Start zookeeper on m2': 2}, async failure => {
			asked.push(failure.node);
			return 'retry';
		});
		expect(await run).toEqual({failed: []});
		expect(asked).toEqual(['m2', 'm2']);
		expect(applied.filter(title => title === 'Start zookeeper on m2')).toHaveLength(3);
		expect(applied.at(-1)).toBe('Start mesos-slave on a1');
	});

	it('skip: the node takes no part in the later stages, and the outcome names it', async () => {
		const {run, applied, events} = deploy({'Start zookeeper on m3': 1}, async () => 'skip');
		expect(await run).toEqual({failed: [], skipped: ['m3']});
		expect(applied).not.toContain('Start mesos-master on m3');
		expect(applied).toContain('Start mesos-master on m2');
		expect(events).toContainEqual({type: 'notice', node: 'm3', line: 'Skipped: m3 takes no further part in this deploy.'});
		const masters = events.find(event => event.type === 'stage-start' && event.stage.id === 'masters');
		expect(masters?.type === 'stage-start' && masters.stage.parts.map(part => part.node.name)).toEqual(['m1', 'm2']);
	});

	it('quit: the deploy ends with that node failed and no later stage starts', async () => {
		const {run, applied} = deploy({'Start zookeeper on m1': 1}, async () => 'quit');
		const outcome = await run;
		expect(outcome.failed.map(failure => failure.node)).toEqual(['m1']);
		expect(applied.some(title => title.startsWith('Start mesos-master'))).toBe(false);
	});

	it('--yes: nobody to ask; the stage ends on the other nodes, then the deploy stops', async () => {
		const {run, applied, events} = deploy({'Start zookeeper on m2': 1});
		const outcome = await run;
		expect(outcome.failed).toEqual([{node: 'm2', message: 'Start zookeeper on m2: not healthy', log: '/logs/m2.log', tail: ['last line']}]);
		expect(applied).toEqual(['Start zookeeper on m1', 'Start zookeeper on m2', 'Start zookeeper on m3']);
		expect(events.at(-1)).toMatchObject({type: 'stage-end', ok: false});
	});

	it('the plain message names the node, what failed, its output, its log’s last lines and the command to continue with', () => {
		const lines: string[] = [];
		const output = {out: (line: string) => lines.push(`out ${line}`), err: (line: string) => lines.push(`err ${line}`), color: false};
		const failure: NodeFailure = {node: 'm2', message: 'Start zookeeper: not healthy after 60 s', step: 'Start zookeeper', detail: ['srvr: no answer'], log: '/root/.local/state/mesos-setup/cluster/R1/m2.log', tail: ['line 9', 'line 10']};
		const nodes = [
			{node: 'm1', recorded: true, changedFiles: 9, backupsDir: 'm1:/var/backups/mesos-setup/R1'},
			{node: 'm2', recorded: true, changedFiles: 9, backupsDir: 'm2:/var/backups/mesos-setup/R1'},
		];
		const code = printClusterEnding({ok: false, failed: [failure], nodes}, output, {done: 'Done.', again: "mesos-setup cluster setup 'my cluster.yaml' --yes", undo: "mesos-setup cluster undo 'my cluster.yaml' --yes"});
		expect(code).toBe(1);
		expect(lines).toEqual([
			'err m2: failed: Start zookeeper: not healthy after 60 s',
			'err m2:   srvr: no answer',
			'err m2: the end of its log, /root/.local/state/mesos-setup/cluster/R1/m2.log:',
			'err m2: | line 9',
			'err m2: | line 10',
			"err m1: changed 9 files, the old ones kept in m1:/var/backups/mesos-setup/R1",
			'err m2: failed at Start zookeeper; changed 9 files, the old ones kept in m2:/var/backups/mesos-setup/R1',
			"err Nothing after the failed stage ran. Fix the cause on m2, then continue with: mesos-setup cluster setup 'my cluster.yaml' --yes (what is already done changes nothing when done again).",
			"err To put back what this run changed: mesos-setup cluster undo 'my cluster.yaml' --yes (it puts back each node's last run that changed files; a stopped deploy that this one continued needs a second undo).",
		]);
	});

	it('a node whose look after its step fails (stepsAfter throws) is a failed node: asked, retried, and the other nodes wait for the answer', async () => {
		const asked: NodeFailure[] = [];
		const applied: string[] = [];
		let throws = 1;
		const outcome = await runStages(stages, {
			async applyStep(_node, {title}) {
				applied.push(title);
				return ok;
			},
			failureOf: async name => ({node: name, message: 'not used'}),
			async stepsAfter(name, _step, rest) {
				if (name === 'm2' && throws-- > 0) throw new Error('reading m2:/usr/bin/mesos-init-wrapper failed: Connection reset');
				return [...rest];
			},
			emit: () => undefined,
			onNodeFailed: async failure => {
				asked.push(failure);
				return 'retry';
			},
		});
		expect(asked).toEqual([{node: 'm2', message: 'Start zookeeper on m2: reading m2:/usr/bin/mesos-init-wrapper failed: Connection reset', step: 'Start zookeeper on m2'}]);
		expect(applied.filter(title => title === 'Start zookeeper on m2')).toHaveLength(2);
		expect(outcome).toEqual({failed: []});
		// --yes: the stage ends on the other nodes, then the deploy stops, naming the node.
		const unattended = await runStages(stages, {
			applyStep: async () => ok,
			failureOf: async name => ({node: name, message: 'not used'}),
			async stepsAfter(name, _step, rest) {
				if (name === 'm1') throw new Error('m1 is gone');
				return [...rest];
			},
			emit: () => undefined,
		});
		expect(unattended).toEqual({failed: [{node: 'm1', message: 'Start zookeeper on m1: m1 is gone', step: 'Start zookeeper on m1'}]});
	});
});
