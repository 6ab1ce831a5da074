// A target path is taken as path.resolve('/', path) would make it: the catalogue's paths, already
// absolute and normal, are taken as they are (no normalizing a call), any other is normalized.
import path from 'node:path';
import {expect, it} from 'vitest';
import {createTargetFs} from '../../source/system/target-fs.js';
import {tempRoot} from '../helpers/temp-root.js';

it('gives every path, normal or not, the host path of its normalized form (20,000 random paths of a, b, ., / and spaces)', async () => {
	const root = await tempRoot();
	const fs = createTargetFs(root);
	const letters = ['a', 'b', '.', '/', '/', ' '];
	// mulberry32: 32-bit arithmetic (Math.imul), so no precision is lost and the draws do not cycle.
	let seed = 12;
	const random = (n: number): number => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) % n;
	};
	const seen = new Set<string>();
	let normalAlready = 0;
	for (let i = 0; i < 20_000; i++) {
		// Half of them absolute, as the catalogue's are, so many are normal already (the path taken as it is).
		const target = (i % 2 === 0 ? '/' : '') + Array.from({length: random(14)}, () => letters[random(letters.length)]).join('');
		seen.add(target);
		const normal = path.resolve('/', target);
		if (normal === target) normalAlready++;
		expect(fs.hostPath(target), JSON.stringify(target)).toBe(fs.root + normal);
	}
	expect(seen.size).toBeGreaterThan(12_000);
	expect(normalAlready).toBeGreaterThan(1_000);
	expect(fs.hostPath('/etc/mesos/zk')).toBe(`${fs.root}/etc/mesos/zk`);
});
