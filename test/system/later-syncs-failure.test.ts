// A file whose sync failed stays failed (system/later-syncs.ts): after a writeback error is said
// once, Linux does not say it again to a new descriptor's fsync, so syncing the file again by its
// path would pass data that may be lost as durable. Only writing the file again clears it.
import {openSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {tempRoot} from '../helpers/temp-root.js';

// The first fsync fails as a writeback error would; every later one is the real call.
let failNext = false;
vi.mock('node:fs', async original => {
	const fs = await original<typeof import('node:fs')>();
	const fsync = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void): void => {
		if (failNext) {
			failNext = false;
			callback(Object.assign(new Error('EIO: i/o error, fsync'), {code: 'EIO'}));
			return;
		}
		fs.fsync(fd, callback);
	};
	return {...fs, fsync, default: {...fs, fsync}};
});

const {laterSyncs} = await import('../../source/system/later-syncs.js');

describe('a row’s syncs left for later', () => {
	it('keeps a failed sync failed at every later call, until the file is written again', async () => {
		const file = path.join(await tempRoot(), 'zoo.cfg');
		writeFileSync(file, 'tickTime=2000\n');
		const syncs = laterSyncs();
		failNext = true;
		syncs.file(file, openSync(file, 'r'));
		await expect(syncs.all()).rejects.toThrow(/EIO/);
		// Not synced again through a new descriptor, which would pass.
		await expect(syncs.all()).rejects.toThrow(/EIO/);
		writeFileSync(file, 'tickTime=2000\n');
		syncs.file(file, openSync(file, 'r'));
		await expect(syncs.all()).resolves.toBeUndefined();
	});
});
