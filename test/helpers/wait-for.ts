// The one way a test waits: poll a check until it gives something, never sleep a guessed time.
// The check may be async and may throw (a server not up yet): it is asked again until the time is
// up, and the error names what was awaited and the last thing it said. Polling starts fast (a
// screen answers within milliseconds) and slows to four times a second (a daemon takes seconds).

const firstIntervalMs = 5;
const slowestIntervalMs = 250;

// Resolves with what `check` returned once it is neither undefined nor false. `everyMs`: asked at
// that fixed pace instead (a benchmark that polls as the product polls).
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000, everyMs?: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let interval = everyMs ?? firstIntervalMs;
	let last: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value;
			last = undefined;
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `; last error: ${String(last)}` : ''}`);
		await new Promise(resolve => setTimeout(resolve, interval));
		interval = everyMs ?? Math.min(slowestIntervalMs, interval * 1.5);
	}
}
