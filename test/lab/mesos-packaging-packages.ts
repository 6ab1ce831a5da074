import type {DebianPackage} from './debian-package.js';
import {serviceFiles, serviceScripts, standinBundle, standinLauncher, type BuildContext, type PackagedService} from './lab-package-parts.js';
import {marathonDefaultsLauncher} from './marathon-start-script.js';
import {chronosPackage} from './mesosphere-package.js';
import {mesosInitWrapper} from './mesos-init-wrapper.js';
import {marathonDefaultsUnit, mesosAgentUnit, mesosMasterUnit} from './systemd-units.js';

const versions = {mesos: '1.11.0', marathon: '1.10.26', chronos: '3.0.2'};
const lab = (version: string) => `${version}-lab1`;

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

// As sbt-native-packager ships it: every option commented out. Marathon 1.5+ needs at least
// MARATHON_MASTER here; it no longer falls back to /etc/mesos/zk or localhost.
const marathonDefaults = `# Marathon reads its options from MARATHON_<OPTION> variables, for example:
#MARATHON_MASTER=zk://zk1:2181,zk2:2181/mesos
#MARATHON_ZK=zk://zk1:2181,zk2:2181/marathon
#MARATHON_HOSTNAME=
`;

/**
 * Packages as people build and run them now: `mesos` from mesos/mesos-packaging (the agent layout,
 * systemd units mesos-master.service and mesos-slave.service, no zookeeper dependency), Marathon
 * 1.5+ as its own packages ship it (/etc/default/marathon only), and Chronos. No metapackage.
 * The lab adds sysv scripts (the real Debian 11 build ships units only) so that the sysv lab can run
 * this layout too; they start the same wrapper as the units.
 */
export function mesosPackagingPackages(context: BuildContext): DebianPackage[] {
	const [mesosBundlePath, mesosBundle] = standinBundle(context, 'mesos');
	const [marathonBundlePath, marathonBundle] = standinBundle(context, 'marathon');
	const mesosServices: PackagedService[] = [
		{name: 'mesos-master', description: 'Mesos master', startAs: ['/usr/bin/mesos-init-wrapper', 'master'], unit: mesosMasterUnit()},
		{name: 'mesos-slave', description: 'Mesos agent', startAs: ['/usr/bin/mesos-init-wrapper', 'agent'], unit: mesosAgentUnit('agent')},
	];
	const marathonService: PackagedService = {
		name: 'marathon', description: 'Marathon scheduler', startAs: ['/usr/share/marathon/bin/marathon'],
		unit: marathonDefaultsUnit(), environmentFile: '/etc/default/marathon',
	};
	const mesos: DebianPackage = {
		name: 'mesos', version: lab(versions.mesos), architecture: context.architecture,
		depends: ['java-runtime-headless | java2-runtime-headless | default-jre', 'libcurl4', 'libsasl2-modules'],
		description: ['Mesos stand-ins (mesos-setup lab): the mesos-agent layout',
			'Not Apache Mesos: a small Node.js program, started by mesos-init-wrapper as',
			'mesos/mesos-packaging\'s package starts the real daemons (agent from /etc/mesos-agent).'],
		files: {
			[mesosBundlePath]: mesosBundle,
			'usr/bin/mesos-init-wrapper': {mode: 0o755, content: mesosInitWrapper('agent')},
			'usr/sbin/mesos-master': standinLauncher(context, `/${mesosBundlePath}`, 'mesos-master', versions.mesos),
			'usr/sbin/mesos-agent': standinLauncher(context, `/${mesosBundlePath}`, 'mesos-agent', versions.mesos),
			...serviceFiles(context, mesosServices),
			...Object.fromEntries(Object.entries(agentLayoutShippedConfiguration).map(([file, content]) => [file, {content}])),
		},
		conffiles: [...mesosServices.map(service => `etc/init.d/${service.name}`), ...Object.keys(agentLayoutShippedConfiguration)],
		scripts: serviceScripts(mesosServices, {startOnInstall: false, directories: ['/var/lib/mesos', '/var/log/mesos']}),
	};
	const marathon: DebianPackage = {
		name: 'marathon', version: lab(versions.marathon), architecture: 'all',
		depends: ['java8-runtime-headless'],
		description: ['Marathon stand-in (mesos-setup lab): reads /etc/default/marathon',
			'Marathon 1.5+: MARATHON_<OPTION> variables only; /etc/marathon/conf is not read.'],
		files: {
			[marathonBundlePath]: marathonBundle,
			'usr/lib/mesosphere-lab/marathon/marathon-jvm': standinLauncher(context, `/${marathonBundlePath}`, 'marathon', versions.marathon),
			'usr/share/marathon/bin/marathon': {mode: 0o755, content: marathonDefaultsLauncher('/usr/lib/mesosphere-lab/marathon/marathon-jvm')},
			'usr/bin/marathon': {symlinkTo: '/usr/share/marathon/bin/marathon'},
			'etc/default/marathon': {content: marathonDefaults},
			...serviceFiles(context, [marathonService]),
		},
		conffiles: ['etc/default/marathon', 'etc/init.d/marathon'],
		scripts: serviceScripts([marathonService], {startOnInstall: false, directories: ['/var/log/marathon']}),
	};
	return [mesos, marathon, chronosPackage(context, versions.chronos, false)];
}
