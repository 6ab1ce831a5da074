import {describe, expect, it} from 'vitest';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {initStatusAllCommand, parseInitStatusAll, parseServiceStatus, parseSystemctlIsActive, parseSystemdPid, parseUpstartStatus} from '../../source/model/init-state.js';
import {articleMachine} from '../../source/model/facts.js';
import type {RunResult} from '../../source/system/runner.js';
import {type CommandRunner, createCommandRunner} from '../../source/system/runner.js';
import {initStateOf, initStatesAskedEvery, initStatesOf} from '../../source/system/service-status.js';
import {tempRoot} from '../helpers/temp-root.js';

describe('reading what the init system says', () => {
	it('reads upstart status lines', () => {
		expect(parseUpstartStatus('zookeeper start/running, process 1234\n')).toEqual({state: 'running', pid: 1234, detail: 'start/running'});
		expect(parseUpstartStatus('mesos-slave stop/waiting\n')).toEqual({state: 'stopped', pid: null, detail: 'stop/waiting'});
		expect(parseUpstartStatus('marathon start/pre-start\n').state).toBe('starting');
		expect(parseUpstartStatus('status: Unknown job: chronos\n')).toEqual({state: 'unknown', pid: null, detail: 'status: Unknown job: chronos'});
	});

	it('reads systemctl is-active words and MainPID', () => {
		expect(parseSystemctlIsActive('active\n').state).toBe('running');
		expect(parseSystemctlIsActive('inactive\n').state).toBe('stopped');
		expect(parseSystemctlIsActive('failed\n').state).toBe('failed');
		expect(parseSystemctlIsActive('activating\n').state).toBe('starting');
		expect(parseSystemdPid('4321\n')).toBe(4321);
		expect(parseSystemdPid('0\n')).toBeNull();
	});

	it('reads LSB exit codes of service X status', () => {
		expect(parseServiceStatus(' * zookeeper is running (pid 777)\n', 0)).toEqual({state: 'running', pid: 777, detail: '* zookeeper is running (pid 777)'});
		expect(parseServiceStatus(' * mesos-master is not running\n', 3)).toEqual({state: 'stopped', pid: null, detail: '* mesos-master is not running'});
		expect(parseServiceStatus('', 1).state).toBe('failed');
		expect(parseServiceStatus('', 4).state).toBe('unknown');
	});
});

describe('asking the init system', () => {
	const answering = (answer: Partial<RunResult>) => {
		const asked: string[][] = [];
		const commands: CommandRunner = {
			async run(argv) {
				asked.push([...argv]);
				return {ok: true, exitCode: 0, stdout: '', stderr: '', ...answer};
			},
			runForBytes: () => Promise.reject(new Error('not used')),
			has: async () => true,
		};
		return {commands, asked};
	};

	it('on systemd asks every unit in one systemctl show: its state, sub-state, MainPID and last exit status', async () => {
		// As systemctl prints it: the properties in its own order, one block per unit in the order asked.
		const {commands, asked} = answering({
			stdout: [
				'Id=mesos-master.service\nActiveState=active\nSubState=running\nMainPID=2468\nExecMainStatus=0',
				'Id=marathon.service\nActiveState=failed\nSubState=failed\nMainPID=0\nExecMainStatus=1',
				'Id=mesos-slave.service\nActiveState=activating\nSubState=auto-restart\nMainPID=0\nExecMainStatus=1',
				'Id=zookeeper.service\nActiveState=inactive\nSubState=dead\nMainPID=0\nExecMainStatus=0',
				'',
			].join('\n\n'),
		});
		const states = await initStatesOf({sandbox: false, facts: {...articleMachine, init: 'systemd'}, commands}, ['mesos-master', 'marathon', 'mesos-slave', 'zookeeper']);
		expect(states).toEqual({
			'mesos-master': {state: 'running', pid: 2468, detail: 'active/running'},
			marathon: {state: 'failed', pid: null, detail: 'failed/failed, its last run exited with status 1'},
			// Restart= brings it back in a loop: a daemon that refuses its configuration, not one starting.
			'mesos-slave': {state: 'failed', pid: null, detail: 'activating/auto-restart, its last run exited with status 1; systemd starts it again'},
			zookeeper: {state: 'stopped', pid: null, detail: 'inactive/dead'},
		});
		expect(asked).toEqual([['systemctl', 'show', '--property=Id,ActiveState,SubState,MainPID,ExecMainStatus', '--', 'mesos-master', 'marathon', 'mesos-slave', 'zookeeper']]);
	});

	it('on systemd matches a block to its unit by Id, whatever the order', () => {
		const output = 'Id=marathon.service\nActiveState=active\nSubState=running\nMainPID=77\n\nId=zookeeper.service\nActiveState=activating\nSubState=start\nMainPID=12\n';
		expect(parseInitStatusAll('systemd', ['zookeeper', 'marathon'], output)).toEqual({
			zookeeper: {state: 'starting', pid: 12, detail: 'activating/start'},
			marathon: {state: 'running', pid: 77, detail: 'active/running'},
		});
	});

	it('on upstart reads initctl list once, and says which job it does not name', async () => {
		const {commands, asked} = answering({stdout: 'ssh start/running, process 700\nzookeeper start/running, process 42\nmesos-slave stop/waiting\n'});
		const states = await initStatesOf({sandbox: false, facts: {...articleMachine, init: 'upstart'}, commands}, ['zookeeper', 'mesos-slave', 'marathon']);
		expect(states).toEqual({
			zookeeper: {state: 'running', pid: 42, detail: 'start/running'},
			'mesos-slave': {state: 'stopped', pid: null, detail: 'stop/waiting'},
			marathon: {state: 'unknown', pid: null, detail: 'initctl list does not name marathon'},
		});
		expect(asked).toEqual([['initctl', 'list']]);
	});

	it('on sysv runs each init script’s status in one shell, as service X status would, and reads each exit code', async () => {
		// Real scripts in a folder of the test's own, run by the real command runner and sh.
		const dir = await tempRoot();
		const script = (body: string) => `#!/bin/sh\n[ "$1" = status ] || exit 2\n${body}\n`;
		await writeFile(path.join(dir, 'zookeeper'), script('echo " * zookeeper is running (pid 777)"; exit 0'), {mode: 0o755});
		await writeFile(path.join(dir, 'mesos-master'), script('echo "mesos-master is not running" >&2; exit 3'), {mode: 0o755});
		// A clean environment, as service gives the script: nothing of ours leaks in.
		await writeFile(path.join(dir, 'marathon'), script('[ -z "$MESOS_SETUP_LEAK" ] || exit 0; echo "dead, pidfile left"; exit 1'), {mode: 0o755});
		const argv = initStatusAllCommand('sysv', ['zookeeper', 'mesos-master', 'marathon', 'mesos-slave'], dir);
		const result = await createCommandRunner().run(argv, {timeoutMs: 10_000, env: {MESOS_SETUP_LEAK: '1'}});
		expect(parseInitStatusAll('sysv', ['zookeeper', 'mesos-master', 'marathon', 'mesos-slave'], `${result.stdout}\n${result.stderr}`)).toEqual({
			zookeeper: {state: 'running', pid: 777, detail: '* zookeeper is running (pid 777)'},
			'mesos-master': {state: 'stopped', pid: null, detail: 'mesos-master is not running'},
			marathon: {state: 'failed', pid: null, detail: 'dead, pidfile left'},
			'mesos-slave': {state: 'unknown', pid: null, detail: 'mesos-slave: unrecognized service'},
		});
	});

	it('says why when the command itself cannot run', async () => {
		const {commands} = answering({ok: false, exitCode: undefined, failure: 'initctl is not installed (command not found), so “initctl list” could not run'});
		const state = await initStateOf({sandbox: false, facts: articleMachine, commands}, 'zookeeper');
		expect(state).toEqual({state: 'unknown', pid: null, detail: 'initctl is not installed (command not found), so “initctl list” could not run'});
	});

	it('runs nothing in a sandbox root', async () => {
		const {commands, asked} = answering({});
		const state = await initStateOf({sandbox: true, facts: articleMachine, commands}, 'zookeeper');
		expect(state.detail).toBe('not asked (--root: system commands are not run)');
		expect(asked).toEqual([]);
	});
});

describe('asking the init system from the live screen', () => {
	it('asks again only after the interval, when health changed, or after forget()', async () => {
		let asked = 0;
		const commands: CommandRunner = {
			async run() {
				asked++;
				return {ok: true, exitCode: 0, stdout: 'zookeeper start/running, process 42\n', stderr: ''};
			},
			runForBytes: () => Promise.reject(new Error('not used')),
			has: async () => true,
		};
		let clock = 0;
		const states = initStatesAskedEvery({sandbox: false, facts: articleMachine, commands}, 10_000, () => clock);
		expect(await states.ask({zookeeper: true, marathon: true})).toEqual({
			zookeeper: {state: 'running', pid: 42, detail: 'start/running'},
			marathon: {state: 'unknown', pid: null, detail: 'initctl list does not name marathon'},
		});
		clock = 9_000;
		await states.ask({zookeeper: true, marathon: true});
		expect(asked).toBe(1);
		await states.ask({zookeeper: true, marathon: false});
		expect(asked).toBe(2);
		clock = 20_000;
		await states.ask({zookeeper: true, marathon: false});
		expect(asked).toBe(3);
		states.forget();
		await states.ask({zookeeper: true, marathon: false});
		expect(asked).toBe(4);
	});
});
