// A page taller than the rows it has, scrolled to keep one part of it in view (a form's focused
// field and its highlighted choice): the page and that part are measured after Ink lays them out
// (their text may wrap), and the page is drawn from the row that shows the part, with a row above
// and below saying how much more (windowShowing, scroll-window.ts). Until the first measurement,
// and while the page fits, no window: the page is drawn whole.
import type {DOMElement} from 'ink';
import {type RefObject, useEffect, useReducer, useRef} from 'react';
import {type ScrollWindow, windowShowing} from '../components/scroll/scroll-window.js';

export type FollowedRows = {
	// The whole page, and the part to keep in view.
	page: RefObject<DOMElement | null>;
	part: RefObject<DOMElement | null>;
	// What follows the part and is worth showing with it where it fits (the problems a form found).
	after: RefObject<DOMElement | null>;
	window: ScrollWindow | undefined;
};

type Measured = {total: number; from: number; to: number; afterTo: number};

const same = (a: Measured | undefined, b: Measured): boolean => a !== undefined && a.total === b.total && a.from === b.from && a.to === b.to && a.afterTo === b.afterTo;
// The last measurement; the one before where nothing moved, so React renders nothing more.
const latest = (before: Measured | undefined, measured: Measured): Measured | undefined => (same(before, measured) ? before : measured);

const heightOf = (node: DOMElement): number => node.yogaNode?.getComputedHeight() ?? 0;

// Where `node` starts in `page`, in rows: its top and each box's it sits in, up to the page.
function topWithin(node: DOMElement, page: DOMElement): number {
	let top = 0;
	for (let at: DOMElement | undefined = node; at && at !== page; at = at.parentNode) top += at.yogaNode?.getComputedTop() ?? 0;
	return top;
}

// `must`: the rows from the part's top that must show however little room there is (a field's
// label row through its highlighted choice).
export function useFollowedRows(height: number, must = 1): FollowedRows {
	const page = useRef<DOMElement | null>(null);
	const part = useRef<DOMElement | null>(null);
	const after = useRef<DOMElement | null>(null);
	const [measured, measure] = useReducer(latest, undefined);
	// After every render, so no dependency list: what moves the part (a wrapped line, a problem
	// shown) is not for this hook to name. A measurement equal to the last renders nothing more.
	useEffect(() => {
		if (!page.current) return;
		const total = heightOf(page.current);
		const from = part.current ? topWithin(part.current, page.current) : 0;
		const to = part.current ? from + heightOf(part.current) : from + 1;
		// Nothing there (no problem found): the part alone.
		const afterTo = after.current && heightOf(after.current) > 0 ? topWithin(after.current, page.current) + heightOf(after.current) : to;
		measure({total, from, to, afterTo});
	});
	const window = measured && measured.total > height ? windowShowing(measured.total, height, measured.from, [Math.max(measured.afterTo, measured.to), measured.to], measured.from + Math.max(1, must)) : undefined;
	return {page, part, after, window};
}
