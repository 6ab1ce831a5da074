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

// A file already as planned is not under "Will change".
const alreadyAsPlanned = 'Already as planned (nothing to write)';

type Props = {lines: readonly PreviewLine[]; commandsRun: boolean; unchanged?: ReadonlySet<string>};

export function PreviewList({lines, commandsRun, unchanged}: Props) {
	const groups = new Map<string, PreviewLine[]>();
	for (const line of lines) {
		const heading = line.kind === 'file' && unchanged?.has(line.text) ? alreadyAsPlanned : headings[line.kind];
		groups.set(heading, [...(groups.get(heading) ?? []), line]);
	}
	return (
		<Box flexDirection="column">
			{[...groups].map(([heading, group]) => (
				<Box key={heading} flexDirection="column">
					<Text bold>
						{heading}
						{heading === 'Will run' && !commandsRun ? <Text dimColor> (shown, not run: system commands are skipped here)</Text> : null}:
					</Text>
					{group.map((line, index) => (
						// The mark in a column of its own: a long command's wrapped rows stay under its text,
						// so a fingerprint on the next row does not read as a command of its own.
						<Box key={index} marginLeft={2}>
							<Box flexShrink={0} width={2}>
								<Text color={line.kind === 'command' ? 'cyan' : undefined} dimColor={line.kind === 'probe'}>
									{line.kind === 'command' ? '$' : line.kind === 'file' ? '✎' : '·'}
								</Text>
							</Box>
							<Text color={line.kind === 'command' ? 'cyan' : undefined} dimColor={line.kind === 'probe'}>
								{line.text}
							</Text>
						</Box>
					))}
				</Box>
			))}
		</Box>
	);
}
