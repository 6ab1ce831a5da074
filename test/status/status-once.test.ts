import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {runStatusOnce} from '../../source/commands/status.js';
import type {CommandRunner} from '../../source/system/runner.js';
import {createSystem, type System} from '../../source/system/system.js';
import {type FixtureCluster, startCluster} from '../fixtures/cluster.js';
import {tempRoot} from '../helpers/temp-root.js';

let cluster: FixtureCluster | undefined;
afterEach(async () => {
	await cluster?.stop();
	cluster = undefined;
});

async function once(json: boolean, root?: string) {
	const system = await createSystem({root: root ?? (await tempRoot())});
	const lines: string[] = [];
	const code = await runStatusOnce(system, {json, out: line => lines.push(line), ...(cluster ? {endpoints: cluster.endpoints} : {})});
	return {code, text: lines.join('\n')};
}

describe('status --once', () => {
	it('prints every service and the cluster, and exits 0 when all are healthy', async () => {
		cluster = await startCluster();
		const {code, text} = await once(false);
		expect(code).toBe(0);
		const lines = text.split('\n').slice(3);
		expect(lines[0]).toBe('zookeeper     unknown             healthy: Mode: standalone, 24 znodes');
		expect(lines[1]).toBe(`mesos-master  unknown             healthy: ${cluster.master.url}/master/health answered 200`);
		expect(lines.slice(4)).toEqual([
			'',
			`Leader:     127.0.0.1:${cluster.master.port}`,
			'Agents:     1 active',
			'Frameworks: marathon',
			`Marathon:   registered with the master, leader 127.0.0.1:${cluster.marathon.port}, version 1.4.13`,
			'CPUs:       1 of 4 used',
			'Memory:     1 GB of 6.8 GB used',
		]);
	});

	it('exits 1 when one service is down, showing its error and its last log lines', async () => {
		cluster = await startCluster();
		await cluster.stopService('marathon');
		const root = await tempRoot();
		await mkdir(path.join(root, 'var/log/marathon'), {recursive: true});
		await writeFile(path.join(root, 'var/log/marathon/marathon.log'), 'starting\nFailed to bind to 0.0.0.0:8080: Address already in use\n');
		const {code, text} = await once(false, root);
		expect(code).toBe(1);
		expect(text).toContain(`marathon      unknown             unhealthy: ${cluster.marathon.url}/ping: connection refused (nothing listening)`);
		expect(text).toContain('              | Failed to bind to 0.0.0.0:8080: Address already in use');
		expect(text).toContain(`No answer:  Marathon info: ${cluster.marathon.url}/v2/info: connection refused (nothing listening)`);
	});

	it('says, in a sandbox, that it probes this machine and why no init state was asked, once for all', async () => {
		const root = await tempRoot();
		const {text} = await once(false, root);
		expect(text.split('\n').slice(0, 3)).toEqual([
			`Sandbox ${root}: probing this machine's real addresses: a sandbox has no services of its own.`,
			'Init states: not asked (--root: system commands are not run)',
			'',
		]);
		const {text: json} = await once(true, root);
		expect(JSON.parse(json)).toMatchObject({sandbox: root, probing: "this machine's real addresses: a sandbox has no services of its own"});
	});

	it('shows why the init system says what it says, under each service', async () => {
		cluster = await startCluster();
		const sandbox = await createSystem({root: await tempRoot()});
		const commands: CommandRunner = {
			...sandbox.commands,
			// The sysv command's answer (model/init-state.ts): each script's words, then its name and exit code.
			async run() {
				const others = ['mesos-master', 'mesos-slave', 'marathon'].map(name => `${name}: unrecognized service\n@@mesos-setup-status ${name} 4\n`);
				return {ok: true, exitCode: 0, stdout: ['zookeeper is running (pid 4242)\n@@mesos-setup-status zookeeper 0\n', ...others].join(''), stderr: ''};
			},
		};
		const machine: System = {...sandbox, sandbox: false, facts: {...sandbox.facts, init: 'sysv'}, commands};
		const lines: string[] = [];
		await runStatusOnce(machine, {json: false, out: line => lines.push(line), endpoints: cluster.endpoints});
		expect(lines[0]).toBe('zookeeper     running (pid 4242)  healthy: Mode: standalone, 24 znodes');
		expect(lines[1]).toBe(`mesos-master  unknown             healthy: ${cluster.master.url}/master/health answered 200`);
		expect(lines[2]).toBe('              init: mesos-master: unrecognized service');
		expect(lines.join('\n')).not.toContain('probing');
	});

	it('prints one JSON document for scripts', async () => {
		cluster = await startCluster();
		await cluster.stopService('agent');
		const {code, text} = await once(true);
		expect(code).toBe(1);
		const document = JSON.parse(text) as {healthy: boolean; services: {name: string; state: string; healthy: boolean; detail: string}[]; cluster: {leader: string}};
		expect(document.healthy).toBe(false);
		expect(document.services.map(s => [s.name, s.state, s.healthy])).toEqual([
			['zookeeper', 'unknown', true],
			['mesos-master', 'unknown', true],
			['mesos-slave', 'unknown', false],
			['marathon', 'unknown', true],
		]);
		expect(document.services[2]?.detail).toBe(`${cluster.agent.url}/health: connection refused (nothing listening)`);
		expect(document.cluster.leader).toBe(`127.0.0.1:${cluster.master.port}`);
	});

	it('finds the master where /etc/default/mesos-master says, not at a fixed port', async () => {
		cluster = await startCluster();
		const {master} = cluster;
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/default'), {recursive: true});
		await writeFile(path.join(root, 'etc/default/mesos-master'), `PORT=${master.port}\nZK=zk://127.0.0.1:2181/mesos\n`);
		// Only ZooKeeper, the agent and Marathon are moved; the master's address comes from the file.
		const {master: _moved, ...others} = cluster.endpoints;
		const system = await createSystem({root});
		const lines: string[] = [];
		await runStatusOnce(system, {json: false, out: line => lines.push(line), endpoints: others});
		expect(lines[4]).toBe(`mesos-master  unknown             healthy: http://127.0.0.1:${master.port}/master/health answered 200`);
	});
});
