// Which rows of a long list are shown: at most `limit`, the selected one among them, scrolled so
// it sits in the middle where it can.
export function choiceWindow(count: number, selected: number, limit: number): {start: number; end: number} {
	if (count <= limit) return {start: 0, end: count};
	const start = Math.min(Math.max(0, selected - Math.floor(limit / 2)), count - limit);
	return {start, end: start + limit};
}
