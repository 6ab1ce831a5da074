// A line of text with its cursor, drawn: the character under the cursor (or a space after the
// end) in inverse. Render only: the screen's reducer holds the text and the cursor.
import {Text} from 'ink';
import React from 'react';

type Props = {text: string; cursor: number; focus: boolean};

export function TextField({text, cursor, focus}: Props) {
	if (!focus) return <Text>{text === '' ? ' ' : text}</Text>;
	const chars = [...text];
	const at = Math.min(Math.max(cursor, 0), chars.length);
	return (
		<Text>
			{chars.slice(0, at).join('')}
			<Text inverse>{chars[at] ?? ' '}</Text>
			{chars.slice(at + 1).join('')}
		</Text>
	);
}
