// How a cluster deploy ends (model/cluster-ending.ts), said alike by cluster setup --yes and the
// deploy screen: undo is offered only for what this run changed (a run that changed nothing on any
// node would otherwise be told to put back an earlier, working deploy), one line a node, a stop in
// the postflight as a stop (130) of a finished deploy, skipped nodes and an unproven cluster told
// apart from a failed stage; then the postflight's stop as the use case sees it (finishAndProve),
// and the clocks' skew named for its nodes.
import {describe, expect, it} from 'vitest';
import {clockSkew} from '../../source/model/clock-skew.js';
import {clusterEnding, type EndingWords} from '../../source/model/cluster-ending.js';
import type {ClusterOutcome, NodeRun} from '../../source/model/cluster-events.js';
import type {ClusterHealth} from '../../source/model/cluster-health.js';
import {rehearsalDone} from '../../source/model/cluster-deploy-view.js';
import {finishAndProve} from '../../source/use-cases/cluster-stages.js';

const words: EndingWords = {done: 'Done: 2 nodes set up and the cluster proven.', again: 'mesos-setup cluster setup c.yaml --yes', undo: 'mesos-setup cluster undo c.yaml --yes', status: 'mesos-setup cluster status c.yaml'};
const untouched = (node: string): NodeRun => ({node, recorded: false, changedFiles: 0});
const changed = (node: string, files = 7): NodeRun => ({node, recorded: true, changedFiles: files, backupsDir: `${node}:/var/backups/mesos-setup/R2`});
const texts = (outcome: ClusterOutcome) => {
	const {code, lines} = clusterEnding(outcome, words);
	return {code, text: lines.map(line => line.text).join('\n')};
};

describe('the ending of a cluster deploy', () => {
	it('a preflight that failed changed nothing: no undo (it would put back an earlier deploy), only how to run again', () => {
		const {code, text} = texts({ok: false, failed: [{node: 'a1 and m1', message: 'the clocks of a1 and m1 are 7.0 s apart'}], nodes: [untouched('m1'), untouched('a1')]});
		expect(code).toBe(1);
		expect(text).toBe('Nothing was changed on any node. Fix the cause on a1 and m1, then run the same command again: mesos-setup cluster setup c.yaml --yes.');
		expect(text).not.toContain('undo');
	});

	it('a stop before any change: 130, nothing changed on any node, no undo', () => {
		for (const nodes of [[], [untouched('m1'), untouched('a1')]]) {
			const {code, text} = texts({ok: false, stopped: true, failed: [], nodes});
			expect(code).toBe(130);
			expect(text).toBe('Stopped before anything was changed on any node.\nRun the same command again to start: mesos-setup cluster setup c.yaml --yes.');
		}
	});

	it('a failure after changes: one line a node, how to continue, and undo as what it is, naming the nodes where it would put back an earlier run', () => {
		const outcome: ClusterOutcome = {ok: false, failed: [{node: 'm2', message: 'Start zookeeper: not healthy', step: 'Start zookeeper'}], nodes: [changed('m1'), changed('m2', 1), {node: 'a1', recorded: true, changedFiles: 0}]};
		const {code, text} = texts(outcome);
		expect(code).toBe(1);
		expect(text.split('\n')).toEqual([
			'm1: changed 7 files, the old ones kept in m1:/var/backups/mesos-setup/R2',
			'm2: failed at Start zookeeper; changed 1 file, the old ones kept in m2:/var/backups/mesos-setup/R2',
			'a1: changed no file',
			'Nothing after the failed stage ran. Fix the cause on m2, then continue with: mesos-setup cluster setup c.yaml --yes (what is already done changes nothing when done again).',
			"To put back what this run changed: mesos-setup cluster undo c.yaml --yes (it puts back each node's last run that changed files; a stopped deploy that this one continued needs a second undo). On a1 this run changed no file, so there it would put back an earlier run.",
		]);
	});

	it('a stop after changes: 130, each node, how to continue and the undo', () => {
		const {code, text} = texts({ok: false, stopped: true, failed: [], nodes: [changed('m1'), untouched('a1')]});
		expect(code).toBe(130);
		expect(text).toContain('Stopped: the steps under way are recorded as stopped; nothing after them ran.\nm1: changed 7 files, the old ones kept in m1:/var/backups/mesos-setup/R2\na1: nothing changed\nTo continue: mesos-setup cluster setup c.yaml --yes.');
		expect(text).toContain('On a1 this run changed no file, so there it would put back an earlier run.');
	});

	it('a stop during the postflight: 130, the deploy itself finished and only its proof was cut short', () => {
		const {code, text} = texts({ok: false, stopped: true, postflightStopped: true, failed: [], nodes: [changed('m1'), changed('a1')]});
		expect(code).toBe(130);
		expect(text.split('\n')[0]).toBe('Stopped during the postflight: the deploy itself finished on every node; only the proof of the cluster was cut short. Look at it with: mesos-setup cluster status c.yaml.');
		expect(text).not.toContain('not proven');
	});

	it('tells skipped nodes and an unproven cluster apart from a failed stage', () => {
		const skipped = texts({ok: false, failed: [], skipped: ['a1'], nodes: [changed('m1'), changed('a1', 2)]});
		expect(skipped.code).toBe(1);
		expect(skipped.text).toContain('a1: skipped; changed 2 files');
		expect(skipped.text).toContain('a1 was skipped: every later stage ran on the other nodes, and the cluster is not complete without it. Fix the cause, then set it up with: mesos-setup cluster setup c.yaml --yes');
		const unproven = texts({ok: false, failed: [], nodes: [changed('m1'), changed('a1')]});
		expect(unproven.text).toContain("The deploy finished on every node but the cluster is not proven: see the postflight's problems above. Look at it with: mesos-setup cluster status c.yaml.");
		for (const {text} of [skipped, unproven]) expect(text).not.toContain('failed stage');
	});

	it('done: the sentence given, then each node', () => {
		const {code, text} = texts({ok: true, failed: [], nodes: [changed('m1'), changed('a1', 1)]});
		expect(code).toBe(0);
		expect(text).toBe('Done: 2 nodes set up and the cluster proven.\nm1: changed 7 files, the old ones kept in m1:/var/backups/mesos-setup/R2\na1: changed 1 file, the old ones kept in a1:/var/backups/mesos-setup/R2');
	});

	// A run keeps a backups folder only where it replaced a file: a node whose files were all new has
	// none, and its line does not speak of old ones.
	it('a node whose files were all new: said so, with no backups folder', () => {
		const {text} = texts({ok: true, failed: [], nodes: [{node: 'm1', recorded: true, changedFiles: 17}]});
		expect(text).toBe('Done: 2 nodes set up and the cluster proven.\nm1: changed 17 files, all new');
	});
});

describe('the end of a rehearsal (the screen and cluster setup --yes --root alike)', () => {
	it('a dry run says nothing was written and what would write it, not where the files are', () => {
		expect(rehearsalDone('./R', true, 'mesos-setup cluster setup c.yaml --root ./R')).toBe("Dry run: nothing was written; mesos-setup cluster setup c.yaml --root ./R would write every node's files under ./R/NAME.");
		expect(rehearsalDone('./R', false, 'unused')).toBe("Done: every node's files are under ./R/NAME; nothing went over SSH.");
	});
});

describe('the postflight cut short', () => {
	const health = {problems: ['ZooKeeper on m1 does not answer']} as unknown as ClusterHealth;
	const waitForStop = async (signal: AbortSignal) => new Promise<{health: ClusterHealth; settled: boolean}>(resolve => signal.addEventListener('abort', () => resolve({health, settled: false}), {once: true}));

	it('a stop while the proof waits is a stop (every run finished and the nodes let go first), not "not proven"', async () => {
		const stop = new AbortController();
		const done: string[] = [];
		const proving = finishAndProve([{node: 'm1', finish: async () => void done.push('finished')}], async () => void done.push('let go'), waitForStop, stop.signal);
		await new Promise(resolve => setTimeout(resolve, 10));
		stop.abort();
		expect(await proving).toEqual({health, settled: false, stopped: true, unfinished: []});
		expect(done).toEqual(['finished', 'let go']);
	});

	it('a run that cannot be finished on a node (its SSH dropped after the last stage) is said with its node; the proof goes on', async () => {
		const proven = {health: {problems: []} as unknown as ClusterHealth, settled: true};
		const done: string[] = [];
		const finishing = [
			{node: 'm1', finish: async () => void done.push('m1 finished')},
			{node: 'm2', finish: async () => Promise.reject(new Error('m2 (10.0.0.12) cannot be reached over SSH'))},
		];
		const proving = finishAndProve(finishing, async () => void done.push('let go'), async () => proven);
		expect(await proving).toEqual({...proven, stopped: false, unfinished: [{node: 'm2', message: 'm2 (10.0.0.12) cannot be reached over SSH'}]});
		expect(done).toEqual(['m1 finished', 'let go']);
	});

	it('the ending says every stage finished, which node’s run is not marked finished and what that means, and exits 1', () => {
		const unfinished = [{node: 'm2', message: 'm2 (10.0.0.12) cannot be reached over SSH'}];
		const proven = texts({ok: false, failed: [], health: {problems: []} as unknown as ClusterHealth, nodes: [changed('m1'), changed('m2')], unfinished});
		expect(proven.code).toBe(1);
		expect(proven.text).toBe(
			[
				'Every stage finished on every node and the cluster is proven; only the end of this run could not be recorded on m2. Look at it with: mesos-setup cluster status c.yaml.',
				'm1: changed 7 files, the old ones kept in m1:/var/backups/mesos-setup/R2',
				'm2: changed 7 files, the old ones kept in m2:/var/backups/mesos-setup/R2',
				'm2: every stage ran there, but this run could not be marked finished on it (m2 (10.0.0.12) cannot be reached over SSH). Its journal names every file the run changed, so cluster undo still puts them back; a setup run on m2 itself would take this run as unfinished and continue it, and an undo after that would put back both.',
			].join('\n'),
		);
		const unproven = texts({ok: false, failed: [], health, nodes: [changed('m1'), changed('m2')], unfinished});
		expect(unproven.code).toBe(1);
		expect(unproven.text).toContain('The deploy finished on every node but the cluster is not proven');
		expect(unproven.text).toContain('m2: every stage ran there, but this run could not be marked finished on it');
		const stopped = texts({ok: false, stopped: true, postflightStopped: true, failed: [], health, nodes: [changed('m1'), changed('m2')], unfinished});
		expect(stopped.code).toBe(130);
		expect(stopped.text).toContain('m2: every stage ran there, but this run could not be marked finished on it');
	});
});

describe('the clocks of a cluster', () => {
	it('names the two nodes furthest apart, not a node called "clocks"', () => {
		expect(clockSkew([{node: 'm1', offsetMs: -1200}, {node: 'm2', offsetMs: 100}, {node: 'a1', offsetMs: 8000}])?.nodes).toEqual(['a1', 'm1']);
		expect(clockSkew([{node: 'm1', offsetMs: 0}, {node: 'a1', offsetMs: 3000}])).toBeUndefined();
	});
});
