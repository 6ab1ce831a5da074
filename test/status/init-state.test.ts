import {describe, expect, it} from 'vitest';
import {initStatusCommand, parseServiceStatus, parseSystemctlIsActive, parseSystemdPid, parseUpstartStatus} from '../../source/model/init-state.js';
import {articleMachine} from '../../source/model/facts.js';
import type {RunResult} from '../../source/system/runner.js';
import type {CommandRunner} from '../../source/system/runner.js';
import {initStateOf, initStatesAskedEvery} from '../../source/system/service-status.js';

describe('reading what the init system says', () => {
	it('asks each init system its own way', () => {
		expect(initStatusCommand('upstart', 'zookeeper')).toEqual(['status', 'zookeeper']);
		expect(initStatusCommand('systemd', 'marathon')).toEqual(['systemctl', 'is-active', 'marathon']);
		expect(initStatusCommand('sysv', 'mesos-master')).toEqual(['service', 'mesos-master', 'status']);
	});

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
	const answering = (answers: Record<string, Partial<RunResult>>) => {
		const asked: string[] = [];
		const commands: CommandRunner = {
			async run(argv) {
				asked.push(argv.join(' '));
				return {ok: true, exitCode: 0, stdout: '', stderr: '', ...answers[argv.join(' ')]};
			},
			runForBytes: () => Promise.reject(new Error('not used')),
			has: async () => true,
		};
		return {commands, asked};
	};

	it('on systemd asks is-active, then the pid of a running service', async () => {
		const {commands, asked} = answering({
			'systemctl is-active mesos-master': {stdout: 'active\n'},
			'systemctl show --property=MainPID --value mesos-master': {stdout: '2468\n'},
		});
		const state = await initStateOf({sandbox: false, facts: {...articleMachine, init: 'systemd'}, commands}, 'mesos-master');
		expect(state).toEqual({state: 'running', pid: 2468, detail: 'active'});
		expect(asked).toEqual(['systemctl is-active mesos-master', 'systemctl show --property=MainPID --value mesos-master']);
	});

	it('on systemd takes a non-zero exit as the answer, not as a failure', async () => {
		const {commands} = answering({'systemctl is-active marathon': {ok: false, exitCode: 3, stdout: 'inactive\n'}});
		const state = await initStateOf({sandbox: false, facts: {...articleMachine, init: 'systemd'}, commands}, 'marathon');
		expect(state).toEqual({state: 'stopped', pid: null, detail: 'inactive'});
	});

	it('says why when the command itself cannot run', async () => {
		const {commands} = answering({'status zookeeper': {ok: false, exitCode: undefined, failure: 'status is not installed (command not found), so “status zookeeper” could not run'}});
		const state = await initStateOf({sandbox: false, facts: articleMachine, commands}, 'zookeeper');
		expect(state).toEqual({state: 'unknown', pid: null, detail: 'status is not installed (command not found), so “status zookeeper” could not run'});
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
		expect(await states.ask('zookeeper', true)).toEqual({state: 'running', pid: 42, detail: 'start/running'});
		clock = 9_000;
		await states.ask('zookeeper', true);
		expect(asked).toBe(1);
		await states.ask('zookeeper', false);
		expect(asked).toBe(2);
		clock = 20_000;
		await states.ask('zookeeper', false);
		expect(asked).toBe(3);
		states.forget();
		await states.ask('zookeeper', false);
		expect(asked).toBe(4);
	});
});
