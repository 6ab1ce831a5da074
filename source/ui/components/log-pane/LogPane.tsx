// A command's output, live: the last lines that fit, stderr in yellow. The lines live in a
// LogBuffer outside React; this only draws its tail when the buffer flushes.
import {Box, Text} from 'ink';
import React from 'react';
import type {LogBuffer} from './log-buffer.js';
import {useLogLines} from '../../hooks/use-log-lines.js';

type Props = {
	buffer: LogBuffer;
	// Rows the pane may use; it never grows past them.
	height: number;
	// Said while no line has come yet; nothing is drawn when it is left out.
	empty?: string;
};

export function LogPane({buffer, height, empty}: Props) {
	const lines = useLogLines(buffer, Math.max(height, 1));
	if (lines.length === 0) return empty === undefined ? null : <Text dimColor>{empty}</Text>;
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Text key={index} wrap="truncate-end" color={line.stderr ? 'yellow' : undefined} dimColor={!line.stderr}>
					{line.text === '' ? ' ' : line.text}
				</Text>
			))}
		</Box>
	);
}
