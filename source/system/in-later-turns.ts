// TargetFs makes Node's synchronous file calls behind its async interface (target-fs.ts says why).
import type {TargetFs} from './target-fs.js';

// Each call still ends in a later turn of the event loop, as the promise calls did, so whatever
// waits on files (a screen's review of every node) lets keys and timers in between.
export function inLaterTurns(fs: TargetFs): TargetFs {
	const later = async <T>(result: Promise<T>): Promise<T> => {
		try {
			return await result;
		} finally {
			await new Promise(resolve => setImmediate(resolve));
		}
	};
	type Call = (...args: unknown[]) => Promise<unknown>;
	const synchronous = new Set(['hostPath', 'resolve']);
	const wrapped = Object.entries(fs).map(([name, value]) => [name, typeof value === 'function' && !synchronous.has(name) ? (...args: unknown[]) => later((value as Call)(...args)) : value]);
	return Object.fromEntries(wrapped) as TargetFs;
}
