// The rows left for the part of a screen that can scroll, once what sits above and below it is
// laid out: those parts are measured after Ink lays them out (their text may wrap), so the prompt
// under a scrolling list is never pushed off the screen. Until the first measurement, none.
import {type DOMElement, measureElement} from 'ink';
import {type RefObject, useEffect, useRef, useState} from 'react';

export type RowsLeft = {above: RefObject<DOMElement | null>; below: RefObject<DOMElement | null>; rows: number};

export function useRowsLeft(total: number): RowsLeft {
	const above = useRef<DOMElement | null>(null);
	const below = useRef<DOMElement | null>(null);
	const [used, setUsed] = useState<number | undefined>(undefined);
	// After every render: what is above and below may have changed (a notice, a wrapped problem).
	useEffect(() => {
		const height = (ref: RefObject<DOMElement | null>): number => (ref.current ? measureElement(ref.current).height : 0);
		const measured = height(above) + height(below);
		if (measured !== used) setUsed(measured);
	});
	return {above, below, rows: used === undefined ? 0 : Math.max(0, total - used)};
}
