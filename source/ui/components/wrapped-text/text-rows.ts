// Explanations wrap instead of being cut. A screen that shares its rows must know how many a text
// takes, so it wraps the text here and draws the rows as they are (Ink then has nothing to wrap).
// Widths are terminal columns as Ink itself measures them (string-width: a CJK character or an
// emoji takes two, a combining mark none), and rows are cut by wrap-ansi, Ink's own wrapper.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

export const textWidth = (text: string): number => stringWidth(text);

// Rows of at most `room` columns, broken at spaces (dropped there), a word longer than a row cut
// between characters.
const wrapped = (text: string, room: number): string[] => wrapAnsi(text, Math.max(1, room), {hard: true, trim: true}).split('\n');

// Rows for a paragraph whose first row has another width than the rows after it.
function cut(body: string, firstRoom: number, laterRoom: number): string[] {
	const rows = wrapped(body, firstRoom);
	const [first = ''] = rows;
	if (firstRoom === laterRoom || rows.length === 1) return rows;
	if (body.startsWith(first)) return [first, ...wrapped(body.slice(first.length).trimStart(), laterRoom)];
	// Not a slice of the text (wrap-ansi closed a colour at the cut): every row at the narrower width.
	return wrapped(body, Math.min(firstRoom, laterRoom));
}

// The rows `text` takes at `width` columns; rows after the first start with `indent`. A
// paragraph's leading blanks stay on its first row.
export function wrapRows(text: string, width: number, indent = ''): string[] {
	const rows: string[] = [];
	// Composed as wrap-ansi composes it (é, not e and a combining accent), so its rows are slices of it.
	for (const paragraph of text.normalize('NFC').replaceAll('\r\n', '\n').split('\n')) {
		const lead = /^[ \t]*/.exec(paragraph)?.[0] ?? '';
		const body = paragraph.slice(lead.length);
		const firstRoom = width - textWidth(rows.length > 0 ? indent + lead : lead);
		const laterRoom = width - textWidth(indent);
		const [first = '', ...rest] = cut(body, firstRoom, laterRoom);
		rows.push(`${rows.length > 0 ? indent : ''}${lead}${first}`, ...rest.map(row => indent + row));
	}
	return rows;
}
