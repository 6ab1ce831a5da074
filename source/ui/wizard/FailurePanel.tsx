// What failed, why, and what the person can do now.
import {Box, Text} from 'ink';
import React from 'react';
import type {Failure} from '../../model/wizard-state.js';

// resumable: the run has changed something, so its progress is kept for a later start.
type Props = {title: string; failure: Failure; detail?: readonly string[]; detailLines: number; canChangeSettings: boolean; resumable: boolean};

// A refused step's skip leaves out only the files in the way; the rest of it is carried out.
const skipWords = (failure: Failure): string => {
	const count = failure.refused?.actions.length ?? 0;
	if (count === 0) return 'skips it and goes on';
	return `skips ${count === 1 ? 'that file' : `those ${count} files`} and carries out the rest`;
};

export function FailurePanel({title, failure, detail = [], detailLines, canChangeSettings, resumable}: Props) {
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text color="red" bold>
				{/* A refused step says itself which files are in the way; nothing of it ran, so no action "failed". */}
				✖ {failure.refused ? failure.message : `${title} failed: ${failure.message}`}
			</Text>
			{detail.slice(-Math.max(detailLines, 0)).map((line, index) => (
				<Text key={index} color="yellow" wrap="truncate-end">
					{line}
				</Text>
			))}
			<Text>
				r retries it
				{failure.canSkip ? ` · s ${skipWords(failure)}` : ' · it cannot be skipped: every later step needs it'}
				{canChangeSettings ? ' · Esc changes the settings first' : ''} · q quits{resumable ? ' (a later run offers to continue from here)' : ''}
			</Text>
		</Box>
	);
}
