// A step that runs commands (key, repository, install, overrides): its settings, then what it
// will run and change, then the commands' output live with apt's progress, then the outcome.
import {Box, Text} from 'ink';
import React from 'react';
import {modeNote, previewActions} from '../../model/action-preview.js';
import {aptFraction, describeAptProgress} from '../../model/apt-progress.js';
import {LogPane} from '../components/log-pane/log-pane.js';
import {useLogLines} from '../components/log-pane/use-log-lines.js';
import {ProgressBar} from '../components/progress-bar/progress-bar.js';
import {useSystem} from '../system-context.js';
import {ActionList} from './action-list.js';
import {FailurePanel} from './failure-panel.js';
import {FieldsForm} from './fields-form.js';
import {FileChanges, fileActionsOf} from './file-changes.js';
import {PreviewList} from './preview-list.js';
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
	const {state, dispatch, page, view, output, height} = props;
	const system = useSystem();
	const actions = page.step?.actions ?? [];
	const note = modeNote(system);
	const running = view.actions.findIndex(a => a.state === 'running');
	const failed = state.failure ? view.actions[state.failure.index] : undefined;
	if (state.phase === 'fields' || state.phase === 'review') {
		const files = fileActionsOf(actions);
		return (
			<Box flexDirection="column">
				<Text bold>{page.step?.summary}</Text>
				{page.fields.length > 0 ? (
					<Box marginTop={1}>
						<FieldsForm fields={page.fields} state={state} dispatch={dispatch} editable={state.phase === 'fields'} />
					</Box>
				) : null}
				<Box marginTop={1} flexDirection="column">
					<PreviewList lines={previewActions(actions)} commandsRun={!system.sandbox && !system.dryRun} />
				</Box>
				{state.phase === 'review' && files.length > 0 ? (
					<Box marginTop={1}>
						<FileChanges actions={files} height={height - 8 - actions.length * 2} offset={state.scroll} refresh={state.runToken} />
					</Box>
				) : null}
				{note ? <Text color="yellow">{note}</Text> : null}
				{state.phase === 'review' ? <Text>Press Enter to {files.length > 0 && files.length === actions.length ? 'write it' : 'run it'}.</Text> : null}
			</Box>
		);
	}
	const used = view.actions.length + 4 + (state.phase === 'failed' ? 6 : 1);
	return (
		<Box flexDirection="column">
			<Text bold>{page.step?.summary}</Text>
			<Box marginTop={1} flexDirection="column">
				<ActionList view={view} />
			</Box>
			{running >= 0 ? <AptBar props={props} index={running} /> : null}
			<Box marginTop={1} flexDirection="column">
				<LogPane buffer={output.all} height={Math.max(3, height - used)} empty={state.phase === 'running' ? 'waiting for output…' : 'no output'} />
			</Box>
			{state.phase === 'finished' ? <Text color="green">✔ {page.title} done. Press Enter for the next step.</Text> : null}
			{state.phase === 'failed' && state.failure ? (
				<FailurePanel title={failed?.action.title ?? page.title} message={state.failure.message} detail={failed?.detail} detailLines={6} canChangeSettings={page.fields.length > 0} />
			) : null}
		</Box>
	);
}
