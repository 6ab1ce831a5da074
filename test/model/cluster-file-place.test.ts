// Where the machine list's cluster file goes: under --root DIR nothing is written outside DIR, so a
// relative name is taken under DIR (not the working directory) and a path outside DIR is refused.
import {describe, expect, it} from 'vitest';
import {clusterFilePlace, insideRoot, settingsFilePlace} from '../../source/model/cluster-file-place.js';

describe('clusterFilePlace', () => {
	it('on the machine itself, takes a name as the shell does: from the working directory', () => {
		expect(clusterFilePlace('cluster.yaml', {cwd: '/home/me'})).toEqual({file: '/home/me/cluster.yaml'});
		expect(clusterFilePlace('/etc/c.yaml', {cwd: '/home/me'})).toEqual({file: '/etc/c.yaml'});
	});

	it('in a rehearsal, takes a relative name under the root, whatever the working directory', () => {
		expect(clusterFilePlace('cluster.yaml', {cwd: '/tmp', root: '/tmp/r'})).toEqual({file: '/tmp/r/cluster.yaml'});
		expect(clusterFilePlace('sub/c.yaml', {cwd: '/elsewhere', root: '/tmp/r'})).toEqual({file: '/tmp/r/sub/c.yaml'});
		expect(clusterFilePlace('/tmp/r/c.yaml', {cwd: '/', root: '/tmp/r'})).toEqual({file: '/tmp/r/c.yaml'});
	});

	it('in a rehearsal, refuses a path outside the root, saying what is allowed', () => {
		for (const typed of ['/tmp/cluster.yaml', '../cluster.yaml', '/tmp/r2/c.yaml', '.', '/tmp/r']) {
			const place = clusterFilePlace(typed, {cwd: '/tmp', root: '/tmp/r'});
			expect(place).toEqual({problem: expect.stringContaining('writes nothing outside /tmp/r') as unknown});
			expect('problem' in place && place.problem).toContain('cluster.yaml (saved in /tmp/r)');
		}
	});

	it('insideRoot: strictly below the root, never the root itself or a sibling sharing its prefix', () => {
		expect(insideRoot('/tmp/r/a', '/tmp/r')).toBe(true);
		expect(insideRoot('/tmp/r/..a', '/tmp/r')).toBe(true);
		expect(insideRoot('/tmp/r', '/tmp/r')).toBe(false);
		expect(insideRoot('/tmp/rr/a', '/tmp/r')).toBe(false);
		expect(insideRoot('/tmp/r/../a', '/tmp/r')).toBe(false);
	});

	it('settingsFilePlace: the cluster file itself, or in a rehearsal whose file is outside the root a copy in the root by its name', () => {
		expect(settingsFilePlace('c.yaml', {cwd: '/home/me'})).toEqual({file: '/home/me/c.yaml', copy: false});
		// Inside the root: the file itself, taken from the working directory as the shell named it.
		expect(settingsFilePlace('r/c.yaml', {cwd: '/tmp', root: '/tmp/r'})).toEqual({file: '/tmp/r/c.yaml', copy: false});
		expect(settingsFilePlace('conf/c.yaml', {cwd: '/home/me', root: '/tmp/r'})).toEqual({file: '/tmp/r/c.yaml', copy: true});
		expect(settingsFilePlace('/tmp/r2/c.yaml', {cwd: '/', root: '/tmp/r'})).toEqual({file: '/tmp/r/c.yaml', copy: true});
	});
});
