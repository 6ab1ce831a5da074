// What failed, why, and what the person can do now.
import {Box, Text} from 'ink';
import React from 'react';

type Props = {title: string; message: string; detail?: readonly string[]; detailLines: number; canChangeSettings: boolean};

export function FailurePanel({title, message, detail = [], detailLines, canChangeSettings}: Props) {
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text color="red" bold>
				✖ {title} failed: {message}
			</Text>
			{detail.slice(-Math.max(detailLines, 0)).map((line, index) => (
				<Text key={index} color="yellow" wrap="truncate-end">
					{line}
				</Text>
			))}
			<Text>
				r retries it · s skips it and goes on{canChangeSettings ? ' · Esc changes the settings first' : ''} · q quits (a later run offers to continue from here)
			</Text>
		</Box>
	);
}
