// A target path is taken as path.resolve('/', path) would make it: the catalogue's paths, already
// absolute and normal, are taken as they are (no normalizing a call), any other is normalized.
import path from 'node:path';
import {expect, it} from 'vitest';
import {createTargetFs} from '../../source/system/target-fs.js';
import {tempRoot} from '../helpers/temp-root.js';

it('gives every path, normal or not, the host path of its normalized form (20,000 random paths of a, ., / and spaces)', async () => {
	const root = await tempRoot();
	const fs = createTargetFs(root);
	const letters = ['a', 'b', '.', '/', '/', ' '];
	let seed = 12;
	const random = (n: number): number => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed % n;
	};
	for (let i = 0; i < 20_000; i++) {
		const target = Array.from({length: random(12)}, () => letters[random(letters.length)]).join('');
		const normal = path.resolve('/', target);
		expect(fs.hostPath(target), JSON.stringify(target)).toBe(fs.root + normal);
	}
	expect(fs.hostPath('/etc/mesos/zk')).toBe(`${fs.root}/etc/mesos/zk`);
});
