import {describe, expect, it} from 'vitest';
import {envText, readEnvKey, readProperty, readServers, setEnvKeys, setProperties, setServers} from '../../source/model/file-formats.js';

describe('environment files', () => {
	it('changes only the key’s line and keeps comments and other lines', () => {
		const before = '# Mesos defaults\nLOGS=/var/log/mesos\n\n# keep me\nOTHER=1\nULIMIT="-n 1024"\n';
		const after = setEnvKeys(before, [{key: 'ULIMIT', text: envText('-n 8192')}]);
		expect(after).toBe('# Mesos defaults\nLOGS=/var/log/mesos\n\n# keep me\nOTHER=1\nULIMIT="-n 8192"\n');
	});

	it('adds an absent key at the end, and creates the file with just the keys', () => {
		expect(setEnvKeys('A=1', [{key: 'PORT', text: '5050'}])).toBe('A=1\nPORT=5050\n');
		expect(setEnvKeys('', [{key: 'PORT', text: '5050'}, {key: 'ZK', text: 'zk://h:2181/mesos'}])).toBe('PORT=5050\nZK=zk://h:2181/mesos\n');
	});

	it('leaves commented-out assignments alone', () => {
		expect(setEnvKeys('#PORT=1\nPORT=2\n', [{key: 'PORT', text: '5050'}])).toBe('#PORT=1\nPORT=5050\n');
	});

	it('reads what the shell would: the last assignment, unquoted', () => {
		expect(readEnvKey('ULIMIT="-n 8192"\nexport PORT=1\nPORT=\'5050\'\n', 'PORT')).toBe('5050');
		expect(readEnvKey('ULIMIT="-n 8192"\n', 'ULIMIT')).toBe('-n 8192');
		expect(readEnvKey('A=1\n', 'B')).toBeUndefined();
	});

	it('quotes values with blanks and shell characters', () => {
		expect(envText('/var/log/mesos')).toBe('/var/log/mesos');
		expect(envText('-n 8192')).toBe('"-n 8192"');
		expect(envText('a"$b')).toBe('"a\\"\\$b"');
		expect(readEnvKey(`X=${envText('a"$b')}\n`, 'X')).toBe('a"$b');
	});
});

describe('zoo.cfg', () => {
	const debianSample = '# http://hadoop.apache.org/zookeeper/docs/current/zookeeperAdmin.html\ntickTime=2000\ndataDir=/tmp/zookeeper\nclientPort=2181\n#server.1=zookeeper1:2888:3888\nserver.7=old:2888:3888\n';

	it('sets dataDir and the server lines, removing servers no longer wanted, keeping comments', () => {
		const withServers = setServers(debianSample, [{key: 'server.1', text: '127.0.0.1:2888:3888'}]);
		const after = setProperties(withServers, [{key: 'dataDir', text: '/var/lib/zookeeper'}]);
		expect(after).toBe(
			'# http://hadoop.apache.org/zookeeper/docs/current/zookeeperAdmin.html\ntickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\n#server.1=zookeeper1:2888:3888\nserver.1=127.0.0.1:2888:3888\n',
		);
		expect(readServers(after)).toBe('1=127.0.0.1:2888:3888');
		expect(readProperty(after, 'dataDir')).toBe('/var/lib/zookeeper');
		expect(readProperty(after, 'server.1')).toBe('127.0.0.1:2888:3888');
	});
});
