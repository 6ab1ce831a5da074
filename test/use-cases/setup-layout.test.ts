// The setup looks at what the install step installed and writes the configuration where those
// packages read it: here apt-get install (answered by the test) leaves the agent's unit running
// `mesos-init-wrapper agent` and dpkg records Marathon 1.10, as mesos-packaging's packages do.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runSetup} from '../../source/use-cases/setup.js';
import {machineInstalling} from '../wizard/fake-machine.js';

const exists = (file: string) => readFile(file).then(() => true, () => false);

describe('setup after the install step', () => {
	it('writes the agent layout and /etc/default/marathon when the installed packages read them, and says so', async () => {
		const {system} = await machineInstalling({unit: 'agent', marathon: '1.10.26-lab1'});
		expect(system.facts).toMatchObject({agentLayout: 'slave', marathonLayout: 'conf-dir'});
		const notices: string[] = [];
		const result = await runSetup(system, {'repo.keyMethod': 'keyring', 'slave.ip': '10.0.0.5'}, {onEvent: event => event.type === 'notice' && notices.push(event.line)});
		expect(result.ok, JSON.stringify(result.failed)).toBe(true);
		const at = (file: string) => path.join(system.root, file);
		expect(await readFile(at('etc/mesos-agent/ip'), 'utf8')).toBe('10.0.0.5\n');
		expect(await readFile(at('etc/mesos-agent/work_dir'), 'utf8')).toBe('/var/lib/mesos\n');
		expect(await readFile(at('etc/default/mesos-agent'), 'utf8')).toBe('MASTER=zk://127.0.0.1:2181/mesos\n');
		expect(await readFile(at('etc/default/marathon'), 'utf8')).toBe('MARATHON_HOSTNAME=127.0.0.1\nMARATHON_MASTER=zk://127.0.0.1:2181/mesos\nMARATHON_ZK=zk://127.0.0.1:2181/marathon\n');
		expect(await exists(at('etc/mesos-slave/ip'))).toBe(false);
		expect(await exists(at('etc/marathon/conf/master'))).toBe(false);
		expect(notices[0]).toBe(
			'The installed packages read the agent’s from /etc/mesos-agent/ and /etc/default/mesos-agent (mesos-init-wrapper agent), Marathon’s from /etc/default/marathon (MARATHON_* variables), not what the summary showed. These files are written instead:',
		);
		expect(notices).toEqual(
			expect.arrayContaining([
				'  write  /etc/default/mesos-agent (instead of /etc/default/mesos-slave)',
				'  write  /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)',
				'  write  /etc/mesos-agent/work_dir (new)',
				'  write  /etc/default/marathon (instead of /etc/marathon/conf/hostname, /etc/marathon/conf/master, /etc/marathon/conf/zk)',
			]),
		);
	});

	it('asks before writing a file the summary did not show, and writes none of them when told not to go on', async () => {
		const {system} = await machineInstalling({unit: 'agent', marathon: '1.10.26-lab1'});
		const asked: string[][] = [];
		const result = await runSetup(system, {'repo.keyMethod': 'keyring'}, {confirmMoved: async lines => (asked.push(lines), false)});
		expect(result).toMatchObject({ok: false, stopped: true});
		expect(asked).toHaveLength(1);
		expect(asked[0]).toContain('  write  /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)');
		expect(await exists(path.join(system.root, 'etc/mesos-agent'))).toBe(false);
		expect(await exists(path.join(system.root, 'etc/default/marathon'))).toBe(false);
		expect(await exists(path.join(system.root, 'etc/mesos-slave/ip'))).toBe(false);
	});

	it('keeps the article’s layout, and says nothing more, when the installed packages read it', async () => {
		const {system} = await machineInstalling({unit: 'slave', marathon: '1.4.13-lab1'});
		const notices: string[] = [];
		const result = await runSetup(system, {'repo.keyMethod': 'keyring'}, {onEvent: event => event.type === 'notice' && notices.push(event.line)});
		expect(result.ok, JSON.stringify(result.failed)).toBe(true);
		expect(await readFile(path.join(system.root, 'etc/mesos-slave/ip'), 'utf8')).toBe('127.0.0.1\n');
		expect(await readFile(path.join(system.root, 'etc/marathon/conf/master'), 'utf8')).toBe('zk://127.0.0.1:2181/mesos\n');
		expect(await exists(path.join(system.root, 'etc/mesos-agent'))).toBe(false);
		expect(notices.filter(line => line.includes('installed packages'))).toEqual([]);
	});
});
