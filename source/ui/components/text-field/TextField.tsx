// A line of text with its cursor, drawn: the character under the cursor (or a space after the
// end) in inverse. Render only: the screen's reducer holds the text and the cursor.
//
// Under NO_COLOR cli.tsx turns chalk off (FORCE_COLOR=0), and that drops inverse with the colours,
// so the cursor would be invisible and typed characters would land where nobody sees. There the
// cursor is drawn in the text itself: the character under it underlined by a combining low line
// (no column taken, so nothing moves), and after the end an underscore in the space kept for it.
import {Text} from 'ink';
import React from 'react';

type Props = {text: string; cursor: number; focus: boolean};

const combiningLowLine = '\u0332';

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
			{plain ? <Text>{under === undefined ? '_' : `${under}${combiningLowLine}`}</Text> : <Text inverse>{under ?? ' '}</Text>}
			{chars.slice(at + 1).join('')}
		</Text>
	);
}
