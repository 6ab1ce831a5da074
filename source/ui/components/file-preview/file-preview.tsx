// Files as they will be written, against what is on disk now: each with a header that says new
// file, how many lines change, or that nothing changes; added lines green with +, removed red
// with -, unchanged dim, then its notes. What does not fit in the rows given folds and scrolls
// as one list, with a line above and below saying how much more there is.
import {Box, Text} from 'ink';
import React from 'react';
import {type PreviewFile, type PreviewRow, previewWindow} from './preview-rows.js';

export {fileChange} from './preview-rows.js';

type Props = {
	files: readonly PreviewFile[];
	// Rows for everything, headers, notes and the "more" lines included.
	height: number;
	width: number;
	offset?: number;
};

const plural = (n: number, word: string): string => `${n} more ${word}${n === 1 ? '' : 's'}`;

function Row({row}: {row: PreviewRow}) {
	switch (row.kind) {
		case 'header':
			return (
				<Text wrap="truncate-end">
					<Text bold>{row.path}</Text>
					<Text dimColor> · {row.change}</Text>
				</Text>
			);
		case 'added':
			return (
				<Text color="green" wrap="truncate-end">
					+ {row.text}
				</Text>
			);
		case 'removed':
			return (
				<Text color="red" wrap="truncate-end">
					- {row.text}
				</Text>
			);
		case 'same':
			return (
				<Text dimColor wrap="truncate-end">
					{'  '}
					{row.text}
				</Text>
			);
		case 'fold':
			return (
				<Text dimColor italic wrap="truncate-end">
					{'  '}
					{row.text}
				</Text>
			);
		case 'note':
			return (
				<Text dimColor wrap="truncate-end">
					{row.text}
				</Text>
			);
	}
}

export function FilePreview({files, height, width, offset = 0}: Props) {
	const view = previewWindow(files, height, width, offset);
	return (
		<Box flexDirection="column">
			{view.above > 0 ? <Text dimColor>↑ {plural(view.above, 'line')} (↑ to scroll)</Text> : null}
			{view.rows.map((row, index) => (
				<Row key={index} row={row} />
			))}
			{view.below > 0 ? (
				<Text dimColor>
					↓ {plural(view.below, 'line')}
					{view.filesBelow > 0 ? `, ${plural(view.filesBelow, 'file')}` : ''} (↓ to scroll)
				</Text>
			) : null}
		</Box>
	);
}
