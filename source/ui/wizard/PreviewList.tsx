// Before anything happens: the commands a page will run, the files it will change and the
// checks it will make, exactly as the plan's actions say.
import {Box, Text} from 'ink';
import React from 'react';
import type {PreviewLine} from '../../model/action-preview.js';

const headings: Record<PreviewLine['kind'], string> = {
	command: 'Will run',
	probe: 'Will run',
	file: 'Will change',
	check: 'Will check',
};

export function PreviewList({lines, commandsRun}: {lines: readonly PreviewLine[]; commandsRun: boolean}) {
	const groups = new Map<string, PreviewLine[]>();
	for (const line of lines) groups.set(headings[line.kind], [...(groups.get(headings[line.kind]) ?? []), line]);
	return (
		<Box flexDirection="column">
			{[...groups].map(([heading, group]) => (
				<Box key={heading} flexDirection="column">
					<Text bold>
						{heading}
						{heading === 'Will run' && !commandsRun ? <Text dimColor> (shown, not run: system commands are skipped here)</Text> : null}:
					</Text>
					{group.map((line, index) => (
						// A Box keeps a long command's wrapped lines indented under its first.
						<Box key={index} marginLeft={2}>
							<Text color={line.kind === 'command' ? 'cyan' : undefined} dimColor={line.kind === 'probe'}>
								{line.kind === 'command' ? '$ ' : line.kind === 'file' ? '✎ ' : '· '}
								{line.text}
							</Text>
						</Box>
					))}
				</Box>
			))}
		</Box>
	);
}
