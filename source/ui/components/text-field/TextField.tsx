// A line of text with its cursor, drawn: the character under the cursor (or a space after the
// end) in reverse video. Render only: the screen's reducer holds the text and the cursor.
//
// Under NO_COLOR cli.tsx turns chalk off (FORCE_COLOR=0), and chalk then drops inverse with the
// colours, so the cursor would be invisible and typed characters would land where nobody sees.
// Reverse video is not colour (no-color.org asks for no colour; it keeps attributes), so there the
// cursor cell alone is wrapped in SGR 7 and 27 (reverse on, reverse off) written here: the one
// escape the screens write themselves, zero columns wide for Ink's measuring (string-width).
import {Text} from 'ink';
import React from 'react';

type Props = {text: string; cursor: number; focus: boolean};

const reverse = (text: string): string => `\u001B[7m${text}\u001B[27m`;

// Read at each draw: the env is the program's, set once before Ink loads.
const attributesOff = (): boolean => Boolean(process.env.NO_COLOR) || process.env.FORCE_COLOR === '0';

export function TextField({text, cursor, focus}: Props) {
	if (!focus) return <Text>{text === '' ? ' ' : text}</Text>;
	const chars = [...text];
	const at = Math.min(Math.max(cursor, 0), chars.length);
	const under = chars[at];
	const plain = attributesOff();
	return (
		<Text>
			{chars.slice(0, at).join('')}
			{plain ? <Text>{reverse(under ?? ' ')}</Text> : <Text inverse>{under ?? ' '}</Text>}
			{chars.slice(at + 1).join('')}
		</Text>
	);
}
