import type {DebianPackage} from './debian-package.js';
import {serviceFiles, serviceScripts, standinBundle, standinLauncher, type BuildContext, type PackagedService} from './lab-package-parts.js';
import {chronosUnit} from './systemd-units.js';

export const chronosService: PackagedService = {
	name: 'chronos', description: 'Chronos scheduler', startAs: ['/usr/bin/chronos'], unit: chronosUnit(),
};

/** The Chronos package of both variants (Chronos is installed and kept manual; nothing configures it). */
export function chronosPackage(context: BuildContext, version: string, startOnInstall: boolean): DebianPackage {
	const [bundlePath, bundle] = standinBundle(context, 'chronos');
	return {
		name: 'chronos', version: `${version}-lab1`, architecture: 'all',
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

