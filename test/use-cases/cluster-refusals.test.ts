// What a cluster run refuses before any node changes, said whole. A cluster the screens made (its
// settings from the pages, not read from a file): settings that do not hold together are refused
// in the same words by every node planned at once (cluster plan --root, the rehearsal), each named
// once as the cluster's settings.ID, never as one node's (the nodes are planned with Promise.all:
// the first to refuse used to win). Files blocked on several nodes: every node named, not the first.
import {mkdir, readdir} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Cluster} from '../../source/model/cluster.js';
import {InputError} from '../../source/model/errors.js';
import {planCluster, rehearseCluster} from '../../source/use-cases/cluster.js';
import {masterAndTwoAgents} from '../fixtures/cluster-nodes.js';
import {tempRoot} from '../helpers/temp-root.js';

const cluster: Cluster = {
	nodes: masterAndTwoAgents,
	ssh: {},
	// An apt source whose key is given twice: the same problem on every node.
	settings: {'repo.source': 'apt', 'repo.url': 'https://debs.example/mesos', 'repo.keyUrl': 'https://debs.example/key.asc', 'repo.keyFile': '/srv/key.asc', 'repo.fingerprint': '81026D0004C44CF7EF55ADF8DF7D54CBE56151BF'},
};

const refusal = async (work: Promise<unknown>): Promise<string[]> => {
	const error: unknown = await work.then(
		() => undefined,
		(reason: unknown) => reason,
	);
	if (!(error instanceof InputError)) throw new Error(`not refused as bad input: ${String(error)}`);
	return error.problems;
};

const once = ['settings.repo.keyUrl and settings.repo.keyFile are both set (https://debs.example/key.asc, /srv/key.asc); the key comes from one place: empty one of them.'];

describe('settings of a cluster that do not hold together', () => {
	it('are named once as the cluster’s settings by the rehearsal and cluster plan --root, whichever node is planned first', async () => {
		const root = await tempRoot();
		expect(await refusal(rehearseCluster(cluster, root))).toEqual(once);
		expect(await refusal(planCluster(cluster, {root}))).toEqual(once);
	});
});

describe('targets blocked on several nodes', () => {
	it('are all named by the rehearsal and cluster plan --root, each with its node, and no node is written', async () => {
		const root = await tempRoot();
		// A folder source not there: the layout is said as not predicted, and nothing is reached.
		const two: Cluster = {...cluster, settings: {'repo.source': 'folder', 'repo.folder': '/srv/no-debs-here'}, nodes: cluster.nodes.slice(0, 2)};
		for (const node of ['m1', 'a1']) await mkdir(path.join(root, node, 'etc/mesos/zk'), {recursive: true});
		for (const refused of [await refusal(rehearseCluster(two, root)), await refusal(planCluster(two, {root}))]) {
			expect(refused).toEqual([expect.stringMatching(/^m1: \/etc\/mesos\/zk \(from mesos\.zk\) is a (folder|directory), not a regular file/), expect.stringMatching(/^a1: \/etc\/mesos\/zk \(from mesos\.zk\) is a (folder|directory)/)]);
		}
		expect(await readdir(path.join(root, 'm1'))).toEqual(['etc']);
	});
});
