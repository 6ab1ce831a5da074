// A list scrolled by keys: the offset moved by `delta`, kept between the top and `max`, the last
// offset that still moves the list (its window, computed where its rows are laid out, says so). A
// key pressed at an end does nothing, and the next key the other way moves the list at once.
export function scrolledBy(offset: number, delta: number, max: number): number {
	const last = Math.max(0, max);
	return Math.min(Math.max(0, Math.min(offset, last) + delta), last);
}
