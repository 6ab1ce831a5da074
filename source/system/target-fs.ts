// The target machine's files, seen through a root prefix: '/' for the real machine, a folder for
// a sandbox. Writes are atomic: temp file in the same folder, fsync, rename, fsync the folder.
import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {access, chmod, lstat, mkdir, open, readdir, readFile, readlink, rename, rmdir, stat, unlink} from 'node:fs/promises';
import path from 'node:path';

export type TargetFs = {
	root: string;
	// Where a target path (/etc/mesos/zk) lives on this host.
	hostPath(target: string): string;
	read(target: string): Promise<string | undefined>;
	readBytes(target: string): Promise<Buffer | undefined>;
	mode(target: string): Promise<number | undefined>;
	exists(target: string): Promise<boolean>;
	list(target: string): Promise<string[]>;
	// Atomic replace; creates missing folders and returns the ones it created (outermost first).
	write(target: string, data: string | Buffer, mode: number): Promise<{createdDirs: string[]}>;
	remove(target: string): Promise<void>;
	removeEmptyDir(target: string): Promise<boolean>;
};

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

export function createTargetFs(root: string): TargetFs {
	const base = path.resolve(root);
	const hostPath = (target: string): string => (base === '/' ? path.resolve('/', target) : path.join(base, path.resolve('/', target)));

	// A link is followed to what it names, inside the root, so that writing /var/lib/zookeeper/myid
	// writes the file Debian links it to instead of replacing the link.
	async function resolveLinks(target: string): Promise<string> {
		let current = path.resolve('/', target);
		for (let hops = 0; hops < 16; hops++) {
			let info;
			try {
				info = await lstat(hostPath(current));
			} catch (error) {
				if (isMissing(error)) return current;
				throw error;
			}
			if (!info.isSymbolicLink()) return current;
			const link = await readlink(hostPath(current));
			current = path.resolve(path.dirname(current), link);
		}
		throw new Error(`${target}: too many symbolic links`);
	}

	async function readBytes(target: string): Promise<Buffer | undefined> {
		try {
			return await readFile(hostPath(await resolveLinks(target)));
		} catch (error) {
			if (isMissing(error)) return undefined;
			throw error;
		}
	}

	async function ensureDir(target: string): Promise<string[]> {
		const missing: string[] = [];
		for (let dir = target; dir !== '/'; dir = path.dirname(dir)) {
			try {
				await stat(hostPath(dir));
				break;
			} catch (error) {
				if (!isMissing(error)) throw error;
				missing.unshift(dir);
			}
		}
		for (const dir of missing) {
			await mkdir(hostPath(dir), {mode: 0o755});
			await chmod(hostPath(dir), 0o755); // mkdir's mode is cut by the umask; /etc folders are 0755
		}
		return missing;
	}

	return {
		root: base,
		hostPath,
		readBytes,
		async read(target) {
			return (await readBytes(target))?.toString('utf8');
		},
		async mode(target) {
			try {
				return (await stat(hostPath(await resolveLinks(target)))).mode & 0o7777;
			} catch (error) {
				if (isMissing(error)) return undefined;
				throw error;
			}
		},
		async exists(target) {
			try {
				await access(hostPath(target), constants.F_OK);
				return true;
			} catch {
				return false; // any error means the file cannot be used, which is what is asked
			}
		},
		async list(target) {
			try {
				return await readdir(hostPath(target));
			} catch (error) {
				if (isMissing(error)) return [];
				throw error;
			}
		},
		async write(target, data, mode) {
			const real = await resolveLinks(target);
			const createdDirs = await ensureDir(path.dirname(real));
			const dir = hostPath(path.dirname(real));
			const temp = path.join(dir, `.${path.basename(real)}.mesos-setup-${randomBytes(4).toString('hex')}`);
			const handle = await open(temp, 'wx', mode);
			try {
				await handle.writeFile(data);
				await handle.sync();
			} catch (error) {
				await handle.close();
				await unlink(temp);
				throw error;
			}
			await handle.close();
			try {
				await chmod(temp, mode); // open() is subject to the umask; the kept mode is not
				await rename(temp, hostPath(real));
			} catch (error) {
				await unlink(temp).catch(() => undefined); // already gone if the rename half-happened
				throw error;
			}
			const dirHandle = await open(dir, 'r');
			try {
				await dirHandle.sync(); // the rename itself must survive a crash
			} finally {
				await dirHandle.close();
			}
			return {createdDirs};
		},
		async remove(target) {
			try {
				await unlink(hostPath(await resolveLinks(target)));
			} catch (error) {
				if (!isMissing(error)) throw error;
			}
		},
		async removeEmptyDir(target) {
			try {
				await rmdir(hostPath(target));
				return true;
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') return false;
				throw error;
			}
		},
	};
}
