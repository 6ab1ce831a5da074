import type {PackageFile} from './debian-package.js';
import {sysvInitScript} from './sysv-init-script.js';

/** The services the lab's packages run, by their init names (the same in every variant). */
export const standinServices = ['mesos-master', 'mesos-slave', 'marathon', 'chronos'] as const;
export type StandinService = typeof standinServices[number];

/** Where each service's output goes under sysv (start-stop-daemon --output); under systemd it is the journal. */
export const serviceLogFiles: Record<StandinService, string> = {
	'mesos-master': '/var/log/mesos/mesos-master.log',
	'mesos-slave': '/var/log/mesos/mesos-slave.log',
	marathon: '/var/log/marathon/marathon.log',
	chronos: '/var/log/chronos/chronos.log',
};

/** Every lab package installs its stand-ins under here (the machine snapshot ends leftovers by this path). */
export const standinRoot = '/usr/lib/mesosphere-lab';

/** What building a variant needs: the node that runs the stand-ins and their bundle. */
export type BuildContext = {node: string; bundle: string; architecture: string};

/** One service of a package: its sysv script and its systemd unit. */
export type PackagedService = {
	name: StandinService;
	description: string;
	/** What the init script starts (the wrapper or start script, and its arguments). */
	startAs: string[];
	unit: string;
	environmentFile?: string;
};

/**
 * The program at a daemon's real path (/usr/sbin/mesos-master, Marathon's JVM...): it runs the
 * stand-in with the arguments it was given, saying which version the package stands in for.
 */
export function standinLauncher(context: BuildContext, bundlePath: string, daemon: string, version: string): PackageFile {
	return {mode: 0o755, content: `#!/bin/sh
# mesos-setup lab: stands in for ${daemon} ${version} (see ${bundlePath}).
export LAB_STANDIN_VERSION=${version}
exec ${context.node} ${bundlePath} ${daemon} "$@"
`};
}

/** The stand-in bundle, at its package's own path (two packages may not own one file). */
export const standinBundle = (context: BuildContext, packageName: string): [string, PackageFile] =>
	[`${standinRoot.slice(1)}/${packageName}/standin.mjs`, {copyOf: context.bundle}];

/** /etc/init.d/<name> and /lib/systemd/system/<name>.service for each service: real packages ship both. */
export function serviceFiles(context: BuildContext, services: PackagedService[]): Record<string, PackageFile> {
	const files: Record<string, PackageFile> = {};
	for (const service of services) {
		files[`etc/init.d/${service.name}`] = {mode: 0o755, content: sysvInitScript({
			name: service.name, description: service.description, node: context.node, startAs: service.startAs,
			logFile: serviceLogFiles[service.name], environmentFile: service.environmentFile,
		})};
		files[`lib/systemd/system/${service.name}.service`] = {content: service.unit};
	}
	return files;
}

/**
 * Maintainer scripts as debhelper writes them for a package with sysv scripts and units: enable both
 * on install (and start, where the package does: under a policy-rc.d that exits 101, as in
 * containers, invoke-rc.d starts nothing), stop on removal, forget on purge.
 */
export function serviceScripts(services: PackagedService[], options: {startOnInstall: boolean; directories: string[]}) {
	const names = services.map(service => service.name).join(' ');
	return {
		postinst: `#!/bin/sh
set -e
if [ "$1" = configure ]; then
	mkdir -p ${options.directories.join(' ')}
	# Under a running systemd, the new units are read before they are enabled.
	if [ -d /run/systemd/system ]; then systemctl --system daemon-reload >/dev/null || true; fi
	for service in ${names}; do
		update-rc.d "$service" defaults >/dev/null
		deb-systemd-helper unmask "$service.service" >/dev/null || true
		if deb-systemd-helper --quiet was-enabled "$service.service"; then
			deb-systemd-helper enable "$service.service" >/dev/null || true
		else
			deb-systemd-helper update-state "$service.service" >/dev/null || true
		fi${options.startOnInstall ? '\n\t\tinvoke-rc.d "$service" start || true' : ''}
	done
fi
`,
		prerm: `#!/bin/sh
set -e
for service in ${names}; do
	invoke-rc.d "$service" stop || true
done
`,
		postrm: `#!/bin/sh
set -e
if [ "$1" = purge ]; then
	for service in ${names}; do
		update-rc.d "$service" remove >/dev/null
		deb-systemd-helper purge "$service.service" >/dev/null || true
		deb-systemd-helper unmask "$service.service" >/dev/null || true
	done
fi
if [ -d /run/systemd/system ]; then systemctl --system daemon-reload >/dev/null || true; fi
`,
	};
}
