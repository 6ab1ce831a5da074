// Each wizard screen with keys typed into it, on a sandbox root or a machine faked by the test.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createSystem} from '../../source/system/system.js';
import {tempRoot} from '../helpers/temp-root.js';
import {keys, press, waitForFrame} from '../ui/ink-keys.js';
import {renderWizard} from '../ui/render-wizard.js';
import {fakeMachine} from './fake-machine.js';

afterEach(() => cleanup());

const beforeConfiguration = ['preflight', 'key', 'repository', 'install', 'overrides'] as const;

describe('welcome', () => {
	it('says when a real setup cannot work here and switches to a rehearsal when accepted', async () => {
		const {system} = await fakeMachine({});
		const notRoot = {...system, facts: {...system.facts, isRoot: false}};
		const rehearsalRoot = await tempRoot();
		const app = await renderWizard({system: notRoot, rehearse: () => createSystem({root: rehearsalRoot})});
		const frame = await waitForFrame(app, 'A real setup cannot work here: this program is not running as root.');
		expect(frame).toContain('❯ Rehearse in a sandbox (./mesos-rehearsal)');
		expect(frame).toContain('Continue on this machine anyway');
		await press(app, keys.enter);
		const rehearsal = await waitForFrame(app, `rehearsal in ${rehearsalRoot}`);
		expect(rehearsal).toContain(`Rehearsal in ${rehearsalRoot}: files are written under it;`);
		expect(rehearsal).toContain('Press Enter to begin');
	});

	it('offers to continue a run that was stopped, from the step it stopped at', async () => {
		const {system} = await fakeMachine({completed: [...beforeConfiguration]});
		const app = await renderWizard({system, answers: {'zookeeper.myid': '1'}});
		const frame = await waitForFrame(app, 'A setup here stopped at “Configuration”.');
		expect(frame).toContain('❯ Continue from “Configuration” with the earlier answers');
		await press(app, keys.enter);
		const resumed = await waitForFrame(app, 'Configuration file 1 of 15: /etc/zookeeper/conf/myid');
		expect(resumed).toContain('✔ Install');
		expect(resumed).toContain('▸ Configuration');
	});

	it('asks before quitting, stays on n and quits on y', async () => {
		const app = await renderWizard();
		await waitForFrame(app, 'Press Enter to begin');
		await press(app, 'q');
		await waitForFrame(app, 'Quit now? Files written so far stay');
		await press(app, 'n');
		await waitForFrame(app, 'Enter start · q quit');
		await press(app, keys.ctrlC);
		await waitForFrame(app, 'Quit now?');
		await press(app, 'y');
		expect(app.exitCode()).toBe(0);
	});
});

describe('configuration files', () => {
	it('shows the error beside a value that is not allowed and refuses Enter until it is mended', async () => {
		const {system} = await fakeMachine({completed: [...beforeConfiguration]});
		const app = await renderWizard({system});
		await waitForFrame(app, 'Continue from');
		await press(app, keys.enter);
		await waitForFrame(app, '▸ ZooKeeper server id');
		await press(app, keys.backspace, '300');
		await waitForFrame(app, /ZooKeeper server id +300 +✖ not allowed: use a whole number/);
		await press(app, keys.enter);
		expect(app.lastFrame()).not.toContain('Press Enter to write');
		await press(app, keys.backspace, keys.backspace, keys.backspace, '2');
		await waitForFrame(app, /server id +2\s/);
		await press(app, keys.enter);
		// A rule that spans settings: myid 2 is not among the servers, which zoo.cfg lists next.
		await waitForFrame(app, '/etc/zookeeper/conf/myid · new file');
		expect(app.lastFrame()).toContain('+ 2');
		await press(app, keys.enter);
		await waitForFrame(app, '▸ ZooKeeper servers');
		await press(app, keys.enter);
		await waitForFrame(app, '▸ ZooKeeper data directory');
		await press(app, keys.enter);
		await waitForFrame(app, 'zookeeper.myid: "2" is not one of the server ids');
		expect(app.lastFrame()).not.toContain('Press Enter to write');
		await press(app, keys.up);
		await waitForFrame(app, '▸ ZooKeeper servers');
		await press(app, ...Array<string>(30).fill(keys.backspace), '2=127.0.0.1:2888:3888');
		await press(app, keys.enter, keys.enter);
		const preview = await waitForFrame(app, '/etc/zookeeper/conf/zoo.cfg · new file');
		expect(preview).toContain('+ server.2=127.0.0.1:2888:3888');
		expect(preview).toContain('note: admin.enableServer=false: ZooKeeper 3.5+ opens an admin web server');
	});

	it('previews a file against what is on disk before writing it, keeping the other lines', async () => {
		const {system} = await fakeMachine({completed: [...beforeConfiguration]});
		await mkdir(path.join(system.root, 'etc/default'), {recursive: true});
		await writeFile(path.join(system.root, 'etc/default/mesos'), '# Set by hand\nLOGS=/var/log/mesos\nULIMIT="-n 1024"\n');
		const app = await renderWizard({system});
		await waitForFrame(app, 'Continue from');
		await press(app, keys.enter);
		for (const label of ['ZooKeeper server id', 'ZooKeeper servers', 'ZooKeeper data directory']) {
			await waitForFrame(app, `▸ ${label}`);
			await press(app, keys.enter);
			if (label !== 'ZooKeeper servers') {
				await waitForFrame(app, 'Press Enter to write');
				await press(app, keys.enter);
			}
		}
		await waitForFrame(app, 'Configuration file 3 of 15: /etc/default/mesos');
		await press(app, keys.enter, keys.enter);
		const preview = await waitForFrame(app, '/etc/default/mesos · 1 line added, 1 removed');
		expect(preview).toContain('  # Set by hand');
		expect(preview).toContain('- ULIMIT="-n 1024"');
		expect(preview).toContain('+ ULIMIT="-n 8192"');
		await press(app, keys.enter);
		await waitForFrame(app, '✔ wrote /etc/default/mesos');
	});
});

describe('commands', () => {
	it('streams output into the log pane, shows apt progress, and offers retry after a failure', async () => {
		let updates = 0;
		let release: () => void = () => undefined;
		const halfway = new Promise<void>(resolve => {
			release = resolve;
		});
		const {system, ran} = await fakeMachine({
			completed: ['preflight', 'key', 'repository'],
			async command(argv, say) {
				if (argv.join(' ') === 'apt-get -y update') {
					updates++;
					if (updates === 1) {
						say('E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)', 'stderr');
						return {ok: false, exitCode: 100, failure: '“apt-get -y update” exited with code 100: E: Could not get lock /var/lib/dpkg/lock-frontend'};
					}
					say('Hit:1 http://deb.debian.org/debian bookworm InRelease');
					say('Get:2 http://repos.mesosphere.io/ubuntu trusty InRelease [3 kB]');
					return {};
				}
				say('0 upgraded, 4 newly installed, 0 to remove and 0 not upgraded.');
				for (const [n, pkg] of ['mesos', 'marathon', 'chronos', 'mesosphere'].entries()) say(`Get:${n + 1} http://repos.mesosphere.io/ubuntu trusty/main ${pkg} [1 MB]`);
				say('Fetched 4 MB in 1s (4 MB/s)');
				say('Unpacking mesos (1.9.0) ...');
				say('Unpacking marathon (1.4.8) ...');
				await halfway;
				say('Unpacking chronos (2.5.1) ...');
				say('Unpacking mesosphere (1.0) ...');
				for (const pkg of ['mesos', 'marathon', 'chronos', 'mesosphere']) say(`Setting up ${pkg} (1.0) ...`);
				return {};
			},
		});
		const app = await renderWizard({system});
		await waitForFrame(app, 'Continue from “Install”');
		await press(app, keys.enter);
		const review = await waitForFrame(app, 'Press Enter to run it');
		expect(review).toContain('$ apt-get -y update');
		expect(review).toContain('$ DEBIAN_FRONTEND=noninteractive apt-get install -y mesosphere');
		await press(app, keys.enter);
		const failed = await waitForFrame(app, '✖ Refresh package lists failed: “apt-get -y update” exited with code 100');
		expect(failed).toContain('E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by');
		expect(failed).toContain('r retry · s skip it and go on');
		await press(app, 'r');
		const progress = await waitForFrame(app, '4 packages: 4 fetched, 2 unpacked, 0 set up');
		expect(progress).toMatch(/█+░+ +50%/);
		expect(progress).toContain('Unpacking marathon (1.4.8) ...');
		release();
		const done = await waitForFrame(app, 'Install done. Press Enter');
		expect(done).toContain('Setting up mesosphere (1.0) ...');
		expect(ran).toEqual(['apt-get -y update', 'apt-get -y update', 'apt-get install -y mesosphere']);
		const log = system.state.progress();
		expect(log?.completed).toEqual(['preflight', 'key', 'repository', 'install']);
	});
});

describe('start services', () => {
	it('shows one pane per service, the log tail of a failed one, and goes on when it is skipped', async () => {
		const started = new Set<string>();
		let marathonTries = 0;
		const {system} = await fakeMachine({
			completed: [...beforeConfiguration, 'configuration'],
			command(argv, say) {
				const [, service = ''] = argv;
				if (service === 'mesos-master') {
					say('mesos-master start/running, process 4711');
					return {ok: false, exitCode: 1, failure: '“service mesos-master start” exited with code 1'};
				}
				say(`${service} start/running`);
				started.add(service);
				return {};
			},
			probe(probe) {
				if (probe.kind === 'zookeeper') return started.has('zookeeper') ? {healthy: true, detail: 'Mode: standalone'} : {healthy: false, detail: 'connection refused'};
				if (probe.url.endsWith('/ping')) {
					if (!started.has('marathon')) return {healthy: false, detail: 'connection refused'};
					marathonTries++;
					return marathonTries < 3 ? {healthy: false, detail: `${probe.url}: connection refused (nothing listening)`} : {healthy: true, detail: `${probe.url} answered 200 pong`};
				}
				return started.has('mesos-slave') ? {healthy: true, detail: `${probe.url} answered 200`} : {healthy: false, detail: 'connection refused'};
			},
		});
		await mkdir(path.join(system.root, 'var/log/mesos'), {recursive: true});
		await writeFile(path.join(system.root, 'var/log/mesos/mesos-master.INFO'), 'I1125 Starting Mesos master\nF1125 Check failed: quorum must be a majority\n');
		const app = await renderWizard({system});
		await waitForFrame(app, 'Continue from “Start services”');
		await press(app, keys.enter);
		const review = await waitForFrame(app, 'Press Enter to start them');
		expect(review).toContain('$ service zookeeper start');
		expect(review).toContain('then wait up to 60 s until ZooKeeper on 127.0.0.1:2181 answers srvr');
		await press(app, keys.enter);
		const failed = await waitForFrame(app, '✖ mesos-master failed');
		expect(failed).toContain('✔ zookeeper healthy · zookeeper: Mode: standalone');
		expect(failed).toContain('F1125 Check failed: quorum must be a majority');
		expect(failed).toContain('mesos-master start/running, process 4711');
		expect(failed).toMatch(/· mesos-slave waiting/);
		await press(app, 's');
		const done = await waitForFrame(app, 'Press Enter for the summary');
		expect(done).toContain('✔ marathon healthy');
		expect(done).toContain('health: http://127.0.0.1:8080/ping answered 200 pong (try 3, up to 90 s)');
		await press(app, keys.enter);
		const summary = await waitForFrame(app, 'these steps failed and were skipped: Start');
		expect(summary).toMatch(/3 services\s+healthy, 1 failed/);
		await press(app, keys.enter);
		expect(app.exitCode()).toBe(1);
	});
});

describe('layout', () => {
	it('stays shorter than the terminal and lays out again when it is resized', async () => {
		const app = await renderWizard();
		await waitForFrame(app, 'Press Enter to begin');
		expect((app.lastFrame() ?? '').split('\n').length).toBeLessThan(40);
		// ink-testing-library's stdout has no size; a resized terminal is given one, then told.
		Object.assign(app.stdout, {rows: 20});
		app.stdout.emit('resize');
		await waitForFrame(app, frameShorterThan(20));
		expect(app.lastFrame()).toContain('Enter start · q quit');
	});

	it('gives a narrow terminal the whole width and names the step in the title', async () => {
		const app = await renderWizard();
		await waitForFrame(app, '· Preflight');
		Object.defineProperty(app.stdout, 'columns', {value: 80});
		app.stdout.emit('resize');
		const narrow = await waitForFrame(app, 'mesos-setup · step 1 of 9: Welcome');
		expect(narrow).not.toContain('· Preflight');
		expect(narrow.split('\n').every(line => line.length <= 80)).toBe(true);
	});
});

function frameShorterThan(rows: number): RegExp {
	// Matches a frame of fewer than `rows` lines.
	return new RegExp(`^(?:[^\\n]*\\n){0,${rows - 2}}[^\\n]*$`);
}
