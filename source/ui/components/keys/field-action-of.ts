// What a key does to the setting being edited: a text edit, or ↑↓ through a list of choices.
// Enter, Esc and Tab are the screen's to read.
import type {FieldAction} from '../../../model/field-input.js';
import type {KeyPress} from './split-keys.js';
import {textEditOf} from './text-edit-of.js';

export function fieldActionOf(press: KeyPress, choices: boolean): FieldAction | undefined {
	if (choices) {
		if (press.name === 'up') return {type: 'choose', delta: -1};
		if (press.name === 'down') return {type: 'choose', delta: 1};
		return undefined;
	}
	const edit = textEditOf(press);
	return edit ? {type: 'text', edit} : undefined;
}
