// One configuration file: its settings with help and validation, then the whole file as it will
// be written against what is on disk, and only then the write (a backup of the old file is kept).
import {Box, Text} from 'ink';
import React from 'react';
import {modeNote} from '../../model/action-preview.js';
import {useSystem} from '../system-context.js';
import {FailurePanel} from './failure-panel.js';
import {FieldsForm} from './fields-form.js';
import {FileChanges, fileActionsOf} from './file-changes.js';
import type {ScreenProps} from './screen-props.js';

export function FileScreen({state, dispatch, page, pages, view, height}: ScreenProps) {
	const system = useSystem();
	const files = fileActionsOf(page.step?.actions ?? []);
	const filePages = pages.filter(p => p.kind === 'file');
	const number = filePages.findIndex(p => p.id === page.id) + 1;
	const note = modeNote(system);
	const failed = state.failure ? view.actions[state.failure.index] : undefined;
	return (
		<Box flexDirection="column">
			{state.notice ? (
				<Text color="green" wrap="truncate-end">
					✔ {state.notice}
				</Text>
			) : null}
			<Text bold>
				Configuration file {number} of {filePages.length}: {page.title}
			</Text>
			{page.fields.length > 0 ? (
				<Box marginTop={1}>
					<FieldsForm fields={page.fields} state={state} dispatch={dispatch} editable={state.phase === 'fields'} />
				</Box>
			) : null}
			{state.phase === 'fields' ? <Text dimColor>Next: the whole file as it will be written, compared with what is on disk.</Text> : null}
			{state.phase === 'review' || state.phase === 'running' ? (
				<Box marginTop={1} flexDirection="column">
					<FileChanges actions={files} height={height - 6 - page.fields.length} offset={state.scroll} refresh={state.runToken} />
					{note ? <Text color="yellow">{note}</Text> : null}
					<Text>{state.phase === 'running' ? 'Writing…' : `Press Enter to write ${files.length === 1 ? 'it' : 'them'} (a file that is replaced is kept as a backup first).`}</Text>
				</Box>
			) : null}
			{state.phase === 'finished' ? <Text color="green">✔ {page.title}: {view.actions.map(a => a.state).join(', ')}. Press Enter for the next file.</Text> : null}
			{state.phase === 'failed' && state.failure ? (
				<FailurePanel title={failed?.action.title ?? page.title} message={state.failure.message} detail={failed?.detail} detailLines={6} canChangeSettings={page.fields.length > 0} />
			) : null}
		</Box>
	);
}
