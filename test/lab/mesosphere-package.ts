import type {DebianPackage} from './debian-package.js';
import {chronosPackage} from './chronos-package.js';
import type {BuildContext} from './lab-package-parts.js';
import {marathonPackage} from './marathon-package.js';
import {mesosPackage} from './mesos-package.js';

export {serviceLogFiles, standinServices, type StandinService} from './lab-package-parts.js';

/** The metapackage the article installs (`apt-get install mesosphere`). */
export const packageName = 'mesosphere';
export const packageVersion = '0.1.0-lab1';

// The configuration the real mesos package ships as conffiles; the article then rewrites it.
export const shippedConfiguration: Record<string, string> = {
	'etc/default/mesos': 'LOGS=/var/log/mesos\nULIMIT="-n 8192"\n',
	'etc/default/mesos-master': 'PORT=5050\nZK=`cat /etc/mesos/zk`\n',
	'etc/default/mesos-slave': 'MASTER=`cat /etc/mesos/zk`\n',
	'etc/mesos/zk': 'zk://localhost:2181/mesos\n',
	'etc/mesos-master/quorum': '1\n',
	'etc/mesos-master/work_dir': '/var/lib/mesos\n',
};

const versions = {mesos: '1.4.3', marathon: '1.4.13', chronos: '2.5.1'};
/**
 * The article's repository as it was (repos.mesosphere.io, 2015-2017): `mesos` with the
 * mesos-slave layout, `marathon` before 1.5 (/etc/marathon/conf), `chronos`, and the `mesosphere`
 * metapackage that pulls them in with Debian's zookeeperd. Every service has a sysv script and a
 * systemd unit; both start the daemon through the package's wrapper or start script.
 */
export function mesospherePackages(context: BuildContext): DebianPackage[] {
	const mesos = mesosPackage(context, {
		version: versions.mesos, layout: 'slave', shipped: shippedConfiguration, startOnInstall: true,
		depends: ['libsasl2-modules'], recommends: ['zookeeperd'],
		description: ['Mesos stand-ins (mesos-setup lab): the mesos-slave layout',
			'Not Apache Mesos: a small Node.js program, started by mesos-init-wrapper as the',
			'Mesosphere package starts the real daemons, that reads the same files and answers',
			'the documented HTTP endpoints.'],
	});
	const marathon = marathonPackage(context, versions.marathon, 'conf', true);
	const chronos = chronosPackage(context, versions.chronos, true);
	const metapackage: DebianPackage = {
		name: packageName, version: packageVersion, architecture: 'all',
		depends: ['mesos', 'marathon', 'chronos', 'zookeeperd'],
		description: ['Mesos, Marathon, Chronos and ZooKeeper (mesos-setup lab)',
			'The metapackage the article installs; Debian\'s real zookeeperd comes with it.'],
		files: {},
	};
	return [mesos, marathon, chronos, metapackage];
}
