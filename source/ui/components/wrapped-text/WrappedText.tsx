// A text that explains something, wrapped at the width it is given instead of cut, each row drawn
// as wrapRows made it so the rows a screen counts are the rows it gets.
import {Box, Text} from 'ink';
import React from 'react';
import {wrapRows} from './text-rows.js';

type Props = {
	text: string;
	width: number;
	// Put before every row after the first, so a wrapped line stays under its start.
	indent?: string;
	color?: string;
	dimColor?: boolean;
	bold?: boolean;
};

export function WrappedText({text, width, indent = '', color, dimColor = false, bold = false}: Props) {
	return (
		<Box flexDirection="column">
			{wrapRows(text, width, indent).map((row, index) => (
				<Text key={index} wrap="truncate-end" {...(color ? {color} : {})} dimColor={dimColor} bold={bold}>
					{row === '' ? ' ' : row}
				</Text>
			))}
		</Box>
	);
}
