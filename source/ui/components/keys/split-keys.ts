// Keys as they arrive, one by one. A terminal hands over whatever was typed since the last read:
// several keys at once when typing is fast, on a paste or over a slow SSH link ("\r\r\r", "\x7f2").
// Ink parses such a read as one key with all of it as its text; here it becomes the keys it holds,
// in order, and control characters become the keys they are (Enter, Backspace, Tab, Ctrl+letter),
// never text. Pure: the key router and the tests use it.
import type {Key} from 'ink';

export type KeyName = 'return' | 'escape' | 'tab' | 'backtab' | 'backspace' | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'pageup' | 'pagedown';

// One key: a named key, or text (one printable character), with Ctrl held or not.
export type KeyPress = {name?: KeyName; text: string; ctrl: boolean};

const named = (name: KeyName): KeyPress => ({name, text: '', ctrl: false});

// The key Ink already parsed, where it is one named key.
function namedKey(key: Key): KeyName | undefined {
	if (key.return) return 'return';
	if (key.escape) return 'escape';
	if (key.tab) return key.shift ? 'backtab' : 'tab';
	// Ink reads the Backspace key (\x7f on most terminals) as delete: both erase behind the cursor.
	if (key.backspace || key.delete) return 'backspace';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	return undefined;
}

// One character of a read: a control character is the key it stands for; other invisible ones
// (NUL, the C1 range) are dropped. Escape never comes inside a read here: Ink splits a read at
// every escape sequence, and hands a lone Escape over as the key it is.
function characterKey(char: string): KeyPress | undefined {
	const code = char.codePointAt(0) ?? 0;
	if (char === '\r' || char === '\n') return named('return');
	if (char === '\t') return named('tab');
	if (char === '\u007F' || char === '\b') return named('backspace');
	if (code >= 1 && code <= 26) return {text: String.fromCodePoint(code + 96), ctrl: true};
	if (code < 32 || (code >= 0x80 && code <= 0x9f)) return undefined;
	return {text: char, ctrl: false};
}

export function splitKeys(input: string, key: Key): KeyPress[] {
	const name = namedKey(key);
	// An escape sequence Ink parsed (an arrow, Shift+Tab) or one named key is one key.
	if (name) return [named(name)];
	if (key.ctrl && input.length === 1) return [{text: input.toLowerCase(), ctrl: true}];
	// Alt+letter and the like: no text, and no key of ours.
	if (key.meta) return [];
	const presses: KeyPress[] = [];
	for (const char of input) {
		const press = characterKey(char);
		if (press) presses.push(press);
	}
	return presses;
}

export const isKey = (press: KeyPress, name: KeyName): boolean => press.name === name;
export const isCtrl = (press: KeyPress, letter: string): boolean => press.ctrl && press.text === letter;
// A plain character typed, such as q or y (never with Ctrl).
export const isChar = (press: KeyPress, char: string): boolean => !press.ctrl && press.name === undefined && press.text === char;
