// The live status, kept outside React: it takes a snapshot, waits, takes the next, and tells its
// subscribers only when something changed, so an idle screen does no rendering at all.
import {errorMessage} from '../../model/errors.js';
import {sameSnapshot, type StatusSnapshot} from '../../model/status-snapshot.js';

export type StatusView = {snapshot?: StatusSnapshot; error?: string};

export type StatusStore = {
	subscribe(listener: () => void): () => void;
	view(): StatusView;
	start(): void;
	stop(): void;
	// Takes a snapshot now (after a restart, say) instead of at the next tick.
	refresh(): void;
};

// `take` gets a signal that aborts when the store stops (the screen is left), so probes under way end.
export function createStatusStore(take: (signal: AbortSignal) => Promise<StatusSnapshot>, intervalMs = 2000): StatusStore {
	let view: StatusView = {};
	let timer: NodeJS.Timeout | undefined;
	let running = false;
	let taking = false;
	let again = false;
	let stopping = new AbortController();
	const listeners = new Set<() => void>();

	function publish(next: StatusView): void {
		if (next.error === view.error && sameSnapshot(next.snapshot, view.snapshot)) return;
		view = next;
		for (const listener of listeners) listener();
	}

	async function tick(): Promise<void> {
		if (taking) {
			again = true;
			return;
		}
		taking = true;
		clearTimeout(timer);
		try {
			publish({snapshot: await take(stopping.signal)});
		} catch (error) {
			// take() reports what does not answer inside the snapshot; this is anything else.
			publish({...(view.snapshot ? {snapshot: view.snapshot} : {}), error: errorMessage(error)});
		}
		taking = false;
		if (!running) return;
		if (again) {
			again = false;
			void tick();
			return;
		}
		// The next look starts a full interval after this one ended, so slow probes never pile up.
		timer = setTimeout(() => void tick(), intervalMs);
	}

	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		view: () => view,
		start() {
			if (running) return;
			running = true;
			if (stopping.signal.aborted) stopping = new AbortController();
			void tick();
		},
		stop() {
			running = false;
			clearTimeout(timer);
			stopping.abort();
		},
		refresh() {
			if (running) void tick();
		},
	};
}
