// Keys as a terminal sends them (what ink-testing-library's stdin is given). The tmux driver takes
// tmux's own key names instead (Enter, Escape, Up, C-c).
export const keys = {
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	up: '\u001B[A',
	down: '\u001B[B',
	left: '\u001B[D',
	right: '\u001B[C',
	backspace: '\u007F',
	ctrlC: '\u0003',
} as const;
