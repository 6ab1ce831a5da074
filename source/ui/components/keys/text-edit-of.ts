// The edit a key makes to a text field, or undefined for a key that does not edit text (Enter,
// Esc, Tab, the arrows up and down, which the screen reads).
import type {TextEdit} from '../../../model/text-editing.js';
import type {KeyPress} from './split-keys.js';

export function textEditOf(press: KeyPress): TextEdit | undefined {
	if (press.ctrl) {
		if (press.text === 'a') return {type: 'home'};
		if (press.text === 'e') return {type: 'end'};
		if (press.text === 'u') return {type: 'clear-before'};
		if (press.text === 'h') return {type: 'backspace'};
		return undefined;
	}
	switch (press.name) {
		case undefined:
			return press.text ? {type: 'insert', text: press.text} : undefined;
		case 'backspace':
			return {type: 'backspace'};
		case 'left':
			return {type: 'left'};
		case 'right':
			return {type: 'right'};
		case 'home':
			return {type: 'home'};
		case 'end':
			return {type: 'end'};
		default:
			return undefined;
	}
}
