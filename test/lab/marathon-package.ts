import type {DebianPackage, PackageFile} from './debian-package.js';
import {serviceFiles, serviceScripts, standinBundle, standinLauncher, standinRoot, type BuildContext, type PackagedService} from './lab-package-parts.js';
import {marathonConfStartScript, marathonDefaultsLauncher} from './marathon-start-script.js';
import {marathonConfUnit, marathonDefaultsUnit} from './systemd-units.js';

/** Where Marathon reads its options: before 1.5 /etc/marathon/conf (and /etc/mesos/zk), from 1.5 /etc/default/marathon only. */
export type MarathonLayout = 'conf' | 'defaults';

// As sbt-native-packager ships it: every option commented out. Marathon 1.5+ needs at least
// MARATHON_MASTER here; it no longer falls back to /etc/mesos/zk or localhost.
const marathonDefaults = `# Marathon reads its options from MARATHON_<OPTION> variables, for example:
#MARATHON_MASTER=zk://zk1:2181,zk2:2181/mesos
#MARATHON_ZK=zk://zk1:2181,zk2:2181/marathon
#MARATHON_HOSTNAME=
`;

/**
 * The `marathon` package: the stand-in as Marathon's JVM, behind /usr/bin/marathon (the start script
 * that reads /etc/marathon/conf) or /usr/share/marathon/bin/marathon (1.5+, options from the
 * environment, with /etc/default/marathon as its conffile), a sysv script and a unit.
 */
export function marathonPackage(context: BuildContext, version: string, layout: MarathonLayout, startOnInstall: boolean): DebianPackage {
	const [bundlePath, bundle] = standinBundle(context, 'marathon');
	const jvm = `${standinRoot}/marathon/marathon-jvm`;
	const service: PackagedService = layout === 'conf'
		? {name: 'marathon', description: 'Marathon scheduler', startAs: ['/usr/bin/marathon'], unit: marathonConfUnit()}
		: {name: 'marathon', description: 'Marathon scheduler', startAs: ['/usr/share/marathon/bin/marathon'],
			unit: marathonDefaultsUnit(), environmentFile: '/etc/default/marathon'};
	const layoutFiles: Record<string, PackageFile> = layout === 'conf'
		? {'usr/bin/marathon': {mode: 0o755, content: marathonConfStartScript(jvm)}}
		: {
			'usr/share/marathon/bin/marathon': {mode: 0o755, content: marathonDefaultsLauncher(jvm)},
			'usr/bin/marathon': {symlinkTo: '/usr/share/marathon/bin/marathon'},
			'etc/default/marathon': {content: marathonDefaults},
		};
	return {
		name: 'marathon', version: `${version}-lab1`, architecture: 'all',
		depends: [layout === 'conf' ? 'java-runtime-headless | java2-runtime-headless' : 'java8-runtime-headless'],
		description: layout === 'conf'
			? ['Marathon stand-in (mesos-setup lab): reads /etc/marathon/conf',
				'Marathon before 1.5: /usr/bin/marathon turns /etc/marathon/conf and /etc/mesos/zk into options.']
			: ['Marathon stand-in (mesos-setup lab): reads /etc/default/marathon',
				'Marathon 1.5+: MARATHON_<OPTION> variables only; /etc/marathon/conf is not read.'],
		files: {
			[bundlePath]: bundle,
			[jvm.slice(1)]: standinLauncher(context, `/${bundlePath}`, 'marathon', version),
			...layoutFiles,
			...serviceFiles(context, [service]),
		},
		conffiles: [...layout === 'defaults' ? ['etc/default/marathon'] : [], 'etc/init.d/marathon'],
		scripts: serviceScripts([service], {startOnInstall, directories: ['/var/log/marathon']}),
	};
}
