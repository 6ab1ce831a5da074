// When TargetFs syncs: a write 'now' syncs its bytes before its rename and its folder after (with the
// parent of each folder it made); writes 'later' start their bytes' sync at once and leave their
// folders to syncLater or to the next write 'last', which waits for them all, with its own bytes,
// before its rename lands. What is synced and renamed is read off the real calls.
import * as realFs from 'node:fs';
import path from 'node:path';
import {afterEach, expect, it, vi} from 'vitest';
import {createTargetFs} from '../../source/system/target-fs.js';
import {tempRoot} from '../helpers/temp-root.js';

const events: string[] = [];
let root = '';
const shown = (host: string): string => path.relative(root, host).replace(/\.([^/]+)\.mesos-setup-[0-9a-f]{8}$/, 'temp of $1') || '.';

vi.mock('node:fs', async importOriginal => {
	const actual = await importOriginal<typeof realFs>();
	// Each descriptor by the name of the file it is now (a temp file once renamed is the file).
	const named = new Map<number, string>();
	return {
		...actual,
		openSync: ((file: string, ...rest: [never]) => {
			const fd = actual.openSync(file, ...rest);
			named.set(fd, file);
			return fd;
		}) as typeof actual.openSync,
		open: ((file: string, flags: string, callback: (error: NodeJS.ErrnoException | null, fd: number) => void) => {
			actual.open(file, flags, (error, fd) => {
				if (!error) named.set(fd, file);
				callback(error, fd);
			});
		}) as typeof actual.open,
		fsyncSync: (fd: number) => {
			events.push(`sync ${shown(named.get(fd) ?? '?')}`);
			actual.fsyncSync(fd);
		},
		fsync: ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
			events.push(`sync ${shown(named.get(fd) ?? '?')}`);
			actual.fsync(fd, callback);
		}) as typeof actual.fsync,
		renameSync: (from: string, to: string) => {
			events.push(`rename ${shown(from)}`);
			actual.renameSync(from, to);
			for (const [fd, file] of named) if (file === from) named.set(fd, to);
		},
	};
});

afterEach(() => {
	events.length = 0;
});

it('syncs a row left for later, with the last write’s bytes, before that write lands', async () => {
	root = await tempRoot();
	const fs = createTargetFs(root);
	await fs.write('/etc/a', 'a\n', 0o644);
	// etc was made for it: the root, its parent, is synced too.
	expect(events).toEqual(['sync etc/temp of a', 'rename etc/temp of a', 'sync etc', 'sync .']);
	events.length = 0;
	await fs.write('/etc/b', 'b\n', 0o644, undefined, 'later');
	await fs.write('/etc/conf/c', 'c\n', 0o644, undefined, 'later');
	// Each file's sync starts once it is in place (in the thread pool: it may not have run yet); the
	// folders wait.
	expect(events.filter(event => !event.startsWith('sync etc/'))).toEqual(['rename etc/temp of b', 'rename etc/conf/temp of c']);
	expect(events.filter(event => event === 'sync etc' || event === 'sync etc/conf')).toEqual([]);
	// They run without waiting for the save that needs them.
	await vi.waitFor(() => expect(events).toEqual(expect.arrayContaining(['sync etc/b', 'sync etc/conf/c'])));
	expect(events.filter(event => event === 'sync etc' || event === 'sync etc/conf')).toEqual([]);
	await fs.write('/var/journal.json', '{}\n', 0o600, undefined, 'last');
	const renamed = events.indexOf('rename var/temp of journal.json');
	// Every sync before the rename (in any order: they run together), the folder's after it.
	expect(events.slice(0, renamed).filter(event => event.startsWith('sync')).sort()).toEqual(['sync etc', 'sync etc/b', 'sync etc/conf', 'sync etc/conf/c', 'sync var/temp of journal.json']);
	expect(events.slice(renamed)).toEqual(['rename var/temp of journal.json', 'sync var', 'sync .']);
	// Nothing is left for later once synced.
	events.length = 0;
	await fs.syncLater();
	expect(events).toEqual([]);
	expect(realFs.readFileSync(path.join(root, 'etc/conf/c'), 'utf8')).toBe('c\n');
});

it('syncs the parent of every folder a write made, so the folders outlive a crash with the file', async () => {
	root = await tempRoot();
	const fs = createTargetFs(root);
	await fs.write('/etc/placeholder', 'x\n', 0o644);
	events.length = 0;
	expect((await fs.write('/etc/mesos-master/conf/ip', '10.0.0.1\n', 0o644)).createdDirs).toEqual(['/etc/mesos-master', '/etc/mesos-master/conf']);
	const renamed = events.indexOf('rename etc/mesos-master/conf/temp of ip');
	expect(events.slice(0, renamed)).toEqual(['sync etc/mesos-master/conf/temp of ip']);
	expect(events.slice(renamed + 1).sort()).toEqual(['sync etc', 'sync etc/mesos-master', 'sync etc/mesos-master/conf']);
	// Left for later, the made folders' parents wait with the file's folder for the next write 'last'.
	events.length = 0;
	await fs.write('/etc/marathon/conf/zk', 'zk://\n', 0o644, undefined, 'later');
	expect(events.filter(event => event === 'sync etc' || event.startsWith('sync etc/marathon') && !event.endsWith('zk'))).toEqual([]);
	await fs.write('/var/journal.json', '{}\n', 0o600, undefined, 'last');
	const landed = events.indexOf('rename var/temp of journal.json');
	expect(events.slice(0, landed)).toEqual(expect.arrayContaining(['sync etc', 'sync etc/marathon', 'sync etc/marathon/conf']));
});
