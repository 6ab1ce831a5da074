// The row above or below a list scrolled by scrollWindow that says what is out of view ("↑ 3 more
// rows"), with the key that scrolls it where keys scroll the list (not where the list follows a
// cursor or a focused field). Nothing when nothing is out of view on that side.
import {Text} from 'ink';
import React from 'react';
import {more} from './scroll-window.js';

type Props = {
	at: 'above' | 'below';
	count: number;
	// What a row of the list is: line, row, file, setting.
	word: string;
	scrolls?: boolean;
	indent?: string;
	// Said after the count: more of something else out of view (the files after a diff).
	also?: string;
};

export function MoreRow({at, count, word, scrolls = false, indent = '', also = ''}: Props) {
	if (count <= 0) return null;
	const arrow = at === 'above' ? '↑' : '↓';
	return <Text dimColor>{`${indent}${arrow} ${more(count, word)}${also}${scrolls ? ` (${arrow} to scroll)` : ''}`}</Text>;
}
