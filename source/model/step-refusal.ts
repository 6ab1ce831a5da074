// A step refused as a whole before it starts (a file it writes cannot be written: a plain file
// stands where its folder goes) names the files in the way. The wizard blames those actions, not
// the first of the step, and its skip leaves out only them: the good files around them are written.
import type {Action} from './plan.js';

// The path an action writes that must be a regular file or not there yet (system/target-check.ts
// checks every one before a step starts).
export const writeTarget = (action: Action): string | undefined =>
	action.kind === 'file' ? action.path : action.kind === 'import-key' && action.method === 'keyring' ? action.keyring : undefined;

// The actions of a page still to run, by index: from `from` on, without those skipped.
export const actionsToRun = (count: number, from: number, skipping: readonly number[] = []): number[] =>
	Array.from({length: Math.max(0, count - from)}, (_, offset) => from + offset).filter(index => !skipping.includes(index));

// Which of the actions run (`indexes`) write a target the refusal named.
export const actionsInTrouble = (actions: readonly Action[], indexes: readonly number[], targets: readonly string[]): number[] =>
	indexes.filter(index => {
		const target = actions[index] ? writeTarget(actions[index]) : undefined;
		return target !== undefined && targets.includes(target);
	});

// How Done and the page name a skipped action: a file by its path, anything else by its title.
export const skippedName = (action: Action): string => (action.kind === 'file' ? action.path : action.title);

// What a page left out by a skip, in the words its page and Done use.
export const leftOutWords = (names: readonly string[]): string => `skipped, not carried out: ${names.join(', ')}`;
