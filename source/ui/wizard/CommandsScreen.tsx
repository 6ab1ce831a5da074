// A step that runs commands (key, repository, install, overrides): its settings, then what it
// will run and change, then the commands' output live with apt's progress, then the outcome.
import {Box, Text} from 'ink';
import React from 'react';
import {modeNote, previewActions} from '../../model/action-preview.js';
import {aptFraction, describeAptProgress} from '../../model/apt-progress.js';
import {LogPane} from '../components/log-pane/LogPane.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useLogLines} from '../hooks/use-log-lines.js';
import {ProgressBar} from '../components/progress-bar/ProgressBar.js';
import {pageAnswers} from '../../model/wizard-problems.js';
import {activeMode, pagesOf} from '../../model/wizard-state.js';
import {nothingToWrite, useFileStates} from '../hooks/use-file-states.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import {useSystem} from '../hooks/use-system.js';
import {PageWarnings} from './PageWarnings.js';
import {acceptWord} from './wizard-key-help.js';
import {ActionList} from './ActionList.js';
import {FailurePanel} from './FailurePanel.js';
import {FieldsForm} from './FieldsForm.js';
import {FileChanges, fileActionsOf} from '../components/file-preview/FileChanges.js';
import {PreviewList} from './PreviewList.js';
import type {ScreenProps} from './screen-props.js';

function AptBar({props, index}: {props: ScreenProps; index: number}) {
	// Re-read at every flush of the output, which is when apt's counts change.
	useLogLines(props.output.all, 0);
	const progress = props.output.aptProgress(index);
	if (!progress) return null;
	const fraction = aptFraction(progress);
	if (fraction === undefined) return <Text dimColor>apt: {describeAptProgress(progress)}</Text>;
	return <ProgressBar fraction={fraction} width={Math.max(10, Math.min(40, props.width - 60))} label={describeAptProgress(progress)} />;
}

export function CommandsScreen(props: ScreenProps) {
	const {state, page, view, output, summary, height, width} = props;
	const mode = activeMode(state);
	const system = useSystem();
	// While the fields are typed, what the page will run follows the values shown (a choice under
	// the cursor, an allowed value typed), not only the ones Enter accepted.
	const shown = mode.kind === 'fields' ? pagesOf({answers: pageAnswers(state, page), facts: state.facts}).find(p => p.id === page.id) : page;
	const step = (shown ?? page).step;
	const actions = step?.actions ?? [];
	const note = modeNote(system);
	const fileStates = useFileStates(fileActionsOf(actions), page.id);
	const unchanged = new Set([...(fileStates ?? [])].filter(([, state]) => state === 'unchanged').map(([path]) => path));
	const running = view.actions.findIndex(a => a.state === 'running');
	const failed = mode.kind === 'failed' ? view.actions[mode.index] : undefined;
	// The file previews or the output take the rows the rest leaves (one is the gap above them).
	const space = useRowsLeft(height);
	const rows = Math.max(0, space.rows - 1);
	if (mode.kind === 'fields' || mode.kind === 'review') {
		const files = fileActionsOf(actions);
		return (
			<Box flexDirection="column">
				<Box ref={space.above} flexDirection="column">
					<WrappedText text={step?.summary ?? ''} width={width} bold />
					{page.fields.length > 0 ? (
						<Box marginTop={1}>
							<FieldsForm fields={page.fields} state={state} width={width} />
						</Box>
					) : null}
					<PageWarnings state={state} pages={props.pages} page={page} width={width} />
					<Box marginTop={1} flexDirection="column">
						<PreviewList lines={previewActions(actions)} commandsRun={!system.sandbox && !system.dryRun} unchanged={unchanged} />
					</Box>
				</Box>
				{mode.kind === 'review' && files.length > 0 ? (
					<Box marginTop={1}>
						<FileChanges actions={files} height={rows} width={width} offset={mode.scroll} refresh={page.id} view={state.wholeFiles ? 'whole' : 'changes'} />
					</Box>
				) : null}
				<Box ref={space.below} flexDirection="column">
					{note ? <Text color="yellow">{note}</Text> : null}
					{mode.kind === 'review' ? <Text>Press Enter to {acceptWord(page, nothingToWrite(fileStates))}.</Text> : null}
				</Box>
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
				<WrappedText text={page.step?.summary ?? ''} width={width} bold />
				<Box marginTop={1} flexDirection="column">
					<ActionList view={view} width={width} />
				</Box>
				{running >= 0 ? <AptBar props={props} index={running} /> : null}
			</Box>
			<Box marginTop={1} flexDirection="column">
				{/* Once it ended, a step that printed nothing draws nothing here: the outcomes above say it all. */}
				<LogPane buffer={output.all} height={Math.max(1, rows)} {...(mode.kind === 'running' ? {empty: 'waiting for output…'} : {})} />
			</Box>
			<Box ref={space.below} flexDirection="column">
				{mode.kind === 'finished' ? <Text color="green">✔ {page.title} done. Press Enter for the next step.</Text> : null}
				{mode.kind === 'failed' ? (
					<FailurePanel title={failed?.action.title ?? page.title} failure={mode} detail={failed?.detail} detailLines={6} canChangeSettings={page.fields.length > 0} resumable={Boolean(summary?.recorded)} />
				) : null}
			</Box>
		</Box>
	);
}
