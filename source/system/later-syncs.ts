// The syncs a row's writes leave for later (TargetFs's sync 'later'): each file's bytes and the
// folders its rename changed, all durable before the journal's save after the row names what was
// written (journal.ts). A file's sync starts in the thread pool as soon as it is written, so it runs
// while the next files of the row are written instead of all of them after the last (issue 12:
// setup waited 5 to 11 ms a row on them); the save still waits for every one, and for the folders,
// synced then, once no rename into them is left.
import {open} from 'node:fs/promises';
import {isMissing} from './file-errors.js';

// Through the thread pool, so syncs overlap; a file replaced or removed since: as it is now.
export const syncPath = async (host: string): Promise<void> => {
	const handle = await open(host, 'r').catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
	try {
		await handle?.sync();
	} finally {
		await handle?.close();
	}
};

export type LaterSyncs = {
	// A file just written (renamed into place): its sync starts now.
	file(host: string): void;
	// A folder a rename changed: synced by the next `all`.
	folder(dir: string): void;
	// Every sync left for later, with `also`'s; one that failed waits for the next call, as it is then.
	all(also?: readonly string[]): Promise<void>;
};

export function laterSyncs(): LaterSyncs {
	// undefined: to be started again by the next `all` (a sync that failed).
	const files = new Map<string, Promise<void> | undefined>();
	const folders = new Set<string>();
	const start = (host: string): Promise<void> => {
		const syncing = syncPath(host);
		syncing.catch(() => undefined); // said by `all`, which waits for it
		return syncing;
	};
	return {
		file: host => void files.set(host, start(host)),
		folder: dir => void folders.add(dir),
		async all(also = []) {
			for (const [host, syncing] of files) if (!syncing) files.set(host, start(host));
			const waiting = [...files];
			const dirs = [...folders];
			// A file written again meanwhile keeps its own sync.
			const settle = (then: (host: string) => void): void => {
				for (const [host, syncing] of waiting) if (files.get(host) === syncing) then(host);
			};
			try {
				await Promise.all([...waiting.map(([, syncing]) => syncing), ...[...dirs, ...also].map(syncPath)]);
			} catch (error) {
				settle(host => files.set(host, undefined));
				throw error;
			}
			settle(host => files.delete(host));
			for (const dir of dirs) folders.delete(dir);
		},
	};
}
