// The article's steps for several machines, done by hand on lab nodes (no mesos-setup): what the
// cluster commands will automate, so the lab is proven before they exist.
import {zookeeperLogFile, zookeeperLoggingFiles} from '../../../source/model/files.js';
import type {LabNode, LabNodes} from './lab-nodes.js';

type Addressed = {address: string};

export const quorumOf = (masters: number) => Math.floor(masters / 2) + 1;
export const zookeeperUrl = (masters: Addressed[], path: string) =>
	`zk://${masters.map(master => `${master.address}:2181`).join(',')}${path}`;

const keyring = '/etc/apt/keyrings/mesosphere-lab.gpg';

/**
 * apt-get install mesosphere (or what the lab's variant installs: lab.packages.install) on a node from
 * the lab's repository, the key fetched from the lab's key server by its full fingerprint into a keyring
 * the source trusts (signed-by), all over the lab network.
 */
export async function installMesosphere(lab: LabNodes, node: LabNode, packages = lab.packages.install): Promise<void> {
	const {distro, codename} = lab.distribution;
	await node.run(['bash', '-c', `set -e
home=$(mktemp -d)
gpg --batch --quiet --homedir "$home" --keyserver "$1" --recv-keys "$2"
mkdir -p /etc/apt/keyrings
gpg --batch --homedir "$home" --export "$2" >${keyring}
gpgconf --homedir "$home" --kill all
rm -rf "$home"
echo "deb [signed-by=${keyring}] $3/${distro} ${codename} main" >/etc/apt/sources.list.d/mesosphere.list
apt-get update -qq
shift 3
apt-get install -y -qq "$@"`, 'install', lab.keyserver, lab.fingerprint, lab.repoUrl, ...packages], {timeout: 5 * 60_000});
}

const zooCfg = (masters: Addressed[]) => `${[
	'tickTime=2000', 'initLimit=10', 'syncLimit=5', 'dataDir=/var/lib/zookeeper', 'clientPort=2181',
	'admin.enableServer=false', '4lw.commands.whitelist=ruok,srvr,mntr,stat',
	...masters.map((master, index) => `server.${index + 1}=${master.address}:2888:3888`),
].join('\n')}\n`;

/** A master's files, as the article has them for a machine of several: ZooKeeper, Mesos master, Marathon. */
export function masterFiles(masters: Addressed[], index: number): Record<string, string> {
	const {address} = masters[index] ?? {address: ''};
	return {
		'/etc/zookeeper/conf/myid': `${index + 1}\n`,
		'/etc/zookeeper/conf/zoo.cfg': zooCfg(masters),
		[zookeeperLoggingFiles.properties.path]: zookeeperLoggingFiles.properties.content,
		'/etc/mesos/zk': `${zookeeperUrl(masters, '/mesos')}\n`,
		'/etc/default/mesos': 'LOGS=/var/log/mesos\nULIMIT="-n 8192"\n',
		'/etc/default/mesos-master': 'PORT=5050\nZK=`cat /etc/mesos/zk`\n',
		'/etc/mesos-master/quorum': `${quorumOf(masters.length)}\n`,
		'/etc/mesos-master/work_dir': '/var/lib/mesos\n',
		'/etc/mesos-master/ip': `${address}\n`,
		'/etc/mesos-master/hostname': `${address}\n`,
		'/etc/marathon/conf/hostname': `${address}\n`,
		'/etc/marathon/conf/master': `${zookeeperUrl(masters, '/mesos')}\n`,
		'/etc/marathon/conf/zk': `${zookeeperUrl(masters, '/marathon')}\n`,
	};
}

/** An agent's files: the masters found through ZooKeeper, its own address advertised. */
export function agentFiles(masters: Addressed[], agent: Addressed): Record<string, string> {
	return {
		'/etc/mesos/zk': `${zookeeperUrl(masters, '/mesos')}\n`,
		'/etc/default/mesos': 'LOGS=/var/log/mesos\nULIMIT="-n 8192"\n',
		'/etc/default/mesos-slave': 'MASTER=`cat /etc/mesos/zk`\n',
		'/etc/mesos-slave/ip': `${agent.address}\n`,
		'/etc/mesos-slave/hostname': `${agent.address}\n`,
		'/etc/mesos-slave/containerizers': 'mesos\n',
		'/etc/mesos-slave/executor_registration_timeout': '5mins\n',
	};
}

export async function writeFiles(node: LabNode, files: Record<string, string>): Promise<void> {
	for (const [file, content] of Object.entries(files)) await node.writeFile(file, content);
}

/** A master's files, and Debian's ZooKeeper given a log (its CLASSPATH line edited in place). */
export async function configureMaster(node: LabNode, masters: Addressed[], index: number): Promise<void> {
	await writeFiles(node, masterFiles(masters, index));
	const {path, key, value} = zookeeperLoggingFiles.environment;
	const text = await node.readFile(path);
	await node.writeFile(path, text.replace(new RegExp(`^${key}=.*$`, 'm'), `${key}="${value}"`));
}

export {zookeeperLogFile};
