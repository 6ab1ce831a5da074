// Every node's layout (issue 11 point 3, for clusters): a node's plan made from the layout its
// folder's packages will read (golden: the agent layout and /etc/default/marathon, said with where it
// was read), and after a node's install the stages re-plan its files where the installed packages
// read them, saying or asking which files moved before any is written.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {ClusterEvent} from '../../source/model/cluster-events.js';
import {clusterStages, nodePlan} from '../../source/model/cluster-plan.js';
import type {Cluster} from '../../source/model/cluster.js';
import {articleMachine, type Facts} from '../../source/model/facts.js';
import {predictedFacts} from '../../source/model/layout-prediction.js';
import {ApplyRun} from '../../source/system/apply-plan.js';
import {confirmShownLayouts, nodePlanLines, nodeStepsAfter} from '../../source/use-cases/cluster-layout.js';
import {runStages} from '../../source/use-cases/cluster-stages.js';
import {golden, planText} from '../helpers/plan-text.js';
import {machineInstalling} from '../wizard/fake-machine.js';

const goldenDir = fileURLToPath(new URL('golden/', import.meta.url));
const cluster: Cluster = {
	nodes: [
		{name: 'm1', address: '10.77.0.11', role: 'master+agent'},
		{name: 'a1', address: '10.77.0.21', role: 'agent'},
	],
	ssh: {},
	settings: {'repo.source': 'folder', 'repo.folder': '/srv/debs'},
};
const debian12: Facts = {...articleMachine, distro: 'debian', codename: 'bookworm', init: 'systemd', aptKey: 'deprecated', assumed: false, notes: []};
// What a node's folder of mesos/mesos-packaging's .debs says, read on that node (system/layout-prediction.ts).
const readOn = (name: string): Facts => predictedFacts(debian12, {where: `/srv/debs on ${name}`, mesos: '1.11.0-lab1', agentServiceFiles: ['[Service]\nExecStart=/usr/bin/mesos-init-wrapper agent\n'], marathon: '1.10.26-lab1'});
const exists = (file: string) => readFile(file).then(() => true, () => false);

describe('a node’s plan for the layout predicted from its source', () => {
	it('writes the agent layout and /etc/default/marathon where its packages read them, and says where that came from (golden)', async () => {
		const plans = cluster.nodes.map(node => nodePlan(cluster, node, readOn(node.name)));
		const text = plans.map(plan => `######## ${plan.node.name}\n${nodePlanLines(plan).join('\n')}\n${planText(plan.plan)}`).join('\n');
		await golden(goldenDir, 'cluster-plan-agent-layout.txt', text);
		const [m1, a1] = plans.map(nodePlanLines);
		expect(a1?.[0]).toBe(
			'Layout: the agent’s from /etc/mesos-agent/ and /etc/default/mesos-agent (mesos-init-wrapper agent), Marathon’s from /etc/default/marathon (MARATHON_* variables); predicted from /srv/debs on a1 (mesos 1.11.0-lab1: its agent service runs mesos-init-wrapper agent; marathon 1.10.26-lab1).',
		);
		expect(a1).toEqual(expect.arrayContaining(['  write  /etc/mesos-agent/ip', '  write  /etc/default/mesos-agent', '  write  /etc/mesos-agent/work_dir']));
		expect(a1?.filter(line => line.includes('/etc/mesos-slave') || line.includes('marathon'))).toEqual([a1?.[0]]);
		expect(m1).toEqual(expect.arrayContaining(['  write  /etc/default/marathon', '  write  /etc/mesos-agent/hostname']));
		expect(m1?.filter(line => line.includes('/etc/marathon/') || line.includes('/etc/mesos-slave/'))).toEqual([]);
	});
});

describe('a node whose own source reads another layout than the summary showed (planned without reaching it)', () => {
	const shown = new Map(cluster.nodes.map(node => [node.name, nodePlan(cluster, node, debian12).plan]));
	const predicted = cluster.nodes.map(node => nodePlan(cluster, node, readOn(node.name)));

	it('is asked about before any node changes, with the files it writes instead; told to stop, the next node is not asked', async () => {
		const asked: {node: string; lines: string[]}[] = [];
		expect(await confirmShownLayouts(predicted, shown, async moved => (asked.push(moved), false))).toBe(false);
		expect(asked.map(each => each.node)).toEqual(['m1']);
		expect(asked[0]?.lines[0]).toMatch(/^The packages of m1’s own source read the agent’s from \/etc\/mesos-agent\/ .*, not what the summary showed\. These files are written instead:$/);
		expect(asked[0]?.lines).toEqual(expect.arrayContaining(['  write  /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)', '  write  /etc/default/marathon (instead of /etc/marathon/conf/hostname, /etc/marathon/conf/master, /etc/marathon/conf/zk)']));
		const goOn: string[] = [];
		expect(await confirmShownLayouts(predicted, shown, async moved => (goOn.push(moved.node), true))).toBe(true);
		expect(goOn).toEqual(['m1', 'a1']);
	});

	it('asks nothing where the summary showed the layout the node reads', async () => {
		const same = new Map(predicted.map(plan => [plan.node.name, plan.plan]));
		expect(await confirmShownLayouts(predicted, same, async () => expect.fail('asked'))).toBe(true);
	});
});

// One node (m1, master and agent) through the real stages and ApplyRun, on a machine whose
// apt-get install leaves mesos-packaging's agent unit and Marathon 1.10, where the plan assumed
// the article's layout (nothing could be predicted).
async function deployOne(onLayoutMoved?: (moved: {node: string; lines: string[]}) => Promise<boolean>) {
	const {system} = await machineInstalling({unit: 'agent', marathon: '1.10.26-lab1'});
	const node = cluster.nodes[0]!;
	const articleCluster = {...cluster, settings: {'repo.keyMethod': 'keyring'}};
	const plan = nodePlan(articleCluster, node, system.facts);
	const events: ClusterEvent[] = [];
	const run = new ApplyRun(system, 'r1');
	const after = nodeStepsAfter(articleCluster, plan, system, {notice: line => events.push({type: 'notice', node: node.name, line}), onLayoutMoved});
	const staged = await runStages(clusterStages([plan]), {
		applyStep: async (_name, step) => run.applyStep(step, event => events.push({type: 'node', node: node.name, event}), {completesStep: step.id !== 'start'}),
		failureOf: async (name, step) => ({node: name, message: step.title}),
		stepsAfter: async (_name, step, rest) => after(step, rest),
		emit: event => events.push(event),
	});
	const at = (file: string) => path.join(system.root, file);
	const notices = events.flatMap(event => (event.type === 'notice' ? [event.line] : []));
	const started = events.flatMap(event => (event.type === 'node' && event.event.type === 'step-start' ? [event.event.step.title] : []));
	return {staged, at, notices, started};
}

describe('a node whose installed packages read another layout than its plan', () => {
	it('writes its files where they read them, after saying which moved (--yes: no one is asked)', async () => {
		const {staged, at, notices} = await deployOne();
		expect(staged).toEqual({failed: []});
		expect(notices[0]).toMatch(/^The installed packages read the agent’s from \/etc\/mesos-agent\/ .*not what the summary showed\. These files are written instead:$/);
		expect(notices).toEqual(expect.arrayContaining(['  write  /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)', '  write  /etc/default/marathon (instead of /etc/marathon/conf/hostname, /etc/marathon/conf/master, /etc/marathon/conf/zk)']));
		expect(await readFile(at('etc/mesos-agent/ip'), 'utf8')).toBe('10.77.0.11\n');
		expect(await readFile(at('etc/default/marathon'), 'utf8')).toContain('MARATHON_MASTER=zk://10.77.0.11:2181/mesos\n');
		expect(await exists(at('etc/mesos-slave/ip'))).toBe(false);
		expect(await exists(at('etc/marathon/conf/master'))).toBe(false);
	});

	it('asks first on the screens; told to stop, it writes none of them and the deploy ends stopped', async () => {
		const asked: {node: string; lines: string[]}[] = [];
		const {staged, at, started} = await deployOne(async moved => (asked.push(moved), false));
		expect(staged).toEqual({failed: [], stopped: true});
		expect(asked.map(each => each.node)).toEqual(['m1']);
		expect(asked[0]?.lines).toContain('  write  /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)');
		expect(started.at(-1)).toBe('Install');
		expect(await exists(at('etc/mesos-agent'))).toBe(false);
		expect(await exists(at('etc/mesos-slave/ip'))).toBe(false);
		expect(await exists(at('etc/default/marathon'))).toBe(false);
	});
});
