import type {DebianPackage} from './debian-package.js';
import {serviceFiles, serviceScripts, standinBundle, standinLauncher, type BuildContext, type PackagedService} from './lab-package-parts.js';
import {mesosInitWrapper, type AgentLayout} from './mesos-init-wrapper.js';
import {mesosAgentUnit, mesosMasterUnit} from './systemd-units.js';

export type MesosPackageOptions = {
	/** The upstream version the stand-ins report; the dpkg Version adds `-lab1`. */
	version: string;
	layout: AgentLayout;
	/** The conffiles the real package ships, by path without the leading slash. */
	shipped: Record<string, string>;
	/** Whether postinst starts the services (the article-era package did; mesos-packaging's only enables them). */
	startOnInstall: boolean;
	depends: string[];
	recommends?: string[];
	description: [string, ...string[]];
};

/**
 * The `mesos` package of either layout: the stand-in at /usr/sbin/mesos-master and /usr/sbin/mesos-<layout>,
 * /usr/bin/mesos-init-wrapper, and for mesos-master and mesos-slave (the service keeps that name in
 * both layouts) a sysv script and a unit that start the wrapper.
 */
export function mesosPackage(context: BuildContext, options: MesosPackageOptions): DebianPackage {
	const {version, layout, shipped} = options;
	const [bundlePath, bundle] = standinBundle(context, 'mesos');
	const services: PackagedService[] = [
		{name: 'mesos-master', description: 'Mesos master', startAs: ['/usr/bin/mesos-init-wrapper', 'master'], unit: mesosMasterUnit()},
		{name: 'mesos-slave', description: `Mesos ${layout}`, startAs: ['/usr/bin/mesos-init-wrapper', layout], unit: mesosAgentUnit(layout)},
	];
	return {
		name: 'mesos', version: `${version}-lab1`, architecture: context.architecture,
		depends: options.depends, recommends: options.recommends, description: options.description,
		files: {
			[bundlePath]: bundle,
			'usr/bin/mesos-init-wrapper': {mode: 0o755, content: mesosInitWrapper(layout)},
			'usr/sbin/mesos-master': standinLauncher(context, `/${bundlePath}`, 'mesos-master', version),
			[`usr/sbin/mesos-${layout}`]: standinLauncher(context, `/${bundlePath}`, `mesos-${layout}`, version),
			...serviceFiles(context, services),
			...Object.fromEntries(Object.entries(shipped).map(([file, content]) => [file, {content}])),
		},
		conffiles: [...services.map(service => `etc/init.d/${service.name}`), ...Object.keys(shipped)],
		scripts: serviceScripts(services, {startOnInstall: options.startOnInstall, directories: ['/var/lib/mesos', '/var/log/mesos']}),
	};
}
