// Which rows of a list taller than its space are shown, for every list that scrolls by a row at a
// time (a file's diff, the preflight's findings): the rows from `offset` (clamped), with a row above
// and a row below saying what is out of view; the whole, those rows included, never passes `height`.
export type ScrollWindow = {
	// The first row shown and how many are shown.
	start: number;
	visible: number;
	// Rows out of view above and below.
	above: number;
	below: number;
	// The largest offset that still moves the window: the key handler clamps to it, so a key pressed
	// past the end is not owed back before the next one moves the list.
	max: number;
};

export function scrollWindow(total: number, height: number, offset: number): ScrollWindow {
	if (total <= height) return {start: 0, visible: total, above: 0, below: 0, max: 0};
	// At the end only the row above says more.
	const max = total - Math.max(height - 1, 1);
	const from = (visible: number): number => Math.min(Math.max(offset, 0), total - visible);
	// At the top only the row below says more; scrolled, the row above does too, unless the end is in view.
	let visible = Math.max(height - 1, 1);
	let start = from(visible);
	if (start > 0 && start + visible < total) {
		visible = Math.max(height - 2, 1);
		start = from(visible);
	}
	return {start, visible, above: start, below: total - start - visible, max};
}

// Where a list's window says how far it scrolls, for the key handler to read when a key comes: the
// window is laid out where the rows are known (FilePreview, the checks' list), the keys are mapped
// elsewhere. A ref (useRef(0)): written as the list renders, read only by keys, which come after.
export type ScrollLimit = {current: number};

// What a row above or below a window says is out of view: "3 more lines".
export const more = (count: number, word: string): string => `${count} more ${word}${count === 1 ? '' : 's'}`;

// The window that shows rows `from` up to `ends[0]` (excluded), or else up to the next end, drawn
// as near the top as it can (the page's first rows are its title); where none fits, from `from`
// down as far as the rows go, and at least to `must`.
export function windowShowing(total: number, height: number, from: number, ends: readonly number[], must = from + 1): ScrollWindow {
	const shows = (window: ScrollWindow, end: number): boolean => window.start <= from && end <= window.start + window.visible;
	const showing = (end: number): ScrollWindow | undefined =>
		[0, end - (height - 2), end - (height - 1), from].map(offset => scrollWindow(total, height, offset)).find(window => shows(window, end));
	for (const end of ends) {
		const found = showing(end);
		if (found) return found;
	}
	const top = scrollWindow(total, height, from);
	return shows(top, must) ? top : (showing(must) ?? top);
}
