// Paths resolved part by part inside a root, as a chroot resolves them.
import {mkdir, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {canonicalRoot, LinkLoopError, resolveInRoot} from '../../source/system/root-path.js';
import {tempRoot} from '../helpers/temp-root.js';

describe('resolveInRoot', () => {
	it('follows links at every depth, absolute ones from the root, and stops .. at the root', async () => {
		const root = canonicalRoot(await tempRoot());
		await mkdir(path.join(root, 'etc/real'), {recursive: true});
		await symlink('/etc/real', path.join(root, 'etc/abs'));
		await symlink('../../../../../../etc/real', path.join(root, 'etc/climbing'));
		await symlink('/', path.join(root, 'slash'));
		await symlink('real/../../etc/real', path.join(root, 'etc/dots'));
		for (const [target, resolved] of [
			['/etc/abs/zk', '/etc/real/zk'],
			['/etc/climbing/zk', '/etc/real/zk'],
			['/slash/slash/etc/abs', '/etc/real'],
			['/../../etc/abs/zk', '/etc/real/zk'],
			['/etc/dots/zk', '/etc/real/zk'],
			['/missing/../etc/abs/x', '/etc/real/x'],
			['/etc/real/missing/deeper', '/etc/real/missing/deeper'],
		]) {
			// Every one but /etc/real names a file or folder that does not exist (yet).
			const missing = resolved === '/etc/real' ? {} : {missing: true};
			expect(resolveInRoot(root, target ?? ''), target).toEqual({target: resolved, host: path.join(root, resolved ?? ''), ...missing});
		}
	});

	it('names a loop instead of following it', async () => {
		const root = canonicalRoot(await tempRoot());
		await symlink('/b', path.join(root, 'a'));
		await symlink('/a', path.join(root, 'b'));
		expect(() => resolveInRoot(root, '/a/file')).toThrow(LinkLoopError);
		expect(() => resolveInRoot(root, '/a/file')).toThrow(/\/a\/file: more than 40 symbolic links/);
	});

	it('on the real machine (root /) is the plain path', async () => {
		const dir = canonicalRoot(await tempRoot());
		await writeFile(path.join(dir, 'f'), '');
		expect(resolveInRoot('/', path.join(dir, 'f'))).toEqual({target: path.join(dir, 'f'), host: path.join(dir, 'f')});
	});
});
