import type {DebianPackage} from './debian-package.js';
import {
	serviceFiles, serviceScripts, standinBundle, standinLauncher, type BuildContext, type PackagedService,
} from './lab-package-parts.js';
import {marathonConfStartScript} from './marathon-start-script.js';
import {mesosInitWrapper} from './mesos-init-wrapper.js';
import {chronosUnit, marathonConfUnit, mesosAgentUnit, mesosMasterUnit} from './systemd-units.js';

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
const lab = (version: string) => `${version}-lab1`;

export const chronosService: PackagedService = {
	name: 'chronos', description: 'Chronos scheduler', startAs: ['/usr/bin/chronos'], unit: chronosUnit(),
};

/** The Chronos package of both variants (Chronos is installed and kept manual; nothing configures it). */
export function chronosPackage(context: BuildContext, version: string, startOnInstall: boolean): DebianPackage {
	const [bundlePath, bundle] = standinBundle(context, 'chronos');
	return {
		name: 'chronos', version: lab(version), architecture: 'all',
		description: ['Chronos stand-in (mesos-setup lab)', 'Answers on 127.0.0.1:4400 as Chronos would; nothing more.'],
		files: {
			[bundlePath]: bundle,
			'usr/bin/chronos': standinLauncher(context, `/${bundlePath}`, 'chronos', version),
			...serviceFiles(context, [chronosService]),
		},
		conffiles: ['etc/init.d/chronos'],
		scripts: serviceScripts([chronosService], {startOnInstall, directories: ['/var/log/chronos']}),
	};
}

/**
 * The article's repository as it was (repos.mesosphere.io, 2015-2017): `mesos` with the
 * mesos-slave layout, `marathon` before 1.5 (/etc/marathon/conf), `chronos`, and the `mesosphere`
 * metapackage that pulls them in with Debian's zookeeperd. Every service has a sysv script and a
 * systemd unit; both start the daemon through the package's wrapper or start script.
 */
export function mesospherePackages(context: BuildContext): DebianPackage[] {
	const [mesosBundlePath, mesosBundle] = standinBundle(context, 'mesos');
	const [marathonBundlePath, marathonBundle] = standinBundle(context, 'marathon');
	const mesosServices: PackagedService[] = [
		{name: 'mesos-master', description: 'Mesos master', startAs: ['/usr/bin/mesos-init-wrapper', 'master'], unit: mesosMasterUnit()},
		{name: 'mesos-slave', description: 'Mesos slave', startAs: ['/usr/bin/mesos-init-wrapper', 'slave'], unit: mesosAgentUnit('slave')},
	];
	const marathonService: PackagedService = {
		name: 'marathon', description: 'Marathon scheduler', startAs: ['/usr/bin/marathon'], unit: marathonConfUnit(),
	};
	const mesos: DebianPackage = {
		name: 'mesos', version: lab(versions.mesos), architecture: context.architecture,
		depends: ['libsasl2-modules'], recommends: ['zookeeperd'],
		description: ['Mesos stand-ins (mesos-setup lab): the mesos-slave layout',
			'Not Apache Mesos: a small Node.js program, started by mesos-init-wrapper as the',
			'Mesosphere package starts the real daemons, that reads the same files and answers',
			'the documented HTTP endpoints.'],
		files: {
			[mesosBundlePath]: mesosBundle,
			'usr/bin/mesos-init-wrapper': {mode: 0o755, content: mesosInitWrapper('slave')},
			'usr/sbin/mesos-master': standinLauncher(context, `/${mesosBundlePath}`, 'mesos-master', versions.mesos),
			'usr/sbin/mesos-slave': standinLauncher(context, `/${mesosBundlePath}`, 'mesos-slave', versions.mesos),
			...serviceFiles(context, mesosServices),
			...Object.fromEntries(Object.entries(shippedConfiguration).map(([file, content]) => [file, {content}])),
		},
		conffiles: [...mesosServices.map(service => `etc/init.d/${service.name}`), ...Object.keys(shippedConfiguration)],
		scripts: serviceScripts(mesosServices, {startOnInstall: true, directories: ['/var/lib/mesos', '/var/log/mesos']}),
	};
	const marathon: DebianPackage = {
		name: 'marathon', version: lab(versions.marathon), architecture: 'all',
		depends: ['java-runtime-headless | java2-runtime-headless'],
		description: ['Marathon stand-in (mesos-setup lab): reads /etc/marathon/conf',
			'Marathon before 1.5: /usr/bin/marathon turns /etc/marathon/conf and /etc/mesos/zk into options.'],
		files: {
			[marathonBundlePath]: marathonBundle,
			'usr/lib/mesosphere-lab/marathon/marathon-jvm': standinLauncher(context, `/${marathonBundlePath}`, 'marathon', versions.marathon),
			'usr/bin/marathon': {mode: 0o755, content: marathonConfStartScript('/usr/lib/mesosphere-lab/marathon/marathon-jvm')},
			...serviceFiles(context, [marathonService]),
		},
		conffiles: ['etc/init.d/marathon'],
		scripts: serviceScripts([marathonService], {startOnInstall: true, directories: ['/var/log/marathon']}),
	};
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

/**
 * The article's packages as .deb files, for a caller that serves them without choosing a variant
 * (see lab-packages.ts for both variants). Imported on call: lab-packages.ts imports this file.
 */
export async function buildMesospherePackage(workDir: string): Promise<string[]> {
	const {buildLabPackages} = await import('./lab-packages.js');
	return (await buildLabPackages(workDir, 'mesosphere')).debs.map(deb => deb.file);
}
