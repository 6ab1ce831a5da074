import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {currentValues, handEdited, settingFiles, shownValue} from '../../source/model/current-values.js';
import {articleMachine} from '../../source/model/facts.js';
import type {SettingId} from '../../source/model/settings.js';

const setUp = {
	'/etc/mesos/zk': 'zk://127.0.0.1:2181/mesos\n',
	'/etc/default/mesos-master': '# Mesos master\nPORT=5050\nZK=zk://127.0.0.1:2181/mesos\n',
	'/etc/default/mesos-slave': 'MASTER=zk://127.0.0.1:2181/mesos\n',
	'/etc/mesos-slave/hostname': '127.0.0.1\n',
	'/etc/zookeeper/conf/zoo.cfg': 'tickTime=2000\ndataDir=/var/lib/zookeeper\nserver.1=127.0.0.1:2888:3888\n',
	'/etc/marathon/conf/master': 'zk://127.0.0.1:2181/mesos\n',
};

const byId = (current: ReturnType<typeof currentValues>, id: SettingId) => current.settings.find(s => s.id === id);

describe('current values', () => {
	it('lists every file that holds a setting once, in catalogue order', () => {
		const files = settingFiles(articleMachine);
		expect(files[0]).toBe('/etc/zookeeper/conf/myid');
		expect(files).toContain('/etc/marathon/conf/master');
		expect(new Set(files).size).toBe(files.length);
		expect(settingFiles({...articleMachine, marathonLayout: 'default-file'})).toContain('/etc/default/marathon');
	});

	it('reads each setting from its file; with nothing edited, the values are the saved ones', () => {
		const current = currentValues(setUp, {}, articleMachine);
		expect(current.values).toEqual(resolveValues({}));
		expect(current.answers).toEqual({});
		expect(handEdited(current)).toEqual([]);
		expect(byId(current, 'master.port')).toEqual({id: 'master.port', value: '5050', from: 'disk', path: '/etc/default/mesos-master', editedByHand: false, saved: '5050', fileMissing: false});
		expect(byId(current, 'zookeeper.servers')?.value).toBe('1=127.0.0.1:2888:3888');
		// Absent files fall back to the saved answers and defaults.
		expect(byId(current, 'master.quorum')).toMatchObject({value: '1', from: 'saved', editedByHand: false, fileMissing: true});
		expect(byId(current, 'repo.url')).toMatchObject({value: 'http://repos.mesosphere.io', from: 'saved', fileMissing: false});
	});

	it('says a setting whose file is missing is not set, with what the setup would write', () => {
		const current = currentValues({...setUp, '/etc/mesos-slave/ip': ''}, {'master.quorum': '2'}, articleMachine);
		const shown = (id: SettingId) => shownValue(byId(current, id) ?? {id, value: '', fileMissing: false});
		expect(shown('slave.hostname')).toBe('127.0.0.1');
		expect(shown('marathon.hostname')).toBe('not set (file missing; default 127.0.0.1)');
		expect(shown('master.quorum')).toBe('not set (file missing; would be 2)');
		// A file that is there but empty is not missing: the value falls back, as before.
		expect(shown('slave.ip')).toBe('127.0.0.1');
		expect(shown('repo.url')).toBe('http://repos.mesosphere.io');
	});

	it('lets a hand edit win over the saved answer, and marks it', () => {
		const files = {...setUp, '/etc/mesos-slave/hostname': 'node7.example.com\n', '/etc/default/mesos-master': 'PORT=5151\n'};
		const current = currentValues(files, {'slave.hostname': 'node1'}, articleMachine);
		expect(byId(current, 'slave.hostname')).toMatchObject({value: 'node7.example.com', editedByHand: true, saved: 'node1'});
		expect(byId(current, 'master.port')).toMatchObject({value: '5151', editedByHand: true, saved: '5050'});
		expect(handEdited(current).map(s => s.id)).toEqual(['master.port', 'slave.hostname']);
		expect(current.answers).toMatchObject({'slave.hostname': 'node7.example.com', 'master.port': '5151'});
	});

	it('keeps a follower where it is when only the value it follows was edited by hand', () => {
		const current = currentValues({...setUp, '/etc/mesos/zk': 'zk://10.0.0.1:2181/mesos\n'}, {}, articleMachine);
		expect(current.values['mesos.zk']).toBe('zk://10.0.0.1:2181/mesos');
		// The follower files still say 127.0.0.1: that is what the services run with.
		expect(current.values['master.zk']).toBe('zk://127.0.0.1:2181/mesos');
		expect(current.values['slave.master']).toBe('zk://127.0.0.1:2181/mesos');
		expect(handEdited(current).map(s => s.id)).toEqual(['mesos.zk']);
	});

	it('shows a value on disk that mesos-setup would refuse, with the reason, without taking it', () => {
		const current = currentValues({...setUp, '/etc/mesos-slave/executor_registration_timeout': '5m\n'}, {}, articleMachine);
		const timeout = byId(current, 'slave.executor_registration_timeout');
		expect(timeout).toMatchObject({value: '5m', editedByHand: true});
		expect(timeout?.problem).toContain('slave.executor_registration_timeout: "5m" is not allowed');
		expect(current.answers['slave.executor_registration_timeout']).toBeUndefined();
	});
});
