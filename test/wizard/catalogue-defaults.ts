// What a setup that accepted every default leaves under a --root: each setting's file holds the
// catalogue's default, zoo.cfg its fixed lines, the apt source and the upstart overrides.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {expect} from 'vitest';
import type {Facts} from '../../source/model/facts.js';
import {readEnvKey, readProperty, readServers, readWholeFile} from '../../source/model/file-formats.js';
import {zooCfgExtras} from '../../source/model/files.js';
import {settings} from '../../source/model/settings.js';

export async function expectCatalogueDefaults(root: string, facts: Facts): Promise<void> {
	const read = (target: string) => readFile(path.join(root, target), 'utf8');
	for (const setting of settings) {
		const location = setting.location(facts);
		if (!location) continue;
		// Empty by default and then not written (the master's ip and host name): no file at all.
		if (setting.default === '' && 'emptyWritesNothing' in setting && setting.emptyWritesNothing) {
			await expect(read(location.path)).rejects.toThrow(/ENOENT/);
			continue;
		}
		const content = await read(location.path);
		const {storage} = location;
		const stored =
			storage.kind === 'whole'
				? readWholeFile(content)
				: storage.kind === 'env'
					? readEnvKey(content, storage.key)
					: storage.kind === 'properties'
						? readProperty(content, storage.key)
						: readServers(content);
		expect(stored, `${setting.id} in ${location.path}`).toBe(setting.default);
	}
	const zooCfg = await read('/etc/zookeeper/conf/zoo.cfg');
	for (const extra of zooCfgExtras) expect(readProperty(zooCfg, extra.key)).toBe(extra.value);
	expect(await read('/etc/apt/sources.list.d/mesosphere.list')).toBe(`deb http://repos.mesosphere.io/${facts.distro} ${facts.codename} main\n`);
	for (const service of ['chronos', 'zookeeper', 'marathon', 'mesos-master', 'mesos-slave']) {
		expect(await read(`/etc/init/${service}.override`)).toBe('manual\n');
	}
}
