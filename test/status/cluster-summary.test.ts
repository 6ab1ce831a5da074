import {describe, expect, it} from 'vitest';
import {summarizeCluster} from '../../source/model/cluster-summary.js';
import {clusterLines} from '../../source/model/status-snapshot.js';
import {healthyCluster, marathonFrameworkId} from '../fixtures/cluster-model.js';
import {marathonInfo} from '../fixtures/marathon.js';
import {masterMetrics, masterState} from '../fixtures/mesos-master.js';

const ok = (data: unknown) => ({ok: true as const, data});
const failed = (error: string) => ({ok: false as const, error});

describe('the cluster summary', () => {
	it('reads leader, agents, frameworks, Marathon and resources from the documented answers', () => {
		const model = healthyCluster();
		const summary = summarizeCluster({state: ok(masterState(model)), metrics: ok(masterMetrics(model)), marathon: ok(marathonInfo(model, () => 8080))});
		expect(summary).toEqual({
			leader: '127.0.0.1:5050',
			agents: {active: 1, inactive: 0},
			frameworks: [{name: 'marathon', active: true}],
			marathon: {registered: true, leader: '127.0.0.1:8080', frameworkId: marathonFrameworkId, version: '1.4.13'},
			cpus: {used: 1, total: 4},
			memoryMb: {used: 1024, total: 6912},
			unreachable: [],
		});
		expect(clusterLines(summary)).toEqual([
			'Leader:     127.0.0.1:5050',
			'Agents:     1 active',
			'Frameworks: marathon',
			'Marathon:   registered with the master, leader 127.0.0.1:8080, version 1.4.13',
			'CPUs:       1 of 4 used',
			'Memory:     1 GB of 6.8 GB used',
		]);
	});

	it('says Marathon is not registered when the master lists no framework of its id', () => {
		const model = {...healthyCluster(), frameworks: []};
		const summary = summarizeCluster({state: ok(masterState(model)), metrics: ok(masterMetrics(model)), marathon: ok(marathonInfo(model, () => 8080))});
		expect(summary.marathon.registered).toBe(false);
		expect(summary.frameworks).toEqual([]);
		expect(clusterLines(summary)).toContain('Frameworks: none');
	});

	it('falls back to the agents in /master/state when the metrics do not answer, and names what did not', () => {
		const model = healthyCluster();
		const summary = summarizeCluster({
			state: ok(masterState(model)),
			metrics: failed('http://127.0.0.1:1/metrics/snapshot: connection refused (nothing listening)'),
			marathon: failed('http://127.0.0.1:2/v2/info: no answer in time'),
		});
		expect(summary.agents).toEqual({active: 1, inactive: 0});
		expect(summary.cpus).toEqual({used: 1, total: 4});
		expect(summary.marathon).toEqual({registered: true, leader: null, frameworkId: null, version: null});
		expect(clusterLines(summary).slice(-2)).toEqual([
			'No answer:  master metrics: http://127.0.0.1:1/metrics/snapshot: connection refused (nothing listening)',
			'No answer:  Marathon info: http://127.0.0.1:2/v2/info: no answer in time',
		]);
	});

	it('knows nothing, and says so, when the master and Marathon are both down', () => {
		const down = failed('connection refused');
		const summary = summarizeCluster({state: down, metrics: down, marathon: down});
		expect(summary).toMatchObject({leader: null, agents: null, frameworks: null, cpus: null, memoryMb: null});
		expect(summary.marathon.registered).toBeNull();
		expect(clusterLines(summary)).toEqual([
			'Leader:     none known',
			'Agents:     unknown',
			'Frameworks: unknown',
			'Marathon:   registration unknown',
			'CPUs:       unknown',
			'Memory:     unknown',
			'No answer:  master state: connection refused',
			'No answer:  master metrics: connection refused',
			'No answer:  Marathon info: connection refused',
		]);
	});

	it('treats an answer that is not a JSON object as not answering', () => {
		const summary = summarizeCluster({state: ok('<html>'), metrics: ok([]), marathon: ok(null)});
		expect(summary.unreachable.map(u => u.error)).toEqual(Array(3).fill('answered, but not with a JSON object'));
	});
});
