import {describe, expect, it} from 'vitest';
import {checkAnswer, checkAnswers, consistencyProblems, resolveValues, withChange} from '../../source/model/answers.js';
import {show} from '../../source/model/shown-value.js';
import {settings} from '../../source/model/settings.js';
import {agentAnswers} from '../helpers/agent-answers.js';

// The list of bad input: each must be refused with the setting, the value and what is allowed.
const bad: [string, string, RegExp][] = [
	['zookeeper.myid', '0', /from 1 to 255/],
	['zookeeper.myid', '256', /from 1 to 255/],
	['zookeeper.myid', 'abc', /from 1 to 255/],
	['master.quorum', '0', /from 1 to 255/],
	['slave.ip', '999.1.1.1', /IPv4 address/],
	['slave.hostname', 'my host', /without spaces or line breaks/],
	['slave.hostname', 'node1\nnode2', /line break/],
	['repo.url', 'http://repos.mesosphere.io\u001b[2J', /control character/],
	['zookeeper.dataDir', '/var/lib/zk\u007f', /control character/],
	['master.work_dir', "/var/lib/m$(id)'x", /absolute path/],
	['repo.url', "http://x/a'b$(id)", /http:\/\//],
	['marathon.hostname', 'bad_name!', /host name/],
	['mesos.zk', 'http://127.0.0.1:2181/mesos', /zk:\/\/host:port/],
	['mesos.zk', 'zk://127.0.0.1:2181', /zk:\/\/host:port/],
	['mesos.zk', 'zk://127.0.0.1:2181/', /zk:\/\/host:port/],
	['master.port', '70000', /from 1 to 65535/],
	['slave.executor_registration_timeout', '5m', /ns us ms secs mins hrs days weeks/],
	['slave.containerizers', 'foo', /mesos and docker/],
	['master.work_dir', 'var/lib/mesos', /absolute path/],
	['zookeeper.dataDir', '/var/../tmp', /absolute path/],
	['zookeeper.servers', '1=127.0.0.1:2888', /N=host:2888:3888/],
	['zookeeper.servers', '1=a:2888:3888,1=b:2888:3888', /each N once/],
	['repo.key', 'E56151BF', /40 hexadecimal digits/],
	['repo.url', 'ftp://example.org', /http:\/\//],
	['repo.keyMethod', 'gpg', /auto, apt-key, keyring/],
	['mesos.ulimit', '8192', /-n 8192/],
];

describe('checkAnswer', () => {
	it.each(bad)('refuses %s = %j, naming it and what is allowed', (id, value, allowed) => {
		const result = checkAnswer(id, value);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.message).toContain(id);
		expect(result.message).toContain(show(value));
		expect(result.message).toMatch(allowed);
	});

	it('spells out invisible characters in its messages', () => {
		expect(show('node\u007f')).toBe('"node\\u007f"');
		expect(show('a\nb')).toBe('"a\\nb"');
	});

	it('names the known settings when the id is unknown', () => {
		const result = checkAnswer('slave.hostnam', 'x');
		expect(result).toEqual({ok: false, message: expect.stringContaining('unknown setting "slave.hostnam"')});
		if (!result.ok) expect(result.message).toContain('slave.hostname');
	});

	it('accepts and normalises good values', () => {
		expect(checkAnswer('repo.key', '8102 6D00 04C4 4CF7 EF55  ADF8 DF7D 54CB E561 51bf')).toMatchObject({ok: true, value: '81026D0004C44CF7EF55ADF8DF7D54CBE56151BF'});
		expect(checkAnswer('slave.containerizers', 'docker, mesos')).toMatchObject({ok: true, value: 'docker,mesos'});
		expect(checkAnswer('master.work_dir', '/var/lib/mesos/')).toMatchObject({ok: true, value: '/var/lib/mesos'});
		expect(checkAnswer('mesos.zk', 'zk://10.0.0.1:2181,10.0.0.2:2181/mesos')).toMatchObject({ok: true, value: 'zk://10.0.0.1:2181,10.0.0.2:2181/mesos'});
		expect(checkAnswer('slave.executor_registration_timeout', '90secs')).toMatchObject({ok: true, value: '90secs'});
		expect(checkAnswer('mesos.ulimit', '"-n 8192"')).toMatchObject({ok: true, value: '-n 8192'});
	});

	it('accepts every default in the catalogue', () => {
		for (const setting of settings) expect(checkAnswer(setting.id, setting.default)).toEqual({ok: true, id: setting.id, value: setting.default});
	});

	it('collects every problem of a set of answers at once', () => {
		const {problems} = checkAnswers({'zookeeper.myid': '0', 'master.port': '70000', 'slave.ip': '127.0.0.1'});
		expect(problems).toHaveLength(2);
	});
});

describe('resolveValues', () => {
	it('gives the article’s values by default', () => {
		const values = resolveValues({});
		expect(values['mesos.zk']).toBe('zk://127.0.0.1:2181/mesos');
		expect(values['slave.executor_registration_timeout']).toBe('5mins');
		expect(values['marathon.zk']).toBe('zk://127.0.0.1:2181/marathon');
	});

	it('moves master.zk, slave.master and marathon.master with mesos.zk unless a person set them', () => {
		const values = resolveValues({'mesos.zk': 'zk://10.0.0.1:2181/mesos', 'slave.master': 'zk://10.0.0.9:2181/mesos'});
		expect(values['master.zk']).toBe('zk://10.0.0.1:2181/mesos');
		expect(values['marathon.master']).toBe('zk://10.0.0.1:2181/mesos');
		expect(values['slave.master']).toBe('zk://10.0.0.9:2181/mesos');
	});

	it('withChange keeps followers where they are when asked to', () => {
		const kept = resolveValues(withChange({}, 'mesos.zk', 'zk://10.0.0.1:2181/mesos', false));
		expect(kept['master.zk']).toBe('zk://127.0.0.1:2181/mesos');
		expect(kept['marathon.zk']).toBe('zk://127.0.0.1:2181/marathon');
		const moved = resolveValues(withChange({}, 'mesos.zk', 'zk://10.0.0.1:2181/mesos', true));
		expect(moved['master.zk']).toBe('zk://10.0.0.1:2181/mesos');
		expect(moved['marathon.zk']).toBe('zk://10.0.0.1:2181/marathon');
	});

	// Review 3, #22: Marathon's state stayed on loopback while everything else followed the masters.
	it('keeps Marathon’s state on the Mesos ZooKeeper URL’s hosts, under its own path, unless it is set', () => {
		const ensemble = 'zk://10.0.0.1:2181,10.0.0.2:2181,10.0.0.3:2181';
		expect(resolveValues({'mesos.zk': `${ensemble}/mesos`})['marathon.zk']).toBe(`${ensemble}/marathon`);
		expect(resolveValues({'mesos.zk': 'zk://10.0.0.1:2181/cluster/a/mesos'})['marathon.zk']).toBe('zk://10.0.0.1:2181/marathon');
		expect(resolveValues({'mesos.zk': `${ensemble}/mesos`, 'marathon.zk': 'zk://10.0.0.9:2181/marathon'})['marathon.zk']).toBe('zk://10.0.0.9:2181/marathon');
		// The default is what it makes of the Mesos ZooKeeper URL's default.
		expect(resolveValues({})['marathon.zk']).toBe(settings.find(setting => setting.id === 'marathon.zk')?.default);
		// Set apart, it stays apart when the URL moves, even with the followers taken along.
		const apart = resolveValues(withChange({'marathon.zk': 'zk://10.0.0.9:2181/marathon'}, 'mesos.zk', `${ensemble}/mesos`, true));
		expect(apart['marathon.zk']).toBe('zk://10.0.0.9:2181/marathon');
	});
});

describe('consistencyProblems', () => {
	it('finds nothing wrong with the defaults', () => {
		expect(consistencyProblems(resolveValues({}))).toEqual([]);
	});

	it('wants myid among the servers and quorum a majority of the masters', () => {
		const problems = consistencyProblems(
			resolveValues({'zookeeper.myid': '4', 'zookeeper.servers': '1=10.0.0.1:2888:3888,2=10.0.0.2:2888:3888,3=10.0.0.3:2888:3888', 'master.quorum': '1'}),
		);
		expect(problems).toEqual([
			{settings: ['zookeeper.myid', 'zookeeper.servers'], text: expect.stringMatching(/zookeeper.myid: "4" is not one of the server ids.*1, 2, 3/)},
			{settings: ['master.quorum', 'zookeeper.servers'], text: expect.stringMatching(/master.quorum: "1" is not a majority of the 3 masters in zookeeper.servers; use a number from 2 to 3/)},
		]);
	});

	// The preflight asks whether each port is free, one at a time: it finds 2181 free for both.
	it('refuses a master port another service of the role listens on, and only where the role runs both', () => {
		expect(consistencyProblems(resolveValues({'master.port': '2181'}))).toEqual([
			{settings: ['master.port', 'node.role'], text: 'master.port: 2181 is the port of ZooKeeper clients on this machine (its role, master+agent, runs both); use another, such as 5050.'},
		]);
		expect(consistencyProblems(resolveValues({'master.port': '5051'})).map(problem => problem.text)).toEqual([
			'master.port: 5051 is the port of the Mesos agent on this machine (its role, master+agent, runs both); use another, such as 5050.',
		]);
		expect(consistencyProblems(resolveValues({'master.port': '8080', 'node.role': 'master'})).map(problem => problem.text)).toEqual([
			'master.port: 8080 is the port of Marathon on this machine (its role, master, runs both); use another, such as 5050.',
		]);
		// A master alone has no agent on 5051; an agent runs no master here.
		expect(consistencyProblems(resolveValues({'master.port': '5051', 'node.role': 'master'}))).toEqual([]);
		expect(consistencyProblems(resolveValues({...agentAnswers, 'master.port': '2181'}))).toEqual([]);
	});
});
