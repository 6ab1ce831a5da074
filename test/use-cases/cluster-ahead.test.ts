// A node's reading ahead of the first stage (use-cases/cluster-ahead.ts): its plan, what stands at
// its targets and its checks, started at once; the targets' answer is taken while fresh (5 s) and
// asked again after, and a reading nobody awaits (a deploy that ended first) is dropped quietly.
import {mkdir, rm} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Cluster} from '../../source/model/cluster.js';
import type {Check} from '../../source/model/plan.js';
import type {NodeSystem} from '../../source/system/node-system.js';
import {createSystem} from '../../source/system/system.js';
import {refuseNodesTargets} from '../../source/system/target-check.js';
import {readAhead} from '../../source/use-cases/cluster-ahead.js';
import {tempRoot} from '../helpers/temp-root.js';

const cluster: Cluster = {
	nodes: [{name: 'm1', address: '10.77.0.11', role: 'master+agent'}],
	ssh: {},
	// A folder that is not there: the layout is the article's, said as not predicted; nothing reached.
	settings: {'repo.source': 'folder', 'repo.folder': '/srv/no-debs-here'},
};

// A node as its sandbox: the same System a node has, its files under a temp root.
async function sandboxNode(told: Check[][]): Promise<{node: NodeSystem; root: string}> {
	const root = await tempRoot();
	const system = await createSystem({root, dryRun: true});
	const checks = {...system.checks, lookAhead: (checks: readonly Check[]) => void told.push([...checks])};
	const node = {...system, checks, node: 'm1', nodeChecks: {} as NodeSystem['nodeChecks']} as NodeSystem;
	return {node, root};
}

afterEach(() => {
	vi.useRealTimers();
});

describe('a node read ahead of the first stage', () => {
	it('tells the node its preflight checks, and takes the targets’ answer while it is fresh, asking again after 5 s', async () => {
		vi.useFakeTimers({toFake: ['hrtime']});
		const told: Check[][] = [];
		const {node, root} = await sandboxNode(told);
		const ahead = await readAhead(cluster, node);
		expect(told).toHaveLength(1);
		expect(told[0]?.map(check => check.kind)).toEqual(expect.arrayContaining(['port-free', 'disk']));
		await expect(ahead.targets()).resolves.toBeUndefined();
		// Something now stands where the node writes /etc/mesos/zk: a folder, not a file.
		await mkdir(path.join(root, 'etc/mesos/zk'), {recursive: true});
		vi.advanceTimersByTime(4_000);
		await expect(ahead.targets()).resolves.toBeUndefined();
		vi.advanceTimersByTime(1_001);
		await expect(ahead.targets()).rejects.toThrow(/\/etc\/mesos\/zk.* is a (folder|directory), not a regular file/);
	});

	it('reads what stands at the targets when it starts: a target blocked then is the answer within 5 s, even if put right meanwhile', async () => {
		const {node, root} = await sandboxNode([]);
		await mkdir(path.join(root, 'etc/mesos'), {recursive: true});
		await mkdir(path.join(root, 'etc/mesos/zk'));
		const ahead = await readAhead(cluster, node);
		// The reading of the targets is under way when readAhead answers: let it end first.
		await expect(ahead.targets()).rejects.toThrow(/\/etc\/mesos\/zk/);
		// Put right meanwhile, within 5 s: the answer read ahead is still the one taken.
		await rm(path.join(root, 'etc/mesos/zk'), {recursive: true});
		await expect(ahead.targets()).rejects.toThrow(/\/etc\/mesos\/zk/);
	});

	it('names every node whose targets are blocked, each with its node, not the first node alone (the deploy’s target check)', async () => {
		const nodes = await Promise.all(
			['m1', 'm2'].map(async name => {
				const {node, root} = await sandboxNode([]);
				await mkdir(path.join(root, 'etc/mesos/zk'), {recursive: true});
				return {...node, node: name} as NodeSystem;
			}),
		);
		const two: Cluster = {...cluster, nodes: [{name: 'm1', address: '10.77.0.11', role: 'master+agent'}, {name: 'm2', address: '10.77.0.12', role: 'master+agent'}]};
		const read = await Promise.all(nodes.map(async node => readAhead(two, node)));
		const refused = refuseNodesTargets(read.map(({plan, targets}) => ({node: plan.node.name, targets})));
		await expect(refused).rejects.toThrow(/^m1: \/etc\/mesos\/zk \(from mesos\.zk\) is a (folder|directory), not a regular file .*\nm2: \/etc\/mesos\/zk \(from mesos\.zk\) is a (folder|directory)/);
	});

	it('drops a reading nobody awaits without an unhandled rejection (a deploy that ended first)', async () => {
		const {node} = await sandboxNode([]);
		const stranger = {...node, node: 'not-in-the-file'} as NodeSystem;
		const reading = readAhead(cluster, stranger);
		// Nothing awaits it; an unhandled rejection would fail this file. It did reject:
		await new Promise(resolve => setTimeout(resolve, 50));
		await expect(reading).rejects.toThrow(/not-in-the-file is not a node of the cluster file/);
	});
});
