import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {StatusScreen} from '../../source/ui/status/StatusScreen.js';
import {SystemProvider} from '../../source/ui/system-context.js';
import {createSystem} from '../../source/system/system.js';
import {type FixtureCluster, startCluster} from '../fixtures/cluster.js';
import {waitFor} from '../fixtures/wait-for.js';
import {keys, press, waitForFrame} from '../ui/ink-keys.js';
import {tempRoot} from '../helpers/temp-root.js';


let cluster: FixtureCluster | undefined;
let unmount: (() => void) | undefined;
afterEach(async () => {
	unmount?.();
	unmount = undefined;
	await cluster?.stop();
	cluster = undefined;
});

async function showStatus(options: {intervalMs?: number; root?: string} = {}) {
	cluster = await startCluster();
	const system = await createSystem({root: options.root ?? (await tempRoot())});
	const calls: string[] = [];
	const screen = render(
		<SystemProvider system={system}>
			<StatusScreen
			endpoints={cluster.endpoints}
			intervalMs={options.intervalMs ?? 2000}
			onEdit={() => calls.push('edit')}
			onQuit={() => calls.push('quit')}
			/>
		</SystemProvider>,
	);
	unmount = screen.unmount;
	return {screen, calls, cluster, system};
}

describe('the status screen', () => {
	it('shows one pane per service and the cluster summary', async () => {
		const {screen, cluster} = await showStatus();
		const frame = await waitForFrame(screen, 'Cluster');
		expect(frame).toContain('› zookeeper     unknown             healthy: Mode: standalone, 24 znodes');
		expect(frame).toContain(`  mesos-master  unknown             healthy: ${cluster.master.url}/master/health answered 200`);
		expect(frame).toContain('  marathon      unknown             healthy:');
		expect(frame).toContain(`Leader:     127.0.0.1:${cluster.master.port}`);
		expect(frame).toContain('Memory:     1 GB of 6.8 GB used');
		expect(frame).toContain('↑↓ select · r restart · l full log · e edit a setting · q quit');
		expect(frame.split('\n').length).toBeLessThan(40);
	});

	it('does not render again while nothing changes, and shows a change at the next refresh', async () => {
		const {screen, cluster} = await showStatus({intervalMs: 20});
		await waitForFrame(screen, 'Cluster');
		const framesBefore = screen.frames.length;
		const looksBefore = cluster.master.hits.length;
		// Several refreshes of an unchanged cluster.
		await waitFor(() => cluster.master.hits.length >= looksBefore + 15, 'five more refreshes');
		expect(screen.frames.length).toBe(framesBefore);
		await cluster.stopService('agent');
		const frame = await waitForFrame(screen, 'mesos-slave   unknown             unhealthy:');
		expect(frame).toContain(`unhealthy: ${cluster.agent.url}/health: connection refused`);
	});

	it('shows what does not answer with its error, never crashing', async () => {
		const {screen, cluster} = await showStatus({intervalMs: 20});
		await waitForFrame(screen, 'Cluster');
		await cluster.stop();
		const frame = await waitForFrame(screen, 'Unreachable: Marathon info');
		expect(frame).toContain('zookeeper     unknown             unhealthy: 127.0.0.1:');
		expect(frame).toContain(`Unreachable: master state: ${cluster.master.url}/master/state: connection refused`);
		expect(frame).toContain('Leader:     none known');
	});

	it('asks before restarting the selected service, then shows how the restart went', async () => {
		const {screen} = await showStatus();
		await waitForFrame(screen, 'Cluster');
		await press(screen, keys.down);
		await press(screen, keys.down);
		await waitForFrame(screen, '› mesos-slave');
		await press(screen, 'r');
		await waitForFrame(screen, 'Restart mesos-slave now?');
		await press(screen, 'n');
		let frame = await waitForFrame(screen, '↑↓ select');
		expect(frame).not.toContain('Restart mesos-slave now?');
		await press(screen, 'r');
		await waitForFrame(screen, 'Restart mesos-slave now?');
		await press(screen, 'y');
		// A sandbox root runs no system commands: the restart says so instead of pretending.
		frame = await waitForFrame(screen, 'mesos-slave skipped');
		expect(frame).toContain('mesos-slave skipped · service mesos-slave restart and its health check (--root');
		await press(screen, keys.enter);
		frame = await waitForFrame(screen, '↑↓ select');
		expect(frame).not.toContain('mesos-slave skipped');
	});

	it('opens the selected service’s full log and comes back', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'var/log/mesos'), {recursive: true});
		const lines = Array.from({length: 60}, (_, i) => `I1125 log line ${i + 1}`);
		await writeFile(path.join(root, 'var/log/mesos/mesos-master.INFO'), `${lines.join('\n')}\n`);
		const {screen} = await showStatus({root});
		let frame = await waitForFrame(screen, 'Cluster');
		// The pane shows the newest lines that fit.
		expect(frame).toContain('    I1125 log line 60');
		await press(screen, keys.down);
		await press(screen, 'l');
		// Tests render 40 rows: the title, 37 lines of the log and the key help.
		frame = await waitForFrame(screen, '/var/log/mesos/mesos-master.INFO lines 24–60 of 60');
		expect(frame).toContain('I1125 log line 24\n');
		expect(frame).not.toContain('I1125 log line 23\n');
		await press(screen, 'g');
		frame = await waitForFrame(screen, 'lines 1–37 of 60');
		expect(frame).toContain('I1125 log line 1\n');
		expect(frame).not.toContain('I1125 log line 38\n');
		await press(screen, keys.escape);
		await waitForFrame(screen, '↑↓ select');
	});

	it('hands e and q to the screen that opened it', async () => {
		const {screen, calls} = await showStatus();
		await waitForFrame(screen, 'Cluster');
		await press(screen, 'e');
		await waitFor(() => calls.length === 1, 'the edit call');
		await press(screen, 'q');
		await waitFor(() => calls.length === 2, 'the quit call');
		expect(calls).toEqual(['edit', 'quit']);
	});
});
