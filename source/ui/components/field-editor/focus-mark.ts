// What stands before a field's label: ▸ on the field that has focus. It is text, not colour, so it
// shows with colours off too (NO_COLOR, or CI set, where chalk drops colour and inverse alike).
export const focusMark = (focus: boolean): string => (focus ? '▸ ' : '  ');
