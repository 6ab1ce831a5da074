// TargetFs makes Node's synchronous file calls behind its async interface (target-fs.ts says why).
import type {TargetFs} from './target-fs.js';
import {monotonicMs} from './monotonic-clock.js';

// How long file calls may follow one another before the event loop gets a turn.
export const fileCallSliceMs = 4;

// Calls that follow one another still give the event loop a turn every few milliseconds, as the
// promise calls did, so whatever waits on files (a screen's review of every node) lets keys,
// signals and timers in between. Not a turn after each call: a setup makes hundreds of them, and
// a turn each was a few milliseconds of a plain setup (issue 12).
export function inLaterTurns(fs: TargetFs, now: () => number = monotonicMs): TargetFs {
	let turnAt = now();
	const later = async <T>(result: Promise<T>): Promise<T> => {
		try {
			return await result;
		} finally {
			if (now() - turnAt >= fileCallSliceMs) {
				await new Promise(resolve => setImmediate(resolve));
				turnAt = now();
			}
		}
	};
	type Call = (...args: unknown[]) => Promise<unknown>;
	const synchronous = new Set(['hostPath', 'resolve']);
	const wrapped = Object.entries(fs).map(([name, value]) => [name, typeof value === 'function' && !synchronous.has(name) ? (...args: unknown[]) => later((value as Call)(...args)) : value]);
	return Object.fromEntries(wrapped) as TargetFs;
}
