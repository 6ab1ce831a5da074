import type {DebianPackage} from './debian-package.js';
import type {BuildContext} from './lab-package-parts.js';
import {marathonPackage} from './marathon-package.js';
import {chronosPackage} from './chronos-package.js';
import {mesosPackage} from './mesos-package.js';

const versions = {mesos: '1.11.0', marathon: '1.10.26', chronos: '3.0.2'};

/**
 * What mesos/mesos-packaging's build_mesos ships besides the wrapper: the defaults of the old
 * layout. Its own wrapper reads /etc/default/mesos-agent and /etc/mesos-agent/, so the agent's
 * MASTER (and the work_dir Mesos 1.x requires) must be written there by whoever configures it.
 */
export const agentLayoutShippedConfiguration: Record<string, string> = {
	'etc/default/mesos': 'LOGS=/var/log/mesos\nULIMIT="-n 8192"\n',
	'etc/default/mesos-master': 'PORT=5050\nZK=`cat /etc/mesos/zk`\n',
	'etc/default/mesos-slave': 'MASTER=`cat /etc/mesos/zk`\n',
	'etc/mesos/zk': 'zk://localhost:2181/mesos\n',
	'etc/mesos-master/work_dir': '/var/lib/mesos\n',
	'etc/mesos-master/quorum': '1\n',
	'etc/mesos-slave/work_dir': '/var/lib/mesos\n',
};

/**
 * Packages as people build and run them now: `mesos` from mesos/mesos-packaging (the agent layout,
 * systemd units mesos-master.service and mesos-slave.service, no zookeeper dependency), Marathon
 * 1.5+ as its own packages ship it (/etc/default/marathon only), and Chronos. No metapackage.
 * The lab adds sysv scripts (the real Debian 11 build ships units only) so that the sysv lab can run
 * this layout too; they start the same wrapper as the units.
 */
export function mesosPackagingPackages(context: BuildContext): DebianPackage[] {
	const mesos = mesosPackage(context, {
		version: versions.mesos, layout: 'agent', shipped: agentLayoutShippedConfiguration, startOnInstall: false,
		depends: ['java-runtime-headless | java2-runtime-headless | default-jre', 'libcurl4', 'libsasl2-modules'],
		description: ['Mesos stand-ins (mesos-setup lab): the mesos-agent layout',
			'Not Apache Mesos: a small Node.js program, started by mesos-init-wrapper as',
			'mesos/mesos-packaging\'s package starts the real daemons (agent from /etc/mesos-agent).'],
	});
	const marathon = marathonPackage(context, versions.marathon, 'defaults', false);
	return [mesos, marathon, chronosPackage(context, versions.chronos, false)];
}
