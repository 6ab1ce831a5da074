// Files as they will be written, against what is on disk now: each with a header that says new
// file, how many lines change, or that nothing changes; then its changes as hunks of numbered lines
// (added green with +, removed red with -, a few unchanged dim lines around each, the number
// being the line's in the file as written), or with `f` the whole file; then its notes. What does
// not fit in the rows given scrolls as one list, with a line above and below saying how much more
// there is.
import {Box, Text} from 'ink';
import React from 'react';
import {type PreviewFile, type PreviewRow, type PreviewView, previewWindow} from './preview-rows.js';
import {usePreviewRows} from '../../hooks/use-preview-rows.js';
import {MoreRow} from '../scroll/MoreRow.js';
import {more, type ScrollLimit} from '../scroll/scroll-window.js';

export {fileChange} from './preview-rows.js';

type Props = {
	files: readonly PreviewFile[];
	// Rows for everything, headers, notes and the "more" lines included.
	height: number;
	width: number;
	offset?: number;
	// Where it says how far it scrolls, for the keys that scroll it.
	limit?: ScrollLimit;
	// The changes only, or the whole file: the screen's reducer holds it and its keys toggle it with
	// `f` (wholeFileKey), as the headers say.
	view?: PreviewView;
};

const number = (value: number | undefined, gutter: number): string => (value === undefined ? '' : String(value)).padStart(gutter);

function Row({row}: {row: PreviewRow}) {
	switch (row.kind) {
		case 'header':
			return (
				<Text wrap="truncate-end">
					<Text bold>{row.path}</Text>
					<Text dimColor>
						{' '}
						· {row.change}
						{row.hint ? ` · ${row.hint}` : ''}
					</Text>
				</Text>
			);
		case 'added':
			return (
				<Text color="green" wrap="truncate-end">
					{number(row.after, row.gutter)} + {row.text}
				</Text>
			);
		case 'removed':
			return (
				<Text color="red" wrap="truncate-end">
					{number(undefined, row.gutter)} - {row.text}
				</Text>
			);
		case 'same':
			return (
				<Text dimColor wrap="truncate-end">
					{number(row.after, row.gutter)}
					{'   '}
					{row.text}
				</Text>
			);
		case 'fold':
			return (
				<Text dimColor italic wrap="truncate-end">
					{number(undefined, row.gutter ?? 0)}
					{'   '}
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

export function FilePreview({files, height, width, offset = 0, limit, view = 'changes'}: Props) {
	const rows = usePreviewRows(files, width, view);
	const shown = previewWindow(rows, height, offset);
	if (limit) limit.current = shown.max;
	return (
		<Box flexDirection="column">
			<MoreRow at="above" count={shown.above} word="line" scrolls />
			{shown.rows.map((row, index) => (
				<Row key={index} row={row} />
			))}
			<MoreRow at="below" count={shown.below} word="line" scrolls also={shown.filesBelow > 0 ? `, ${more(shown.filesBelow, 'file')}` : ''} />
		</Box>
	);
}
