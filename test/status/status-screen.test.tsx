import {appendFile, mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {renderScreen} from '../ui/render-screen.js';
import {afterEach, describe, expect, it} from 'vitest';
import {StatusScreen} from '../../source/ui/status/StatusScreen.js';
import type {CommandRunner} from '../../source/system/runner.js';
import {createSystem, type System} from '../../source/system/system.js';
import {type FixtureCluster, startCluster} from '../fixtures/cluster.js';
import {waitFor} from '../helpers/wait-for.js';
import {press, pressExpectingNoChange, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {tempRoot} from '../helpers/temp-root.js';


let cluster: FixtureCluster | undefined;
let unmount: (() => void) | undefined;
afterEach(async () => {
	unmount?.();
	unmount = undefined;
	await cluster?.stop();
	cluster = undefined;
});

async function showStatus(options: {intervalMs?: number; root?: string; machine?: (system: System) => System} = {}) {
	cluster = await startCluster();
	const created = await createSystem({root: options.root ?? (await tempRoot())});
	const system = options.machine ? options.machine(created) : created;
	const calls: string[] = [];
	const screen = renderScreen(
		system,
		<StatusScreen
			endpoints={cluster.endpoints}
			intervalMs={options.intervalMs ?? 2000}
			onEdit={() => calls.push('edit')}
			onQuit={() => calls.push('quit')}
			/>,
	);
	unmount = screen.unmount;
	return {screen, calls, cluster, system};
}

// Five refreshes of an unchanged cluster (each asks the master three things) draw no frame.
async function expectNoFrameWhileIdle(screen: {frames: unknown[]}, cluster: FixtureCluster): Promise<void> {
	// Settled: a whole refresh after the frame awaited (on a busy machine the first snapshot's frame
	// can still be drawing when it shows).
	const settled = cluster.master.hits.length;
	await waitFor('one more refresh', () => cluster.master.hits.length >= settled + 3);
	const framesBefore = screen.frames.length;
	const looksBefore = cluster.master.hits.length;
	await waitFor('five more refreshes', () => cluster.master.hits.length >= looksBefore + 15);
	expect(screen.frames.length).toBe(framesBefore);
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
		expect(frame).toContain('↑↓ select · r restart · l full log · e edit a setting · q/Esc quit');
		expect(frame.split('\n').length).toBeLessThan(40);
	});

	it('takes keys that come in one read one by one: two downs and r ask to restart the third service', async () => {
		const {screen, calls} = await showStatus();
		await waitForFrame(screen, 'Cluster');
		screen.stdin.write(`${keys.down}${keys.down}r`);
		const asked = await waitForFrame(screen, 'Restart mesos-slave now?');
		expect(asked).toContain('› mesos-slave');
		// n answers the question, then q is the panes' own: it leaves.
		screen.stdin.write('nq');
		await waitFor('q to leave the screen', () => calls.includes('quit'));
		expect(screen.lastFrame()).not.toContain('Restart mesos-slave now?');
	});

	it('does not render again while nothing changes, and shows a change at the next refresh', async () => {
		const {screen, cluster} = await showStatus({intervalMs: 20});
		await waitForFrame(screen, 'Cluster');
		await expectNoFrameWhileIdle(screen, cluster);
		await cluster.stopService('agent');
		// A probe under way as the agent closed may see "other side closed" first; the refresh after it, refused.
		const frame = await waitForFrame(screen, `unhealthy: ${cluster.agent.url}/health: connection refused`);
		expect(frame).toContain('mesos-slave   unknown             unhealthy:');
	});

	it('shows a line added to a service’s log at the next refresh, and nothing while the log stays', async () => {
		const root = await tempRoot();
		const log = path.join(root, 'var/log/mesos/mesos-master.INFO');
		await mkdir(path.dirname(log), {recursive: true});
		await writeFile(log, 'I1125 the first line\n');
		const {screen, cluster} = await showStatus({root, intervalMs: 20});
		await waitForFrame(screen, '    I1125 the first line');
		await expectNoFrameWhileIdle(screen, cluster);
		await writeFile(log, 'I1125 the first line\nI1125 a line added\n');
		const frame = await waitForFrame(screen, '    I1125 a line added');
		expect(frame).toContain('    I1125 the first line');
	});

	it('shows what does not answer with its error, never crashing', async () => {
		const {screen, cluster} = await showStatus({intervalMs: 20});
		await waitForFrame(screen, 'Cluster');
		await cluster.stop();
		// The refresh after the servers closed (not one under way as they closed): nothing listening.
		const frame = await waitForFrame(screen, shown => shown.includes('No answer:  Marathon info') && shown.includes(`${cluster.master.url}/master/state: connection refused`));
		expect(frame).toContain('zookeeper     unknown             unhealthy: 127.0.0.1:');
		expect(frame).toContain(`No answer:  master state: ${cluster.master.url}/master/state: connection refused`);
		expect(frame).toContain('Leader:     none known');
	});

	it('says, in a sandbox, that it probes this machine, and why the init states are unknown', async () => {
		const {screen} = await showStatus();
		const frame = await waitForFrame(screen, 'Cluster');
		expect(frame).toContain("Probing this machine's real addresses: a sandbox has no services of its own.");
		expect(frame).toContain('Init states: not asked (--root: system commands are not run)');
	});

	it('shows the init system’s own words under a service it does not call running', async () => {
		const {screen} = await showStatus({
			machine: system => {
				const commands: CommandRunner = {
					...system.commands,
					// The sysv command's answer (model/init-state.ts): each script's words, then its name and exit code.
					async run() {
						const running = ['zookeeper', 'mesos-slave', 'marathon'].map(name => `${name} is running (pid 4242)\n@@mesos-setup-status ${name} 0\n`);
						return {ok: true, exitCode: 0, stdout: ['mesos-master: unrecognized service\n@@mesos-setup-status mesos-master 4\n', ...running].join(''), stderr: ''};
					},
				};
				return {...system, sandbox: false, facts: {...system.facts, init: 'sysv'}, commands};
			},
		});
		const frame = await waitForFrame(screen, 'Cluster');
		expect(frame).toContain('  mesos-master  unknown             healthy:');
		expect(frame).toContain('    init: mesos-master: unrecognized service');
		expect(frame).toContain('  mesos-slave   running (pid 4242)  healthy:');
		expect(frame).not.toContain('Probing');
		expect(frame).not.toContain('init: mesos-slave');
	});

	it('shows Docker’s line above the panes where the agent’s containerizers include docker, from docker version', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/mesos-slave'), {recursive: true});
		await writeFile(path.join(root, 'etc/mesos-slave/containerizers'), 'docker,mesos\n');
		const asked: string[][] = [];
		const {screen} = await showStatus({
			root,
			machine: system => {
				const commands: CommandRunner = {
					...system.commands,
					has: async command => command === 'docker' || system.commands.has(command),
					// docker version as a client without its daemon answers: its JSON with Server null, its words on stderr, exit 1.
					async run(argv) {
						asked.push([...argv]);
						if (argv[0] === 'docker') return {ok: false, exitCode: 1, stdout: '{"Client":{"Version":"28.2.2"},"Server":null}\n', stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n'};
						return {ok: true, exitCode: 0, stdout: '', stderr: ''};
					},
				};
				return {...system, sandbox: false, facts: {...system.facts, init: 'sysv'}, commands};
			},
		});
		const frame = await waitForFrame(screen, 'Cluster');
		expect(frame.replaceAll(/\s+/g, ' ')).toContain('Docker: unhealthy: the docker client 28.2.2 answers but the Docker daemon does not (Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?): start it (service docker start, or systemctl start docker) before the Mesos agent');
		expect(asked).toContainEqual(['docker', 'version', '--format', '{{json .}}']);
	});

	it('keeps every probe error whole at 80×24, within the terminal', async () => {
		const {screen, cluster} = await showStatus({intervalMs: 20});
		Object.defineProperty(screen.stdout, 'columns', {value: 80});
		Object.assign(screen.stdout, {rows: 24});
		screen.stdout.emit('resize');
		await waitForFrame(screen, 'Cluster');
		await cluster.stop();
		// Probes under way as the servers close see their connection reset or hung up; the refresh
		// after them sees nothing listening, ZooKeeper's too (CI once caught its line still reset).
		// The frame waited for is that one, whole.
		const urls = [cluster.master.url + '/master/health', cluster.agent.url + '/health', cluster.marathon.url + '/ping'];
		const zookeeperRefused = /zookeeper unknown unhealthy: 127\.0\.0\.1:\d+: connection refused \(nothing listening\)/;
		const refused = (frame: string) => urls.every(url => frame.replaceAll(/\s+/g, ' ').includes(`unhealthy: ${url}: connection refused (nothing listening)`)) && zookeeperRefused.test(frame.replaceAll(/\s+/g, ' '));
		// The services' lines come whole, each with a log row; the cluster gives up what does not fit,
		// saying where it is all shown.
		const frame = await waitForFrame(screen, shown => shown.includes('No answer:  master state') && shown.includes('(status --once lists them all)') && refused(shown));
		const rows = frame.split('\n');
		expect(rows.length).toBeLessThanOrEqual(23);
		expect(rows.every(row => row.length <= 80)).toBe(true);
		const text = frame.replaceAll(/\s+/g, ' ');
		expect(text).toMatch(zookeeperRefused);
		expect(frame).toContain('↑↓ select · r restart · l full log · e edit a setting · q/Esc quit');
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
		// The outcome does not fit beside the name at 100 columns: it wraps under it, whole.
		expect(frame).toContain('service mesos-slave restart and its health check (--root: system commands are not run)');
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

	// Review 3, #21: the full log was read once: lines written while it was open never came, and G did
	// not bring them in; lines wider than the terminal could not be read past its edge.
	it('follows the log while it is open, at its end, and moves long lines sideways', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'var/log/mesos'), {recursive: true});
		const file = path.join(root, 'var/log/mesos/mesos-master.INFO');
		const lines = Array.from({length: 60}, (_, i) => `I1125 log line ${i + 1}`);
		await writeFile(file, `${lines.join('\n')}\n`);
		const {screen} = await showStatus({root, intervalMs: 50});
		await waitForFrame(screen, 'Cluster');
		await press(screen, keys.down);
		await press(screen, 'l');
		await waitForFrame(screen, 'lines 24–60 of 60');
		await appendFile(file, 'I1125 log line 61\nI1125 log line 62\n');
		let frame = await waitForFrame(screen, 'lines 26–62 of 62');
		expect(frame).toContain('I1125 log line 62\n');
		// Scrolled back, the view stays where it is while lines come; G goes to the end and follows again.
		await press(screen, 'g');
		await appendFile(file, 'I1125 log line 63\n');
		frame = await waitForFrame(screen, 'lines 1–37 of 63');
		expect(frame).toContain('I1125 log line 1\n');
		await press(screen, 'G');
		await appendFile(file, `I1125 ${'wide '.repeat(40)}the end of a wide line\n`);
		frame = await waitForFrame(screen, 'lines 28–64 of 64');
		expect(frame).not.toContain('the end of a wide line');
		// Half the width (100 columns in tests) a key: the line's end is 206 columns in.
		frame = await press(screen, keys.right, keys.right, keys.right);
		expect(frame).toContain('the end of a wide line');
		expect(frame).toMatch(/from column \d+/);
		await press(screen, keys.escape);
		await waitForFrame(screen, '↑↓ select');
	});

	it('hands e and q to the screen that opened it', async () => {
		const {screen, calls} = await showStatus();
		await waitForFrame(screen, 'Cluster');
		await pressExpectingNoChange(screen, 'e');
		await waitFor('the edit call', () => calls.length === 1);
		await pressExpectingNoChange(screen, 'q');
		await waitFor('the quit call', () => calls.length === 2);
		expect(calls).toEqual(['edit', 'quit']);
	});
});
