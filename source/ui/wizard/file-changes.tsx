// The files a page will write, each as a diff against what is on disk now (newContent computes
// the same bytes ApplyRun will write), sharing the rows the page has left.
import {Box, Text} from 'ink';
import React from 'react';
import {newContent} from '../../model/file-content.js';
import type {Action} from '../../model/plan.js';
import {FilePreview} from '../components/file-preview/file-preview.js';
import {useDiskFiles} from '../components/file-preview/use-disk-files.js';

type FileAction = Extract<Action, {kind: 'file'}>;

export const fileActionsOf = (actions: readonly Action[]): FileAction[] => actions.filter((a): a is FileAction => a.kind === 'file');

export function FileChanges({actions, height, offset, refresh}: {actions: readonly FileAction[]; height: number; offset: number; refresh: unknown}) {
	const {files, error} = useDiskFiles(
		actions.map(a => a.path),
		refresh,
	);
	if (error) return <Text color="red">Cannot read the files on disk to compare: {error}</Text>;
	if (!files) return <Text dimColor>Reading the files on disk…</Text>;
	const notes = actions.reduce((sum, a) => sum + a.notes.length * 2, 0);
	// Each file has a header line; what is left is shared between the diffs.
	const each = Math.max(3, Math.floor((height - actions.length - notes) / Math.max(actions.length, 1)));
	return (
		<Box flexDirection="column">
			{actions.map(action => {
				const before = files.get(action.path);
				return <FilePreview key={action.path} path={action.path} before={before} after={newContent(action.edit, before)} height={each} offset={offset} notes={action.notes} />;
			})}
		</Box>
	);
}
