// The syncs a row's writes leave for later (TargetFs's sync 'later'): each file's bytes and the
// folders its rename changed, all durable before the journal's save after the row names what was
// written (journal.ts). A file's sync starts in the thread pool as soon as it is written, so it runs
// while the next files of the row are written instead of all of them after the last (issue 12:
// setup waited 5 to 11 ms a row on them); the save still waits for every one, and for the folders,
// synced then, once no rename into them is left.
import {close, closeSync, fsync, fsyncSync, open, openSync} from 'node:fs';
import {isMissing} from './file-errors.js';

// Through the thread pool, so syncs overlap; Node's callback calls, not fs/promises: a FileHandle and
// its promises for each of a setup's dozens of syncs cost the main thread more than the calls.
// `closing`: the descriptor is closed once synced, whatever the sync said.
const syncFd = (fd: number, closing: boolean): Promise<void> =>
	new Promise((resolve, reject) => {
		fsync(fd, error => {
			if (!closing) return error ? reject(error) : resolve();
			close(fd, closeError => {
				const failed = error ?? closeError;
				return failed ? reject(failed) : resolve();
			});
		});
	});

// A folder a rename changed (or a folder made in it), synced at once, for a write that is not left
// for later: the change itself must survive a crash. Here beside the later syncs so one module
// holds every folder sync TargetFs makes.
export function syncFolderNow(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

// A file replaced or removed since: as it is now.
export const syncPath = (host: string): Promise<void> =>
	new Promise((resolve, reject) => {
		open(host, 'r', (error, fd) => {
			if (error) return isMissing(error) ? resolve() : reject(error);
			syncFd(fd, true).then(resolve, reject);
		});
	});

export type LaterSyncs = {
	// A file just written (renamed into place): its sync starts now, through `fd`, the descriptor it
	// was written through, which is closed once synced (none: the file is opened again).
	file(host: string, fd?: number): void;
	// A folder a rename changed, or the parent of a folder made: synced by the next `all`.
	folder(dir: string): void;
	// Every sync left for later, with those of the open descriptors `alsoFds` (left open). A file
	// whose sync failed stays failed until it is written again: synced again through a new
	// descriptor, Linux would not say the error twice, and data lost would pass as durable.
	all(alsoFds?: readonly number[]): Promise<void>;
};

export function laterSyncs(): LaterSyncs {
	const files = new Map<string, Promise<void>>();
	const folders = new Set<string>();
	const start = (host: string, fd?: number): Promise<void> => {
		const syncing = fd === undefined ? syncPath(host) : syncFd(fd, true);
		syncing.catch(() => undefined); // said by `all`, which waits for it
		return syncing;
	};
	return {
		file: (host, fd) => void files.set(host, start(host, fd)),
		folder: dir => void folders.add(dir),
		async all(alsoFds = []) {
			const waiting = [...files];
			const dirs = [...folders];
			// A file written again meanwhile keeps its own sync.
			const settle = (then: (host: string) => void): void => {
				for (const [host, syncing] of waiting) if (files.get(host) === syncing) then(host);
			};
			// On a failure every file is kept: the failed one's sync fails again at the next call.
			await Promise.all([...waiting.map(([, syncing]) => syncing), ...dirs.map(syncPath), ...alsoFds.map(async fd => syncFd(fd, false))]);
			settle(host => files.delete(host));
			for (const dir of dirs) folders.delete(dir);
		},
	};
}
