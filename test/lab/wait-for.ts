/**
 * Polls check until it returns something other than undefined, and returns that; on timeout,
 * throws naming what was awaited and the last thing seen. Tests wait for content, never sleep.
 */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined) return value;
			last = undefined;
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? `; last error: ${String(last)}` : ''}`);
		}
		await new Promise(resolve => setTimeout(resolve, 250));
	}
}
