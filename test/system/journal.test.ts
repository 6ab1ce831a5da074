import {chmod, mkdir, readFile, readdir, stat, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {Journal, newRunId} from '../../source/system/journal.js';
import {filesWrittenBefore, lastUndoableRun, readJournals} from '../../source/system/journal-reading.js';
import {undoLastRun} from '../../source/system/undo.js';
import {createTargetFs, type TargetFs} from '../../source/system/target-fs.js';
import {tempRoot} from '../helpers/temp-root.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';

describe('safe writes', () => {
	it('keeps an existing file’s mode and gives new files 0644', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/default'), {recursive: true});
		await writeFile(path.join(root, 'etc/default/mesos'), 'LOGS=/x\n');
		await chmod(path.join(root, 'etc/default/mesos'), 0o600);
		const journal = new Journal(createTargetFs(root), 'run-1');
		expect(await journal.write('/etc/default/mesos', 'LOGS=/var/log/mesos\n')).toBe('changed');
		expect(await journal.write('/etc/mesos/zk', 'zk://127.0.0.1:2181/mesos\n', {newFileMode: 0o644})).toBe('created');
		expect((await stat(path.join(root, 'etc/default/mesos'))).mode & 0o777).toBe(0o600);
		expect((await stat(path.join(root, 'etc/mesos/zk'))).mode & 0o777).toBe(0o644);
		expect(await journal.write('/etc/mesos/zk', 'zk://127.0.0.1:2181/mesos\n')).toBe('unchanged');
	});

	it('leaves no temp files behind and writes through a symbolic link to its target', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/zookeeper/conf'), {recursive: true});
		await mkdir(path.join(root, 'var/lib/zookeeper'), {recursive: true});
		await writeFile(path.join(root, 'etc/zookeeper/conf/myid'), '7\n');
		// Debian's layout: /var/lib/zookeeper/myid -> /etc/zookeeper/conf/myid (absolute, so inside the root)
		await symlink('/etc/zookeeper/conf/myid', path.join(root, 'var/lib/zookeeper/myid'));
		const journal = new Journal(createTargetFs(root), 'run-1');
		await journal.write('/var/lib/zookeeper/myid', '1\n');
		expect(await readFile(path.join(root, 'etc/zookeeper/conf/myid'), 'utf8')).toBe('1\n');
		expect((await readdir(path.join(root, 'var/lib/zookeeper')))).toEqual(['myid']);
		expect(await readdir(path.join(root, 'etc/zookeeper/conf'))).toEqual(['myid']);
	});
});

describe('undo', () => {
	it('puts back exactly the bytes and modes from before, and removes what the run created', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/zookeeper/conf'), {recursive: true});
		await writeFile(path.join(root, 'etc/zookeeper/conf/zoo.cfg'), Buffer.from('# sample\r\ndataDir=/tmp/zookeeper\n\u00e9'));
		await chmod(path.join(root, 'etc/zookeeper/conf/zoo.cfg'), 0o640);
		const before = await readTree(root);
		const fs = createTargetFs(root);
		const journal = new Journal(fs, '2026-01-01T00-00-00Z-aaaa');
		await journal.write('/etc/zookeeper/conf/zoo.cfg', 'dataDir=/var/lib/zookeeper\n');
		await journal.write('/etc/mesos-slave/ip', '127.0.0.1\n');
		await journal.write('/etc/marathon/conf/zk', 'zk://127.0.0.1:2181/marathon\n');
		const {lines} = await undoLastRun(fs, '2026-01-01T00-00-01Z-bbbb');
		expect(lines.map(l => [l.outcome, l.path])).toEqual([
			['removed', '/etc/marathon/conf/zk'],
			['removed', '/etc/mesos-slave/ip'],
			['restored', '/etc/zookeeper/conf/zoo.cfg'],
		]);
		expect(await readTree(root, ownBookkeeping)).toEqual(before);
	});

	it('undoes each run once, newest first, then says there is nothing left', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		await new Journal(fs, '2026-01-01T00-00-00Z-aaaa').write('/etc/mesos/zk', 'zk://a:1/mesos\n');
		await new Journal(fs, '2026-01-01T00-00-05Z-bbbb').write('/etc/mesos/zk', 'zk://b:1/mesos\n');
		expect((await undoLastRun(fs, 'u1')).run?.runId).toBe('2026-01-01T00-00-05Z-bbbb');
		expect(await fs.read('/etc/mesos/zk')).toBe('zk://a:1/mesos\n');
		expect((await undoLastRun(fs, 'u2')).run?.runId).toBe('2026-01-01T00-00-00Z-aaaa');
		expect(await fs.read('/etc/mesos/zk')).toBeUndefined();
		expect((await undoLastRun(fs, 'u3')).run).toBeUndefined();
	});

	it('says when a file was edited by hand after the run, and keeps that edit in the undo backups', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		await fs.write('/etc/mesos/zk', 'zk://old:1/mesos\n', 0o644);
		await new Journal(fs, '2026-01-01T00-00-00Z-aaaa').write('/etc/mesos/zk', 'zk://new:1/mesos\n');
		await writeFile(path.join(root, 'etc/mesos/zk'), 'zk://hand:1/mesos\n');
		const {lines} = await undoLastRun(fs, '2026-01-01T00-00-09Z-undo');
		expect(lines[0]?.outcome).toBe('restored (it had been edited since)');
		expect(await fs.read('/etc/mesos/zk')).toBe('zk://old:1/mesos\n');
		const journals = await readJournals(fs);
		const undoRun = journals.find(j => j.kind === 'undo');
		expect(await fs.read(`/var/backups/mesos-setup/${undoRun?.runId}/${undoRun?.entries[0]?.backup}`)).toBe('zk://hand:1/mesos\n');
	});

	it('says so when a file the run made was edited by hand since, keeps that edit, and removes the file', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		await new Journal(fs, '2026-01-01T00-00-00Z-aaaa').write('/etc/mesos/zk', 'zk://new:1/mesos\n');
		await writeFile(path.join(root, 'etc/mesos/zk'), 'zk://hand:1/mesos\n');
		const {lines} = await undoLastRun(fs, '2026-01-01T00-00-09Z-undo');
		expect(lines[0]?.outcome).toBe('removed (it had been edited since)');
		expect(await fs.read('/etc/mesos/zk')).toBeUndefined();
		const undoRun = (await readJournals(fs)).find(j => j.kind === 'undo');
		expect(await fs.read(`/var/backups/mesos-setup/${undoRun?.runId}/${undoRun?.entries[0]?.backup}`)).toBe('zk://hand:1/mesos\n');
	});

	it('a run killed between recording and writing still undoes cleanly', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		await fs.write('/etc/mesos/zk', 'zk://old:1/mesos\n', 0o644);
		// What a kill after the journal entry but before the rename leaves: backup + journal, old file.
		const journal = new Journal(fs, '2026-01-01T00-00-00Z-aaaa');
		await journal.write('/etc/mesos/zk', 'zk://new:1/mesos\n');
		await fs.write('/etc/mesos/zk', 'zk://old:1/mesos\n', 0o644);
		await undoLastRun(fs, 'u1');
		expect(await fs.read('/etc/mesos/zk')).toBe('zk://old:1/mesos\n');
	});

	it('keeps the order of two runs started in the same second', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		const second = new Date('2026-01-01T00:00:00.000Z');
		for (let i = 0; i < 5; i++) {
			const at = new Date(second.getTime() + i * 7);
			await new Journal(fs, newRunId(at), 'setup', at).write('/etc/mesos/zk', `zk://h${i}:1/mesos\n`);
		}
		expect((await lastUndoableRun(fs))?.startedAt).toBe('2026-01-01T00:00:00.028Z');
		await undoLastRun(fs, 'u1');
		expect(await fs.read('/etc/mesos/zk')).toBe('zk://h3:1/mesos\n');
	});

	it('a resumed run keeps what the killed run recorded, so undo puts back all of it', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		await fs.write('/etc/mesos/zk', 'zk://old:1/mesos\n', 0o644);
		await new Journal(fs, 'run-1').write('/etc/mesos/zk', 'zk://new:1/mesos\n');
		// The same run id again, as the wizard uses when it resumes.
		await new Journal(fs, 'run-1').write('/etc/mesos-slave/ip', '127.0.0.1\n');
		const {lines} = await undoLastRun(fs, 'u1');
		expect(lines.map(l => l.path)).toEqual(['/etc/mesos-slave/ip', '/etc/mesos/zk']);
		expect(await fs.read('/etc/mesos/zk')).toBe('zk://old:1/mesos\n');
	});
});


describe('a row of files recorded ahead', () => {
	// The journal's saves, seen through the target's writes.
	const countingSaves = (root: string) => {
		const fs = createTargetFs(root);
		const saves: string[][] = [];
		const counted = {
			...fs,
			async write(...args: Parameters<typeof fs.write>) {
				if (args[0].endsWith('/journal.json')) saves.push(JSON.parse(String(args[1])).entries.map((e: {path: string; sha256: string}) => `${e.path} ${e.sha256 ? 'written' : 'recorded'}`));
				return fs.write(...args);
			},
		};
		return {fs: counted, saves};
	};

	it('saves the journal once before the row’s writes and once after the last, and undo puts all back', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/default'), {recursive: true});
		await writeFile(path.join(root, 'etc/default/mesos'), 'LOGS=/x\n');
		const before = await readTree(root);
		const {fs, saves} = countingSaves(root);
		const journal = new Journal(fs, '2026-01-01T00-00-00Z-aaaa');
		const row = ['/etc/default/mesos', '/etc/mesos-slave/ip', '/etc/mesos-slave/hostname'];
		await journal.recordAhead(row);
		for (const file of row) await journal.write(file, `${file} new\n`);
		expect(saves).toEqual([
			// The first copy of an old file needs the journal to exist first.
			[],
			row.map(file => `${file} recorded`),
			row.map(file => `${file} written`),
		]);
		const {lines} = await undoLastRun(createTargetFs(root), '2026-01-01T00-00-01Z-bbbb');
		expect(lines.map(l => l.outcome)).toEqual(['removed', 'removed', 'restored']);
		expect(await readTree(root, ownBookkeeping)).toEqual(before);
	});

	it('drops the records (and copies) of files a stopped row never wrote, and numbers later copies past every one kept', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/mesos-master'), {recursive: true});
		await mkdir(path.join(root, 'etc/mesos-slave'), {recursive: true});
		for (const file of ['etc/mesos-master/ip', 'etc/mesos-slave/hostname', 'etc/mesos-slave/ip']) await writeFile(path.join(root, file), 'old\n');
		const fs = createTargetFs(root);
		const journal = new Journal(fs, '2026-01-01T00-00-00Z-aaaa');
		await journal.recordAhead(['/etc/mesos-master/ip', '/etc/mesos-slave/hostname']);
		await journal.write('/etc/mesos-master/ip', 'new\n');
		await journal.settle(); // the row stopped before its second file
		const dir = path.join(root, 'var/backups/mesos-setup/2026-01-01T00-00-00Z-aaaa');
		const saved = JSON.parse(await readFile(path.join(dir, 'journal.json'), 'utf8')) as {entries: {path: string; backup: string; sha256: string}[]};
		expect(saved.entries.map(e => [e.path, e.backup, e.sha256 !== ''])).toEqual([['/etc/mesos-master/ip', '000-ip', true]]);
		expect((await readdir(dir)).sort()).toEqual(['000-ip', 'journal.json']);
		// A file of the same name later gets a copy of its own, not the kept one's.
		await journal.write('/etc/mesos-slave/ip', 'new\n');
		expect(await readFile(path.join(dir, '000-ip'), 'utf8')).toBe('old\n');
		const again = JSON.parse(await readFile(path.join(dir, 'journal.json'), 'utf8')) as {entries: {path: string; backup: string}[]};
		expect(again.entries.map(e => e.backup)).toEqual(['000-ip', '001-ip']);
	});
});

describe('syncs', () => {
	it('leaves the syncs of a row recorded ahead to the save that names what was written, which lands last; a file not recorded ahead is synced at once', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		const calls: string[] = [];
		const watched: typeof fs = {
			...fs,
			write: async (target, data, mode, owner, sync) => {
				calls.push(`write ${target} ${sync ?? 'now'}`);
				return fs.write(target, data, mode, owner, sync);
			},
		};
		const journal = new Journal(watched, 'run-1');
		const row = ['/etc/mesos-slave/ip', '/etc/mesos-slave/hostname', '/etc/mesos/zk'];
		await journal.recordAhead(row);
		calls.length = 0;
		for (const file of row) await journal.write(file, `${file}\n`);
		// What 'last' does (the row's syncs, then the journal's rename): test/system/target-fs-sync.test.ts.
		const save = 'write /var/backups/mesos-setup/run-1/journal.json last';
		expect(calls).toEqual([...row.map(file => `write ${file} later`), save]);
		const saved = JSON.parse(await readFile(path.join(root, 'var/backups/mesos-setup/run-1/journal.json'), 'utf8')) as {entries: {sha256: string}[]};
		expect(saved.entries.every(entry => entry.sha256 !== '')).toBe(true);
		calls.length = 0;
		await journal.write('/etc/marathon/conf/zk', 'zk\n');
		expect(calls.filter(call => call.startsWith('write /etc'))).toEqual(['write /etc/marathon/conf/zk now']);
	});
});

// The file system with one question (a path each) noted in `asked` as it is asked.
function asking(fs: TargetFs, question: 'info' | 'missingDirs', asked: string[]): TargetFs {
	const ask = fs[question].bind(fs) as (target: string) => Promise<never>;
	return {
		...fs,
		[question]: async (target: string) => {
			asked.push(target);
			return ask(target);
		},
	};
}

describe('a write over a file', () => {
	it('looks at its mode and owner once, and keeps them (on a cluster node each look is a round trip)', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		await fs.write('/etc/mesos/zk', 'old\n', 0o640);
		const looked: string[] = [];
		const journal = new Journal(asking(fs, 'info', looked), 'run-1');
		expect(await journal.write('/etc/mesos/zk', 'new\n')).toBe('changed');
		expect(looked).toEqual(['/etc/mesos/zk']);
		expect(await fs.info('/etc/mesos/zk')).toMatchObject({mode: 0o640, uid: process.getuid?.(), gid: process.getgid?.()});
		expect(await fs.read('/etc/mesos/zk')).toBe('new\n');
	});
});

describe('a row of new files recorded ahead', () => {
	it('asks once a folder which folders their writes make, and each record names them', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		const asked: string[] = [];
		const journal = new Journal(asking(fs, 'missingDirs', asked), 'run-1');
		const row = ['/etc/mesos-slave/ip', '/etc/mesos-slave/hostname', '/etc/mesos/zk'];
		await journal.recordAhead(row);
		expect(asked).toEqual(['/etc/mesos-slave', '/etc/mesos']);
		for (const file of row) await journal.write(file, `${file}\n`);
		const saved = JSON.parse(await readFile(path.join(root, 'var/backups/mesos-setup/run-1/journal.json'), 'utf8')) as {entries: {path: string; createdDirs: string[]}[]};
		expect(saved.entries.map(({path: file, createdDirs}) => [file, createdDirs])).toEqual([
			['/etc/mesos-slave/ip', ['/etc', '/etc/mesos-slave']],
			['/etc/mesos-slave/hostname', ['/etc', '/etc/mesos-slave']],
			['/etc/mesos/zk', ['/etc', '/etc/mesos']],
		]);
	});
});

describe('the files mesos-setup wrote before (Facts.writtenBefore)', () => {
	it('names the files its runs wrote that are there now, not one recorded ahead of a write a killed run never made', async () => {
		const root = await tempRoot();
		const journal = new Journal(createTargetFs(root), 'run-ahead');
		await journal.recordAhead(['/etc/mesos-master/ip']);
		await journal.write('/etc/mesos-master/ip', '10.0.0.1\n');
		// The next row's save names the first row's SHA-256s; the run is killed before its write,
		// and the hostname file is later made by someone else.
		await journal.recordAhead(['/etc/mesos-master/hostname']);
		await writeFile(path.join(root, 'etc/mesos-master/hostname'), 'by-hand\n');
		expect(await filesWrittenBefore(createTargetFs(root))).toEqual(['/etc/mesos-master/ip']);
	});
});
