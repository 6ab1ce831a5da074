// The files a page will write, each as a diff against what is on disk now (newContent computes
// the same bytes ApplyRun will write), together in the rows the page has left: what does not fit
// scrolls, with a line saying how much more there is.
import {Text} from 'ink';
import React from 'react';
import {newContent} from '../../../model/file-content.js';
import type {Action} from '../../../model/plan.js';
import {FilePreview} from './FilePreview.js';
import type {PreviewView} from './preview-rows.js';
import type {ScrollLimit} from '../scroll/scroll-window.js';
import {useDiskFiles} from '../../hooks/use-disk-files.js';

type FileAction = Extract<Action, {kind: 'file'}>;

export const fileActionsOf = (actions: readonly Action[]): FileAction[] => actions.filter((a): a is FileAction => a.kind === 'file');

// A note several files share (upstart's "manual", once per override) is said once on the screen,
// under the first of them, naming how many it is for.
function notesOnce(actions: readonly FileAction[], action: FileAction): string[] {
	return (action.notes ?? []).flatMap(note => {
		const sharing = actions.filter(other => other.notes?.includes(note));
		if (sharing.length === 1) return [note];
		return sharing[0] === action ? [`for each of these ${sharing.length} files: ${note}`] : [];
	});
}

type Props = {actions: readonly FileAction[]; height: number; width: number; offset: number; limit?: ScrollLimit; refresh: unknown; view?: PreviewView};

export function FileChanges({actions, height, width, offset, limit, refresh, view = 'changes'}: Props) {
	const {files, error} = useDiskFiles(
		actions.map(a => a.path),
		refresh,
	);
	if (error) return <Text color="red">Cannot read the files on disk to compare: {error}</Text>;
	if (!files) return <Text dimColor>Reading the files on disk…</Text>;
	const previews = actions.map(action => {
		const before = files.get(action.path);
		return {path: action.path, before, after: newContent(action.edit, before), notes: notesOnce(actions, action)};
	});
	return <FilePreview files={previews} height={height} width={width} offset={offset} {...(limit ? {limit} : {})} view={view} />;
}
