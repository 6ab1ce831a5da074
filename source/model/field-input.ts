// One setting being edited: free text with a cursor, or a choice among the catalogue's values.
// Pure: the wizard's and the edit screen's reducers apply these actions, one key at a time.
import type {Setting} from './settings.js';
import {editText, moveChoice, type TextEdit, type TextField, textField} from './text-editing.js';

export type FieldAction = {type: 'text'; edit: TextEdit} | {type: 'choose'; delta: number};

// The choices, with the current value added when it is not one of them (a hand edit, say).
export function choicesFor(setting: Pick<Setting, 'choices'>, value: string): string[] {
	const choices = [...(setting.choices ?? [])];
	if (value !== '' && !choices.includes(value)) choices.push(value);
	return choices;
}

export function applyFieldAction(setting: Pick<Setting, 'choices'>, field: TextField, action: FieldAction): TextField {
	if (setting.choices) {
		if (action.type !== 'choose') return field;
		const choices = choicesFor(setting, field.text);
		const next = choices[moveChoice(Math.max(0, choices.indexOf(field.text)), action.delta, choices.length)] ?? field.text;
		return textField(next);
	}
	return action.type === 'text' ? editText(field, action.edit) : field;
}
