import {realpathSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import {buildDebianPackage} from './debian-package.js';
import type {BuildContext} from './lab-package-parts.js';
import {mesosPackagingPackages} from './mesos-packaging-packages.js';
import {mesospherePackages} from './mesosphere-package.js';
import {bundleStandins} from './standin-bundle.js';

/**
 * Which packages the lab builds and serves:
 * - `mesosphere` (the default): the article's repository, mesos-slave layout and Marathon 1.4
 *   reading /etc/marathon/conf; `apt-get install mesosphere` installs it all.
 * - `mesos-packaging`: packages as built today, mesos-agent layout (mesos/mesos-packaging) and
 *   Marathon 1.10 reading only /etc/default/marathon; installed as `mesos marathon chronos`
 *   (with Debian's zookeeperd, which mesos no longer depends on).
 */
export type PackageVariant = 'mesosphere' | 'mesos-packaging';

export type BuiltPackage = {name: string; version: string; architecture: string; file: string};

export type LabPackages = {
	variant: PackageVariant;
	/** Every .deb built, with its dpkg Version as `dpkg-query -W -f='${Version}'` shows it once installed. */
	debs: BuiltPackage[];
	/** What a person asks apt for to get everything. */
	install: string[];
	/** Where the agent's and Marathon's configuration is read from in this variant. */
	layout: {agent: '/etc/mesos-slave' | '/etc/mesos-agent'; marathon: '/etc/marathon/conf' | '/etc/default/marathon'};
};

/** Builds the stand-ins once, then the variant's .deb files into <workDir>/debs/<variant>/. */
export async function buildLabPackages(workDir: string, variant: PackageVariant): Promise<LabPackages> {
	const bundle = path.join(workDir, 'standin.mjs');
	await bundleStandins(bundle);
	const {stdout: architecture} = await execa('dpkg', ['--print-architecture']);
	const context: BuildContext = {node: realpathSync(process.execPath), bundle, architecture};
	const packages = variant === 'mesosphere' ? mesospherePackages(context) : mesosPackagingPackages(context);
	const outDir = path.join(workDir, 'debs', variant);
	const debs: BuiltPackage[] = [];
	for (const pkg of packages) {
		const file = await buildDebianPackage(pkg, workDir, outDir);
		debs.push({name: pkg.name, version: pkg.version, architecture: pkg.architecture, file});
	}
	return variant === 'mesosphere'
		? {variant, debs, install: ['mesosphere'], layout: {agent: '/etc/mesos-slave', marathon: '/etc/marathon/conf'}}
		: {variant, debs, install: ['mesos', 'marathon', 'chronos', 'zookeeperd'], layout: {agent: '/etc/mesos-agent', marathon: '/etc/default/marathon'}};
}
