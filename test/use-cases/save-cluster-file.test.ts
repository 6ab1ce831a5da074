// The machine list's cluster file on disk, in a real temp root: under --root DIR it lands inside DIR
// (a relative name under DIR, not the working directory), and a path outside DIR, typed or reached
// through a link, is refused with nothing written anywhere.
import {mkdir, readdir, readFile, symlink} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseClusterFile} from '../../source/model/cluster-file.js';
import type {Cluster} from '../../source/model/cluster.js';
import {InputError} from '../../source/model/errors.js';
import {saveClusterFile} from '../../source/use-cases/save-cluster-file.js';
import {tempRoot} from '../helpers/temp-root.js';

const cluster: Cluster = {
	nodes: [
		{name: 'm1', address: '10.0.0.11', role: 'master'},
		{name: 'a1', address: '10.0.0.21', role: 'agent'},
	],
	ssh: {},
	settings: {},
};

describe('saveClusterFile', () => {
	it('under --root, saves a relative name inside the root, never in the working directory', async () => {
		const root = await tempRoot();
		const name = `cluster-${path.basename(root)}.yaml`;
		const saved = await saveClusterFile(name, cluster, root);
		expect(saved).toBe(path.join(root, name));
		expect(parseClusterFile(await readFile(saved, 'utf8'), saved).nodes).toEqual(cluster.nodes);
		expect(await readdir(process.cwd())).not.toContain(name);
		expect(await readdir(root)).toEqual([name]);
	});

	it('under --root, refuses a path outside the root, naming what is allowed, and writes nothing', async () => {
		const [root, outside] = [await tempRoot(), await tempRoot()];
		const refused = saveClusterFile(path.join(outside, 'cluster.yaml'), cluster, root);
		await expect(refused).rejects.toBeInstanceOf(InputError);
		await expect(refused).rejects.toThrow(`writes nothing outside ${root}`);
		await expect(saveClusterFile('../cluster.yaml', cluster, root)).rejects.toThrow('cluster.yaml (saved in');
		expect(await readdir(outside)).toEqual([]);
		expect(await readdir(root)).toEqual([]);
	});

	it('under --root, refuses a folder inside the root that is a link leading out of it', async () => {
		const [root, outside] = [await tempRoot(), await tempRoot()];
		await symlink(outside, path.join(root, 'out'));
		await mkdir(path.join(root, 'in'));
		await expect(saveClusterFile('out/cluster.yaml', cluster, root)).rejects.toThrow('leads outside');
		expect(await readdir(outside)).toEqual([]);
		// A real folder inside the root is fine.
		expect(await saveClusterFile('in/cluster.yaml', cluster, root)).toBe(path.join(root, 'in', 'cluster.yaml'));
	});

	it('on the machine itself, saves where the path says', async () => {
		const dir = await tempRoot();
		expect(await saveClusterFile(path.join(dir, 'c.yaml'), cluster)).toBe(path.join(dir, 'c.yaml'));
		expect(await readdir(dir)).toEqual(['c.yaml']);
	});
});
