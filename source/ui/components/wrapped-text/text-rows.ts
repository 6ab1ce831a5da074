// Explanations wrap instead of being cut. A screen that shares its rows must know how many a text
// takes, so it wraps the text here and draws the rows as they are (Ink then has nothing to wrap).
export const textWidth = (text: string): number => Array.from(text).length;

// The rows `text` takes at `width` columns, wrapped at spaces (a word longer than a row is cut
// across rows); rows after the first start with `indent`.
export function wrapRows(text: string, width: number, indent = ''): string[] {
	const rows: string[] = [];
	const room = (): number => Math.max(1, width - (rows.length > 0 ? textWidth(indent) : 0));
	const push = (row: string): void => {
		rows.push(rows.length > 0 ? indent + row : row);
	};
	for (const paragraph of text.split('\n')) {
		let row = '';
		let started = false;
		for (const word of paragraph.split(' ')) {
			const candidate = started ? `${row} ${word}` : word;
			started = true;
			if (textWidth(candidate) <= room()) {
				row = candidate;
				continue;
			}
			// Only blanks so far (an indented start) are dropped rather than given a row of their own.
			if (row.trim() !== '') push(row);
			row = word;
			while (textWidth(row) > room()) {
				const cut = room();
				const chars = Array.from(row);
				push(chars.slice(0, cut).join(''));
				row = chars.slice(cut).join('');
			}
		}
		push(row);
	}
	return rows;
}
