// Each wizard screen with keys typed into it, on a sandbox root or a machine faked by the test.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {runCheck} from '../../source/system/machine-checks.js';
import {createSystem, type System} from '../../source/system/system.js';
import {readTree} from '../helpers/tree.js';
import {tempRoot} from '../helpers/temp-root.js';
import {press, pressExpectingNoChange, readsKeys, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {renderWizard, resizeTo} from '../ui/render-wizard.js';
import type {StepId} from '../../source/model/plan.js';
import type {RunOptions, RunResult} from '../../source/system/runner.js';
import {waitFor} from '../helpers/wait-for.js';
import {fakeMachine} from './fake-machine.js';
import {askedSettings} from '../../source/model/wizard-pages.js';
import {findSetting, type SettingId} from '../../source/model/settings.js';
import type {Facts} from '../../source/model/facts.js';
import type {RenderedApp} from '../ui/render-wizard.js';
import {pagesFor} from './walk.js';

afterEach(() => cleanup());

const beforeConfiguration = ['preflight', 'key', 'repository', 'install', 'overrides'] as const;

// A command that runs until it is stopped, as apt-get install on a slow mirror would.
const untilStopped = (options: RunOptions): Promise<Partial<RunResult>> =>
	new Promise(resolve => {
		const stop = () => resolve({ok: false, stopped: true, exitCode: undefined, failure: 'it was stopped before it finished'});
		if (options.signal?.aborted) stop();
		else options.signal?.addEventListener('abort', stop, {once: true});
	});

// The wizard continuing a stopped run whose steps up to `completed` were done, at its first page.
async function continued(completed: readonly StepId[], options: Omit<Parameters<typeof fakeMachine>[0], 'completed'> = {}) {
	const {system, ran} = await fakeMachine({...options, completed: [...completed]});
	const app = await renderWizard({system});
	await waitForFrame(app, 'Continue from');
	await readsKeys(app);
	app.stdin.write('\r');
	return {app, system, ran};
}

// The settings at a glance, with "continue" under the cursor.
const atList = (app: RenderedApp) => waitForFrame(app, '❯ Continue with these values');

// From the settings at a glance, Enter: the summary of the run, drawn once the disk is read.
async function toSummary(app: RenderedApp): Promise<string> {
	await atList(app);
	await press(app, keys.enter);
	return waitForFrame(app, 'Press Enter to start the run');
}

// The setting's page opened from the list: ↓ to its item, Enter; its field focused.
async function openSetting(app: RenderedApp, facts: Facts, id: SettingId): Promise<string> {
	await atList(app);
	const item = 2 + askedSettings(pagesFor(facts)).indexOf(id);
	await press(app, ...Array<string>(item).fill(keys.down), keys.enter);
	return waitForFrame(app, `▸ ${findSetting(id).label}`);
}

describe('keys that come in one read', () => {
	it('five Enters on the first page of the walk accept the source, its key and repository fields in order, a sixth the role goes to the next page', async () => {
		const app = await renderWizard();
		await waitForFrame(app, 'Press Enter to begin');
		await readsKeys(app);
		app.stdin.write('\r');
		await waitForFrame(app, 'Press Enter to go on to the settings');
		app.stdin.write('\r');
		await atList(app);
		app.stdin.write(`${keys.down}\r`);
		await waitForFrame(app, '▸ Package source');
		app.stdin.write('\r\r\r\r\r');
		await waitForFrame(app, '▸ This machine’s role');
		app.stdin.write('\r');
		const next = await waitForFrame(app, 'Settings page 2 of 17: /etc/zookeeper/conf/zoo.cfg');
		expect(next).toContain('▸ ZooKeeper servers');
	});

	it('Backspace and a digit in one read edit the server id; a pasted server list with its Enters goes back to the list', async () => {
		const {app, system} = await continued(beforeConfiguration);
		await openSetting(app, system.facts, 'zookeeper.myid');
		app.stdin.write('\u007F2');
		const typed = await waitForFrame(app, /server id +2\s/);
		expect(typed).not.toContain('not allowed');
		// Up to the servers (asked first, on the same page); Ctrl+U clears before the cursor, as in a
		// shell; then the paste and the Enters that end it and the page.
		await press(app, keys.up, keys.up);
		app.stdin.write('\u00152=10.0.0.9:2888:3888\r\r\r');
		const list = await waitForFrame(app, /\* ZooKeeper servers +2=10\.0\.0\.9:2888/);
		expect(list).toMatch(/\* ZooKeeper server id +2\s*$/m);
		// Back on the setting that was opened, not the page's first.
		expect(list).toContain('❯ * ZooKeeper server id');
	});

	it('moves the summary\'s cursor with arrows sent together, opens that file\'s diff, then runs', async () => {
		const {app, system} = await continued(['preflight', 'key', 'repository', 'install'], {probe: () => ({healthy: true, detail: 'ok (test)'})});
		Object.defineProperty(app.stdout, 'columns', {value: 80});
		Object.assign(app.stdout, {rows: 24});
		app.stdout.emit('resize');
		const summary = await toSummary(app);
		// Continued at the overrides: what ran before is not listed again.
		expect(summary).not.toContain('apt-get');
		app.stdin.write(`${keys.down.repeat(2)}d`);
		await waitForFrame(app, '/etc/init/marathon.override · new file');
		await press(app, 'd');
		await press(app, keys.enter);
		await waitForFrame(app, 'Press Enter to finish');
		expect(await readFile(path.join(system.root, 'etc/init/mesos-slave.override'), 'utf8')).toBe('manual\n');
	});

	it('q and y in one read during a step stop it', async () => {
		const {app} = await continued(['preflight', 'key', 'repository'], {
			command: (argv, say, options) => (argv.includes('update') ? {} : (say('Unpacking mesos (1.9.0) ...'), untilStopped(options))),
		});
		await toSummary(app);
		app.stdin.write('\r');
		await waitForFrame(app, 'Unpacking mesos (1.9.0) ...');
		app.stdin.write('qy');
		await waitFor('the wizard to end', () => app.exitCode() !== undefined);
		expect(app.exitCode()).toBe(130);
	});
});

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

	it('keeps a long sandbox path’s own folder in an 80-column title, cutting it from its start', async () => {
		const root = path.join(await tempRoot(), 'a-rather-long-folder-for-rehearsals', 'mesos-rehearsal-of-the-build-cluster');
		await mkdir(root, {recursive: true});
		const app = await renderWizard({system: await createSystem({root})});
		// ink-testing-library's 100 columns cut it already.
		const wide = (await waitForFrame(app, 'mesos-rehearsal-of-the-build-cluster')).split('\n')[0] ?? '';
		expect(wide).toMatch(/^mesos-setup · guided setup · rehearsal in …[^ ]*-for-rehearsals\/mesos-rehearsal-of-the-build-cluster$/);
		expect(wide.length).toBe(99);
		const before = app.frames.length;
		Object.defineProperty(app.stdout, 'columns', {value: 80});
		app.stdout.emit('resize');
		// Ink draws the old frame cut at 80 first; the title is measured again for 80 columns.
		const titleAt80 = (): string => (app.frames.length > before ? (app.lastFrame()?.split('\n')[0] ?? '') : '');
		await waitFor('a title measured for 80 columns', () => titleAt80().startsWith('mesos-setup · step 1 of'));
		// The step's name takes room: what is left keeps the path's end.
		expect(titleAt80()).toMatch(/^mesos-setup · step 1 of \d+: Welcome · rehearsal in …[^ ]*-of-the-build-cluster$/);
		expect(titleAt80().length).toBe(79);
	});

	it('offers to continue a run that was stopped, from the step it stopped at', async () => {
		const {system} = await fakeMachine({completed: [...beforeConfiguration]});
		const app = await renderWizard({system, answers: {'zookeeper.myid': '1'}});
		const frame = await waitForFrame(app, 'A setup here stopped at “Configuration”.');
		expect(frame).toContain('❯ Continue from “Configuration” with the earlier answers');
		await press(app, keys.enter);
		const resumed = await atList(app);
		expect(resumed).toContain('✔ Install');
		expect(resumed).toContain('▸ Settings');
		// The summary lists what is left: the configuration and the services, not the install.
		const summary = await toSummary(app);
		expect(summary).toContain('Configuration');
		expect(summary).not.toContain('apt-get');
	});

	it('says the machine is assumed where the sandbox has no os-release, and claims nothing about root there', async () => {
		const app = await renderWizard();
		const frame = await waitForFrame(app, 'Assumed machine: ubuntu trusty · apt-key present');
		expect(frame).toContain('Init system: upstart (/etc/init overrides, service), the article’s');
		expect(frame).toContain('/etc/os-release is missing, so the article’s');
		expect(frame).not.toContain('running as root');
	});

	it('names a sandbox’s own machine from its os-release, still without claiming root', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc'), {recursive: true});
		await writeFile(path.join(root, 'etc/os-release'), 'ID=debian\nVERSION_CODENAME=bookworm\n');
		const app = await renderWizard({system: await createSystem({root})});
		const frame = await waitForFrame(app, /Sandbox machine: debian bookworm · apt-key/);
		expect(frame).toContain('Init system: systemd (systemctl), as debian bookworm ships');
		// Said once: the os-release note names only where it was read.
		expect(frame.match(/debian bookworm/g)).toHaveLength(2);
		expect(frame).not.toContain('assumed)');
		expect(frame).not.toContain('running as root');
	});

	it('says on a real machine whether it runs as root', async () => {
		const {system} = await fakeMachine({});
		const real = {...system, facts: {...system.facts, notes: [], assumed: false}};
		const app = await renderWizard({system: real});
		await waitForFrame(app, /This machine: ubuntu trusty · apt-key present · running as root/);
	});

	it('asks before quitting, stays on n and quits on y', async () => {
		const app = await renderWizard();
		await waitForFrame(app, 'Press Enter to begin');
		await press(app, 'q');
		await waitForFrame(app, 'Quit now? Nothing has been changed on this machine yet. (y/n)');
		await press(app, 'n');
		await waitForFrame(app, 'Enter start · q quit');
		await press(app, keys.ctrlC);
		await waitForFrame(app, 'Quit now?');
		await press(app, 'y');
		// The setup was not done: a stop, as README's exit codes say.
		expect(app.exitCode()).toBe(130);
	});
});

describe('without root, continuing anyway', () => {
	it('runs the preflight without writing anything, and the root check cannot be skipped', async () => {
		const root = await tempRoot();
		const sandbox = await createSystem({root});
		const system: System = {
			...sandbox,
			sandbox: false,
			facts: {...sandbox.facts, isRoot: false, hasApt: true, assumed: false, notes: []},
			// The real root check (as someone without root); the rest pass, as they read this machine.
			checks: {run: async check => (check.kind === 'root' ? runCheck(check, sandbox.fs, false) : {status: 'passed', message: 'checked (test)'})},
		};
		const app = await renderWizard({system, answers: {'slave.hostname': 'node1'}});
		await waitForFrame(app, '❯ Rehearse in a sandbox');
		await press(app, keys.down);
		await waitForFrame(app, '❯ Continue on this machine anyway');
		await press(app, keys.enter);
		await waitForFrame(app, 'Press Enter to begin');
		await press(app, keys.enter);
		const failed = await waitForFrame(app, '✖ Running as root failed');
		expect(failed.replaceAll(/\s+/g, ' ')).toMatch(/Running as root: this runs as \S+: run it with sudo, or rehearse with --root \.\/mesos-rehearsal/);
		expect(failed.replaceAll(/\s+/g, ' ')).toContain('it cannot be skipped: every later step needs it');
		expect(failed).not.toContain('s skip');
		expect(failed).not.toContain('offers to continue');
		await pressExpectingNoChange(app, 's');
		await pressExpectingNoChange(app, keys.enter);
		expect(app.lastFrame()).toContain('✖ Running as root failed');
		// Nothing was written: no log, no saved answers, no progress, no backups.
		expect(await readTree(root)).toEqual({});
		await press(app, 'q');
		await waitForFrame(app, 'Quit now? Nothing has been changed on this machine yet. (y/n)');
	});
});

describe('settings and the summary', () => {
	it('shows the error beside a value that is not allowed, then a rule across settings by labels, mended on the same page', async () => {
		const {system} = await fakeMachine({completed: [...beforeConfiguration]});
		const app = await renderWizard({system});
		// 80 columns: no step list beside the screen, so a wrapped problem reads on as one text.
		Object.defineProperty(app.stdout, 'columns', {value: 80});
		app.stdout.emit('resize');
		await waitForFrame(app, 'Continue from');
		await press(app, keys.enter);
		await openSetting(app, system.facts, 'zookeeper.myid');
		await press(app, keys.backspace, '300');
		await waitForFrame(app, /ZooKeeper server id +300 +✖ not allowed: use a whole number/);
		await pressExpectingNoChange(app, keys.enter);
		expect(app.lastFrame()).toContain('Settings page');
		await press(app, keys.backspace, keys.backspace, keys.backspace, '2');
		await waitForFrame(app, /server id +2\s/);
		await press(app, keys.enter);
		const said = (frame: string) => frame.replaceAll(/\s+/g, ' ');
		const refused = await waitForFrame(app, frame => said(frame).includes('ZooKeeper server id: "2" is not one of the server ids in ZooKeeper servers (1)'));
		expect(said(refused)).toContain('Change ZooKeeper server id or ZooKeeper servers above (Tab moves between fields).');
		expect(refused).not.toContain('zookeeper.myid');
		await press(app, keys.up, keys.up);
		const servers = (await waitForFrame(app, /▸ ZooKeeper servers +\S/)).match(/▸ ZooKeeper servers +(\S+)/)?.[1] ?? '';
		await press(app, ...Array<string>([...servers].length).fill(keys.backspace), '2=127.0.0.1:2888:3888');
		await press(app, keys.enter, keys.enter, keys.enter);
		// Back on the list, on the setting that was opened: up to "continue".
		let list = await waitForFrame(app, /❯ \* ZooKeeper server id +2/);
		expect(list).toMatch(/\* ZooKeeper servers +2=127\.0\.0\.1:2888/);
		for (let ups = 0; ups < 12 && !list.includes('❯ Continue with these values'); ups++) list = await press(app, keys.up);
		await toSummary(app);
		await press(app, keys.down, 'd');
		// zoo.cfg comes with the package: its diff is against the package's sample.
		const preview = await waitForFrame(app, '/etc/zookeeper/conf/zoo.cfg · 3 lines added, 0 removed');
		expect(preview).toContain('clientPort=2181');
		expect(preview).toContain('+ server.2=127.0.0.1:2888:3888');
		expect(preview).toContain('note: admin.enableServer=false: ZooKeeper 3.5+ opens an admin web server');
	});

	it('lists in the summary a file changed against what is on disk, whose diff keeps the other lines', async () => {
		const {system} = await fakeMachine({completed: [...beforeConfiguration], probe: () => ({healthy: true, detail: 'ok (test)'})});
		await mkdir(path.join(system.root, 'etc/default'), {recursive: true});
		const notes = Array.from({length: 12}, (_, n) => `# note ${n + 1}\n`).join('');
		await writeFile(path.join(system.root, 'etc/default/mesos'), `# Set by hand\n${notes}LOGS=/var/log/mesos\nULIMIT="-n 1024"\n`);
		const app = await renderWizard({system});
		await waitForFrame(app, 'Continue from');
		await press(app, keys.enter);
		const summary = await toSummary(app);
		expect(summary).toContain('/etc/default/mesos   (changed, env file edited in place)');
		expect(summary).toMatch(/files: \d+ new, 1 changed\./);
		await press(app, keys.down, keys.down, 'd');
		const preview = await waitForFrame(app, '/etc/default/mesos · 1 line added, 1 removed · f: whole file');
		expect(preview).not.toContain('# Set by hand');
		expect(preview).toContain('- ULIMIT="-n 1024"');
		expect(preview).toContain('+ ULIMIT="-n 8192"');
		// f shows the whole file as it will be written, the other lines kept; f again, the changes.
		await press(app, 'f');
		const whole = await waitForFrame(app, 'f: changes only');
		expect(whole).toContain('# Set by hand');
		expect(whole).toContain('# note 1');
		await press(app, 'f');
		await waitForFrame(app, 'f: whole file');
		await press(app, keys.enter);
		await waitForFrame(app, 'Press Enter to finish');
		expect(await readFile(path.join(system.root, 'etc/default/mesos'), 'utf8')).toBe(`# Set by hand\n${notes}LOGS=/var/log/mesos\nULIMIT="-n 8192"\n`);
	});

	it('shows every setting at a glance at 80×24 and 120×40: value, file, a mark where it differs, continue first', async () => {
		for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
			const {system} = await fakeMachine({completed: [...beforeConfiguration]});
			const app = await renderWizard({system, answers: {'slave.hostname': 'node-1'}});
			Object.defineProperty(app.stdout, 'columns', {value: columns});
			Object.assign(app.stdout, {rows});
			app.stdout.emit('resize');
			await waitForFrame(app, 'Continue from');
			await press(app, keys.enter);
			await atList(app);
			// The list is drawn once the rows left for it are measured: wait for its items, not its cursor.
			const list = await waitForFrame(app, 'Walk through every page');
			const lines = list.split('\n');
			expect(lines.length).toBeLessThanOrEqual(rows - 1);
			expect(lines.every(line => line.length <= columns)).toBe(true);
			expect(list).toContain('Walk through every page');
			expect(list).toContain('Enter continue');
			// The cursor's window: the first settings show at 80×24, every one at 120×40.
			// A wide screen names each setting's file in a column; a narrow one the chosen setting's, under the list.
			expect(list).toMatch(rows === 40 ? / {2}Repository URL +http:\/\/repos\.mesosphere\.io +the saved answers/ : / {2}Repository URL +http:\/\/repos\.mesosphere\.io *$/m);
			if (rows === 40) expect(list).toMatch(/\* Agent host name +node-1 +\/etc\/mesos-slave\/hostname/);
			let frame = list;
			for (let downs = 0; downs < 30 && !frame.includes('❯ * Agent host name'); downs++) frame = await press(app, keys.down);
			expect(frame).toMatch(rows === 40 ? /❯ \* Agent host name +node-1 +\/etc\/mesos-slave\/hostname/ : /❯ \* Agent host name +node-1 *$/m);
			if (rows === 24) expect(frame).toContain('Written to /etc/mesos-slave/hostname.');
			expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
			app.unmount();
		}
	});
});

describe('a page’s values checked on the page', () => {
	const toContainerizers = async (installed: boolean) => {
		const {system} = await fakeMachine({completed: [...beforeConfiguration], installed: command => command !== 'docker' || installed});
		const app = await renderWizard({system});
		// 80 columns: no step list beside the screen, so a wrapped warning reads on as one text.
		Object.defineProperty(app.stdout, 'columns', {value: 80});
		app.stdout.emit('resize');
		await waitForFrame(app, 'Continue from');
		await press(app, keys.enter);
		await openSetting(app, system.facts, 'slave.containerizers');
		return app;
	};

	it('with docker chosen warns of nothing (the install step adds docker.io), and the timeout’s page says why it is 10mins', async () => {
		const app = await toContainerizers(false);
		expect(app.lastFrame()?.replaceAll(/\s+/g, ' ')).toContain('With docker the install step adds Docker (docker.io) from the distribution');
		await press(app, keys.down);
		const chosen = await waitForFrame(app, '❯ docker,mesos');
		expect(chosen).not.toContain('⚠');
		await press(app, keys.enter);
		await waitForFrame(app, /❯ \* Containerizers +docker,mesos/);
		await press(app, keys.down);
		await waitForFrame(app, /❯ {3}Executor registration timeout +10mins/);
		const page = await press(app, keys.enter);
		expect(page).toMatch(/▸ Executor registration timeout +10mins/);
		expect(page.replaceAll(/\s+/g, ' ')).toContain('10mins is the default while the containerizers include docker: a task’s first image pull can take longer than 5mins. Set it to keep another value.');
		// A value typed instead: the reason goes, the value wins.
		const typed = await press(app, ...Array<string>(6).fill(keys.backspace), '3', 'm', 'i', 'n', 's');
		expect(typed).toMatch(/▸ Executor registration timeout +3mins/);
		expect(typed).not.toContain('10mins is the default');
	});

	it('says nothing about docker where it is installed', async () => {
		const app = await toContainerizers(true);
		const chosen = await press(app, keys.down);
		expect(chosen).toContain('❯ docker,mesos');
		expect(chosen).not.toContain('docker is not installed');
	});
});

describe('keys after the run', () => {
	it('labels Esc by where it goes: back to the summary, which it then shows', async () => {
		const {system} = await fakeMachine({completed: [...beforeConfiguration, 'configuration'], probe: () => ({healthy: true, detail: 'ok (test)'})});
		const app = await renderWizard({system});
		await waitForFrame(app, 'Continue from “Start services”');
		await press(app, keys.enter);
		await toSummary(app);
		await press(app, keys.enter);
		const done = await waitForFrame(app, 'Press Enter to finish');
		expect(done).toContain('Esc back to the summary');
		await press(app, keys.escape);
		await waitForFrame(app, 'Press Enter to start the run');
	});
});

describe('the summary at 80×24', () => {
	it('keeps the prompt in view and scrolls the list with the cursor, to the last file', async () => {
		const {system} = await fakeMachine({completed: ['preflight', 'key', 'repository', 'install']});
		const app = await renderWizard({system});
		Object.defineProperty(app.stdout, 'columns', {value: 80});
		Object.assign(app.stdout, {rows: 24});
		app.stdout.emit('resize');
		await waitForFrame(app, 'Continue from “Service overrides”');
		await press(app, keys.enter);
		const top = await toSummary(app);
		const fits = (frame: string) => frame.split('\n').length <= 23 && frame.split('\n').every(line => line.length <= 80);
		expect(fits(top)).toBe(true);
		expect(top).toContain('❯ ✎ /etc/init/chronos.override   (new file)');
		expect(top).toContain('Enter start the run');
		let bottom = top;
		for (let downs = 0; downs < 30 && !bottom.includes('❯ ✎ /etc/marathon/conf/zk'); downs++) bottom = await press(app, keys.down);
		expect(bottom).toContain('❯ ✎ /etc/marathon/conf/zk   (new file)');
		expect(fits(bottom)).toBe(true);
		expect(bottom).not.toContain('chronos.override');
		expect(bottom).toContain('Press Enter to start the run');
		expect(bottom).toMatch(/\d+ commands to run; files: 20 new\./);
		// The footer names every key whole, none cut at 80 columns.
		expect(bottom.split('\n').at(-1)).toBe('Enter start the run · ↑↓ choose a file · d show its diff · Esc back · q quit');
	});
});

describe('the summary at 80×24, from the key step', () => {
	// Every row is in view or counted in a row above or below: the key's commands before the first
	// file, the services started after the last (neither could be seen, and nothing said so).
	it('shows what comes before the first file and after the last, or counts it', async () => {
		const {system} = await fakeMachine({completed: ['preflight']});
		const app = await renderWizard({system});
		resizeTo(app, {columns: 80, rows: 24});
		await waitForFrame(app, 'Continue from “Repository key”');
		await press(app, keys.enter);
		const top = await toSummary(app);
		expect(top).toContain('❯ ✎ /etc/apt/sources.list.d/mesosphere.list');
		expect(top).toMatch(/Repository key|↑ \d+ more rows?/);
		expect(top).toContain('gpg --batch');
		expect(top).toMatch(/↓ \d+ more rows/);
		expect(top.split('\n').length).toBeLessThanOrEqual(23);
		let bottom = top;
		for (let downs = 0; downs < 40 && !bottom.includes('❯ ✎ /etc/marathon/conf/zk'); downs++) bottom = await press(app, keys.down);
		expect(bottom).toContain('❯ ✎ /etc/marathon/conf/zk');
		expect(bottom).toContain('$ service marathon start');
		expect(bottom).toMatch(/↑ \d+ more rows/);
		expect(bottom).not.toMatch(/↓ \d+ more rows?/);
		expect(bottom.split('\n').length).toBeLessThanOrEqual(23);
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
			probe: () => ({healthy: true, detail: 'ok (test)'}),
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
		const review = await toSummary(app);
		expect(review).toContain('$ LC_ALL=C apt-get -y update');
		expect(review).toContain('$ DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get install -y');
		await press(app, keys.enter);
		const failed = await waitForFrame(app, '✖ Refresh package lists failed: “apt-get -y update” exited with code 100');
		expect(failed).toContain('E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by');
		expect(failed).toContain('r retry · s skip it and go on');
		await press(app, 'r');
		const progress = await waitForFrame(app, '4 packages: 4 fetched, 2 unpacked, 0 set up');
		expect(progress).toMatch(/█+░+ +50%/);
		expect(progress).toContain('Unpacking marathon (1.4.8) ...');
		release();
		// Done, the run goes on by itself to the overrides.
		await waitForFrame(app, /▸ Service overrides|Service overrides/);
		await waitFor('the install recorded as done', () => system.state.progress()?.completed.includes('install') === true);
		// After the install the machine is asked what was installed (the layout it reads: dpkg-query).
		expect(ran.filter(command => command.startsWith('apt-get'))).toEqual(['apt-get -y update', 'apt-get -y update', 'apt-get install -y mesosphere']);
		// And on to the end of the run, every step after it done without a key.
		await waitForFrame(app, 'Press Enter to finish');
		expect(system.state.progress()?.completed).toEqual(['preflight', 'key', 'repository', 'install', 'overrides', 'configuration', 'start']);
	});
});

describe('quitting while a step runs', () => {
	async function installing() {
		const signals: AbortSignal[] = [];
		const {app, system, ran} = await continued(['preflight', 'key', 'repository'], {
			async command(argv, say, options) {
				if (options.signal) signals.push(options.signal);
				if (argv.includes('update')) return {};
				say('Unpacking mesos (1.9.0) ...');
				return untilStopped(options);
			},
		});
		await toSummary(app);
		await press(app, keys.enter);
		await waitForFrame(app, 'Unpacking mesos (1.9.0) ...');
		return {app, system, ran, signals};
	}

	it('asks, saying exactly what happens; y stops the command, records the step as stopped and exits 130', async () => {
		const {app, system, ran, signals} = await installing();
		Object.defineProperty(app.stdout, 'columns', {value: 80});
		Object.assign(app.stdout, {rows: 24});
		app.stdout.emit('resize');
		await press(app, 'q');
		const asked = await waitForFrame(app, /\(y\/n\)$/);
		const rows = asked.split('\n');
		expect(rows.length).toBeLessThanOrEqual(23);
		expect(rows.every(row => row.length <= 80)).toBe(true);
		expect(asked.replaceAll(/\s+/g, ' ')).toContain(
			'Quit now? Install is stopped: what it runs is ended, the step is recorded as stopped, not done, and nothing after it runs. Files written so far stay (mesos-setup undo puts them back); the next mesos-setup offers to continue at Install. (y/n)',
		);
		// The question does not stop anything by itself.
		expect(signals.every(signal => !signal.aborted)).toBe(true);
		await press(app, 'y');
		await waitFor('the wizard to end', () => app.exitCode() !== undefined);
		expect(app.exitCode()).toBe(130);
		expect(signals.at(-1)?.aborted).toBe(true);
		expect(ran).toEqual(['apt-get -y update', 'apt-get install -y mesosphere']);
		expect(system.state.progress()).toMatchObject({completed: ['preflight', 'key', 'repository'], stoppedAt: 'install', finished: false});
		expect(app.farewell()).toMatch(/^Stopped at Install: what it ran was ended, and the step is recorded as stopped; nothing after it ran\..*Run mesos-setup again to continue at Install\.$/);
	});

	it('n goes on as if nothing was asked; Ctrl+C twice stops it too', async () => {
		const {app, system, signals} = await installing();
		await press(app, 'q');
		await waitForFrame(app, 'Quit now? Install is stopped');
		await press(app, 'n');
		await waitForFrame(app, 'q quit (stops what is running)');
		expect(signals.every(signal => !signal.aborted)).toBe(true);
		await press(app, keys.ctrlC);
		await waitForFrame(app, 'Quit now? Install is stopped');
		await press(app, keys.ctrlC);
		await waitFor('the wizard to end', () => app.exitCode() !== undefined);
		expect(app.exitCode()).toBe(130);
		expect(system.state.progress()?.stoppedAt).toBe('install');
	});

	it('offers to continue at the stopped step on the next start', async () => {
		const {app, system} = await installing();
		await press(app, 'q');
		await waitForFrame(app, 'Quit now?');
		await press(app, 'y');
		await waitFor('the wizard to end', () => app.exitCode() === 130);
		app.unmount();
		const again = await renderWizard({system});
		await waitForFrame(again, 'A setup here stopped at “Install”.');
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
		const review = await toSummary(app);
		expect(review).toContain('$ service zookeeper start');
		expect(review).toContain('· srvr on 127.0.0.1:2181 says Mode: standalone, leader or follower');
		await press(app, keys.enter);
		const failed = await waitForFrame(app, '✖ mesos-master failed');
		expect(failed).toContain('✔ zookeeper healthy · zookeeper: Mode: standalone');
		expect(failed).toContain('F1125 Check failed: quorum must be a majority');
		expect(failed).toContain('mesos-master start/running, process 4711');
		expect(failed).toMatch(/· mesos-slave waiting/);
		await press(app, 's');
		const done = await waitForFrame(app, 'Press Enter to finish');
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

	it('wraps the quit question at 80×24 so its (y/n) shows, within the terminal', async () => {
		const app = await renderWizard();
		Object.defineProperty(app.stdout, 'columns', {value: 80});
		Object.assign(app.stdout, {rows: 24});
		app.stdout.emit('resize');
		await waitForFrame(app, 'Enter start · q quit');
		await press(app, 'q');
		const frame = await waitForFrame(app, 'Quit now?');
		const rows = frame.split('\n');
		expect(rows.length).toBeLessThanOrEqual(23);
		expect(rows.every(row => row.length <= 80)).toBe(true);
		expect(rows.at(-1)).toBe('Quit now? Nothing has been changed on this machine yet. (y/n)');
	});

	it('gives a narrow terminal the whole width and names the step in the title', async () => {
		const app = await renderWizard();
		await waitForFrame(app, '· Preflight');
		Object.defineProperty(app.stdout, 'columns', {value: 80});
		app.stdout.emit('resize');
		const narrow = await waitForFrame(app, 'mesos-setup · step 1 of 11: Welcome');
		expect(narrow).not.toContain('· Preflight');
		expect(narrow.split('\n').every(line => line.length <= 80)).toBe(true);
	});
});

function frameShorterThan(rows: number): RegExp {
	// Matches a frame of fewer than `rows` lines.
	return new RegExp(`^(?:[^\\n]*\\n){0,${rows - 2}}[^\\n]*$`);
}
