// The rows left for the part of a screen that can scroll, once what sits above and below it is
// laid out: those parts are measured after Ink lays them out (their text may wrap), so the prompt
// under a scrolling list is never pushed off the screen. Until the first measurement, none.
import {type DOMElement, measureElement} from 'ink';
import {type RefObject, useEffect, useReducer, useRef} from 'react';

export type RowsLeft = {above: RefObject<DOMElement | null>; below: RefObject<DOMElement | null>; rows: number};

// The last measurement; React skips the render when it is the same as before.
const latest = (_before: number | undefined, measured: number): number => measured;

export function useRowsLeft(total: number): RowsLeft {
	const above = useRef<DOMElement | null>(null);
	const below = useRef<DOMElement | null>(null);
	const [used, measure] = useReducer(latest, undefined);
	// After every render, so no dependency list: what is above and below may change (a notice, a
	// wrapped problem) for reasons this hook cannot name. A measurement equal to the last one
	// renders nothing, so the render a new one causes measures the same and ends there.
	useEffect(() => {
		const height = (ref: RefObject<DOMElement | null>): number => (ref.current ? measureElement(ref.current).height : 0);
		measure(height(above) + height(below));
	});
	return {above, below, rows: used === undefined ? 0 : Math.max(0, total - used)};
}
