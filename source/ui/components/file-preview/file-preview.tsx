// A file as it will be written, against what is on disk now: added lines green with +, removed
// red with -, unchanged dim, and a header that says new file, how many lines change, or that
// nothing changes. Long files fold unchanged runs and scroll.
import {Box, Text} from 'ink';
import React from 'react';
import {diffCounts, diffLines} from '../../../model/diff.js';
import {previewWindow} from './preview-rows.js';

type Props = {
	path: string;
	// What the file holds now; undefined when it does not exist.
	before: string | undefined;
	after: string;
	// Rows for the diff itself, besides the header and the notes.
	height: number;
	offset?: number;
	notes?: readonly string[];
};

export function fileChange(before: string | undefined, after: string): string {
	if (before === undefined) return 'new file';
	if (before === after) return 'unchanged: nothing to write';
	const {added, removed} = diffCounts(diffLines(before, after));
	return `${added} line${added === 1 ? '' : 's'} added, ${removed} removed`;
}

export function FilePreview({path, before, after, height, offset = 0, notes = []}: Props) {
	const lines = diffLines(before ?? '', after);
	const view = previewWindow(lines, Math.max(height, 3), offset);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold>{path}</Text>
				<Text dimColor> · {fileChange(before, after)}</Text>
			</Text>
			{view.above > 0 ? <Text dimColor>  ↑ {view.above} more line{view.above === 1 ? '' : 's'} (↑ to scroll)</Text> : null}
			{view.rows.map((row, index) => {
				switch (row.kind) {
					case 'added':
						return (
							<Text key={index} color="green" wrap="truncate-end">
								+ {row.text}
							</Text>
						);
					case 'removed':
						return (
							<Text key={index} color="red" wrap="truncate-end">
								- {row.text}
							</Text>
						);
					case 'same':
						return (
							<Text key={index} dimColor wrap="truncate-end">
								{'  '}
								{row.text}
							</Text>
						);
					case 'fold':
						return (
							<Text key={index} dimColor italic>
								{'  '}
								{row.text}
							</Text>
						);
				}
			})}
			{view.below > 0 ? <Text dimColor>  ↓ {view.below} more line{view.below === 1 ? '' : 's'} (↓ to scroll)</Text> : null}
			{notes.map(note => (
				<Text key={note} dimColor wrap="wrap">
					note: {note}
				</Text>
			))}
		</Box>
	);
}
