// A line of text being typed, with its cursor, and every edit a key can make to it. Pure: the
// wizard's and the edit screen's reducers apply these, one key at a time. Only printable
// characters are ever inserted: no control character enters a value.
export type TextField = {text: string; cursor: number};

export type TextEdit =
	| {type: 'insert'; text: string}
	| {type: 'backspace'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'home'}
	| {type: 'end'}
	// Ctrl+U, as in a shell: everything before the cursor goes.
	| {type: 'clear-before'};

const invisible = /[\u0000-\u001f\u007f-\u009f]/g;

// Counted in characters (code points), so the cursor never splits one.
export const textField = (text: string): TextField => ({text, cursor: [...text].length});

export function editText(field: TextField, edit: TextEdit): TextField {
	const chars = [...field.text];
	const cursor = Math.min(Math.max(field.cursor, 0), chars.length);
	switch (edit.type) {
		case 'insert': {
			const typed = [...edit.text.replace(invisible, '')];
			if (typed.length === 0) return field;
			chars.splice(cursor, 0, ...typed);
			return {text: chars.join(''), cursor: cursor + typed.length};
		}
		case 'backspace':
			if (cursor === 0) return field;
			chars.splice(cursor - 1, 1);
			return {text: chars.join(''), cursor: cursor - 1};
		case 'left':
			return {...field, cursor: Math.max(0, cursor - 1)};
		case 'right':
			return {...field, cursor: Math.min(chars.length, cursor + 1)};
		case 'home':
			return {...field, cursor: 0};
		case 'end':
			return {...field, cursor: chars.length};
		case 'clear-before':
			return {text: chars.slice(cursor).join(''), cursor: 0};
	}
}

// The next choice among a field's few values (a role, a source) or fields (Tab), wrapping round at
// either end: a short cycle shown whole, where the first is one key past the last.
export const moveChoice = (index: number, delta: number, count: number): number => (count === 0 ? 0 : (((index + delta) % count) + count) % count);

// The next row of a list that scrolls (the settings at a glance, the summary's files, edit's list):
// it stops at either end, as the scrolled views do, instead of jumping to the other end out of view.
export const moveWithin = (index: number, delta: number, count: number): number => Math.min(Math.max(index + delta, 0), Math.max(count - 1, 0));
