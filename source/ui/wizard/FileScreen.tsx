// One configuration file: its settings with help and validation, then the whole file as it will
// be written against what is on disk, and only then the write (a backup of the old file is kept).
import {Box, Text} from 'ink';
import React from 'react';
import {modeNote} from '../../model/action-preview.js';
import {activeMode} from '../../model/wizard-state.js';
import {nothingToWrite, useFileStates} from '../hooks/use-file-states.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import {useSystem} from '../hooks/use-system.js';
import {FailurePanel} from './FailurePanel.js';
import {FieldsForm} from './FieldsForm.js';
import {FileChanges, fileActionsOf} from '../components/file-preview/FileChanges.js';
import {PageWarnings} from './PageWarnings.js';
import type {ScreenProps} from './screen-props.js';
import {acceptWord} from './wizard-key-help.js';

export function FileScreen({state, page, pages, view, summary, height, width}: ScreenProps) {
	const system = useSystem();
	const files = fileActionsOf(page.step?.actions ?? []);
	const filePages = pages.filter(p => p.kind === 'file');
	const number = filePages.findIndex(p => p.id === page.id) + 1;
	const note = modeNote(system);
	const mode = activeMode(state);
	const failed = mode.kind === 'failed' ? view.actions[mode.index] : undefined;
	const previewing = mode.kind === 'review' || mode.kind === 'running';
	// The preview gets the rows the rest leaves (one is the gap above it); the prompt stays in view.
	const space = useRowsLeft(height);
	// A file already as planned has nothing to write: Enter only records it and goes on.
	const unchanged = nothingToWrite(useFileStates(files, page.id));
	const prompt = unchanged
		? 'Nothing to write: it already holds these values. Press Enter to go on.'
		: `Press Enter to ${acceptWord(page)} (a file that is replaced is kept as a backup first).`;
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
				{state.notice ? <Text color="green">✔ {state.notice}</Text> : null}
				<Text bold>
					Configuration file {number} of {filePages.length}: {page.title}
				</Text>
				{page.fields.length > 0 ? (
					<Box marginTop={1}>
						<FieldsForm fields={page.fields} state={state} width={width} />
					</Box>
				) : null}
				{mode.kind === 'fields' || mode.kind === 'review' ? <PageWarnings state={state} pages={pages} page={page} width={width} /> : null}
				{mode.kind === 'fields' ? <Text dimColor>Next: the whole file as it will be written, compared with what is on disk.</Text> : null}
			</Box>
			{previewing ? (
				<Box marginTop={1}>
					<FileChanges actions={files} height={Math.max(0, space.rows - 1)} width={width} offset={mode.kind === 'review' ? mode.scroll : 0} refresh={page.id} view={state.wholeFiles ? 'whole' : 'changes'} />
				</Box>
			) : null}
			<Box ref={space.below} flexDirection="column">
				{previewing && note ? <Text color="yellow">{note}</Text> : null}
				{previewing ? <Text>{mode.kind === 'running' ? 'Writing…' : prompt}</Text> : null}
				{mode.kind === 'finished' ? <Text color="green">✔ {page.title}: {view.actions.map(a => a.state).join(', ')}. Press Enter for the next file.</Text> : null}
				{mode.kind === 'failed' ? (
					<FailurePanel title={failed?.action.title ?? page.title} failure={mode} detail={failed?.detail} detailLines={6} canChangeSettings={page.fields.length > 0} resumable={Boolean(summary?.recorded)} />
				) : null}
			</Box>
		</Box>
	);
}
