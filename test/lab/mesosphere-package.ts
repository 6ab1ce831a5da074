import {chmod, mkdir, writeFile} from 'node:fs/promises';
import {realpathSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import {bundleStandins} from './standin-bundle.js';
import {sysvInitScript} from './sysv-init-script.js';

export const packageName = 'mesosphere';
export const packageVersion = '0.1.0-lab1';
export const standinPath = '/usr/lib/mesosphere-lab/standin.mjs';
export const standinServices = ['mesos-master', 'mesos-slave', 'marathon', 'chronos'] as const;
export type StandinService = typeof standinServices[number];

export const serviceLogFiles: Record<StandinService, string> = {
	'mesos-master': '/var/log/mesos/mesos-master.log',
	'mesos-slave': '/var/log/mesos/mesos-slave.log',
	marathon: '/var/log/marathon/marathon.log',
	chronos: '/var/log/chronos/chronos.log',
};

const descriptions: Record<StandinService, string> = {
	'mesos-master': 'Mesos master',
	'mesos-slave': 'Mesos slave',
	marathon: 'Marathon scheduler',
	chronos: 'Chronos scheduler',
};

// The configuration the real mesos package ships as conffiles; the article then rewrites it.
export const shippedConfiguration: Record<string, string> = {
	'etc/default/mesos': 'LOGS=/var/log/mesos\nULIMIT="-n 8192"\n',
	'etc/default/mesos-master': 'PORT=5050\nZK=`cat /etc/mesos/zk`\n',
	'etc/default/mesos-slave': 'MASTER=`cat /etc/mesos/zk`\n',
	'etc/mesos/zk': 'zk://localhost:2181/mesos\n',
	'etc/mesos-master/quorum': '1\n',
	'etc/mesos-master/work_dir': '/var/lib/mesos\n',
};

const control = `Package: ${packageName}
Version: ${packageVersion}
Architecture: all
Maintainer: mesos-setup lab <lab@127.0.0.1>
Depends: zookeeperd
Provides: mesos, marathon, chronos
Section: misc
Priority: optional
Description: stand-ins for Mesos, Marathon and Chronos (mesos-setup lab)
 Not Apache Mesos: small Node.js programs, built by the mesos-setup test lab,
 that read the same configuration files as the Mesosphere packages, find each
 other through ZooKeeper and answer the documented HTTP endpoints.
`;

const services = standinServices.join(' ');

// As dh_installinit writes them: enable and start on install, stop on removal. Under a
// policy-rc.d that exits 101 (containers), invoke-rc.d starts and stops nothing.
const maintainerScripts: Record<string, string> = {
	postinst: `#!/bin/sh
set -e
if [ "$1" = configure ]; then
	mkdir -p /var/lib/mesos /var/log/mesos /var/log/marathon /var/log/chronos
	for service in ${services}; do
		update-rc.d "$service" defaults >/dev/null
		invoke-rc.d "$service" start || true
	done
fi
`,
	prerm: `#!/bin/sh
set -e
for service in ${services}; do
	invoke-rc.d "$service" stop || true
done
`,
	postrm: `#!/bin/sh
set -e
if [ "$1" = purge ]; then
	for service in ${services}; do
		update-rc.d "$service" remove >/dev/null
	done
fi
`,
};

/** Builds mesosphere_<version>_all.deb in workDir and returns its path. */
export async function buildMesospherePackage(workDir: string): Promise<string> {
	const root = path.join(workDir, 'package-root');
	const node = realpathSync(process.execPath);
	await mkdir(path.join(root, 'DEBIAN'), {recursive: true});
	await mkdir(path.join(root, path.dirname(standinPath)), {recursive: true});
	await bundleStandins(path.join(root, standinPath));
	const conffiles: string[] = [];
	const put = async (file: string, content: string, mode = 0o644) => {
		await mkdir(path.join(root, path.dirname(file)), {recursive: true});
		await writeFile(path.join(root, file), content);
		await chmod(path.join(root, file), mode);
	};
	for (const service of standinServices) {
		const file = `etc/init.d/${service}`;
		await put(file, sysvInitScript({
			name: service, description: descriptions[service], node, standin: standinPath, logFile: serviceLogFiles[service],
		}), 0o755);
		conffiles.push(`/${file}`);
	}
	for (const [file, content] of Object.entries(shippedConfiguration)) {
		await put(file, content);
		conffiles.push(`/${file}`);
	}
	await put('DEBIAN/control', control);
	await put('DEBIAN/conffiles', `${conffiles.join('\n')}\n`);
	for (const [name, script] of Object.entries(maintainerScripts)) await put(`DEBIAN/${name}`, script, 0o755);
	const deb = path.join(workDir, `${packageName}_${packageVersion}_all.deb`);
	await execa('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', root, deb]);
	return deb;
}
