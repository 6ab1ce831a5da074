import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';

/** The article's /etc files with its values, as a person following it would write them. */
export const articleFiles: Record<string, string> = {
	'/etc/zookeeper/conf/myid': '1\n',
	'/etc/default/mesos': 'LOGS=/var/log/mesos\nULIMIT="-n 8192"\n',
	'/etc/mesos/zk': 'zk://127.0.0.1:2181/mesos\n',
	'/etc/default/mesos-master': 'PORT=5050\nZK=zk://127.0.0.1:2181/mesos\n',
	'/etc/mesos-master/quorum': '1\n',
	'/etc/mesos-master/work_dir': '/var/lib/mesos\n',
	'/etc/default/mesos-slave': 'MASTER=zk://127.0.0.1:2181/mesos\n',
	'/etc/mesos-slave/ip': '127.0.0.1\n',
	'/etc/mesos-slave/hostname': '127.0.0.1\n',
	'/etc/mesos-slave/containerizers': 'mesos\n',
	'/etc/mesos-slave/executor_registration_timeout': '5mins\n',
	'/etc/marathon/conf/hostname': '127.0.0.1\n',
	'/etc/marathon/conf/master': 'zk://127.0.0.1:2181/mesos\n',
	'/etc/marathon/conf/zk': 'zk://127.0.0.1:2181/marathon\n',
};

// zoo.cfg as the article wants it, plus what Debian 12's ZooKeeper 3.8 needs (see design.md).
const zooCfgSettings: Record<string, string> = {
	dataDir: '/var/lib/zookeeper',
	'server.1': '127.0.0.1:2888:3888',
	'admin.enableServer': 'false',
	'4lw.commands.whitelist': 'ruok,srvr,mntr,stat',
};

export async function writeArticleConfiguration(): Promise<void> {
	for (const [file, content] of Object.entries(articleFiles)) {
		await mkdir(path.dirname(file), {recursive: true});
		await writeFile(file, content);
	}
	const zooCfg = '/etc/zookeeper/conf/zoo.cfg';
	let text = await readFile(zooCfg, 'utf8');
	for (const [key, value] of Object.entries(zooCfgSettings)) {
		const line = new RegExp(`^${key.replaceAll('.', '\\.')}=.*$`, 'm');
		text = line.test(text) ? text.replace(line, `${key}=${value}`) : `${text.trimEnd()}\n${key}=${value}\n`;
	}
	await writeFile(zooCfg, text);
}
