// The key help that fits in a row: every hint as written; or else each said without what follows
// its comma or bracket ("Esc back, keeping what you typed" → "Esc back", "q quit (stops what is
// running)" → "q quit"); or else the first hints that fit whole, then "…". Never a word cut in two.
import {textWidth} from '../wrapped-text/text-rows.js';
import type {KeyHint} from './KeyHelp.js';

export const hintSeparator = ' · ';
export const hintsLeftOut = '…';

const lineWidth = (hints: readonly KeyHint[]): number => hints.reduce((sum, hint, index) => sum + (index > 0 ? hintSeparator.length : 0) + textWidth(`${hint.key} ${hint.does}`), 0);

const brief = (hint: KeyHint): KeyHint => ({key: hint.key, does: hint.does.split(/,| \(/)[0]?.trim() || hint.does});

export function fitHints(hints: readonly KeyHint[], width: number): {hints: KeyHint[]; cut: boolean} {
	if (lineWidth(hints) <= width) return {hints: [...hints], cut: false};
	const short = hints.map(brief);
	if (lineWidth(short) <= width) return {hints: short, cut: false};
	const room = width - hintSeparator.length - hintsLeftOut.length;
	let count = short.length - 1;
	while (count > 0 && lineWidth(short.slice(0, count)) > room) count--;
	return {hints: short.slice(0, count), cut: true};
}
