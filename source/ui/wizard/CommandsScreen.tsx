// A step of the run (key, repository, install, overrides, configuration): its actions as they
// go, the commands' output live with apt's progress, then the outcome. What it would do was shown
// in the summary before the run started.
import {Box, Text} from 'ink';
import React from 'react';
import {aptFraction, describeAptProgress} from '../../model/apt-progress.js';
import {LogPane} from '../components/log-pane/LogPane.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useLogLines} from '../hooks/use-log-lines.js';
import {ProgressBar} from '../components/progress-bar/ProgressBar.js';
import {activeMode} from '../../model/wizard-state.js';
import {leftOutWords} from '../../model/step-refusal.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import {ActionList} from './ActionList.js';
import {FailurePanel} from './FailurePanel.js';
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
	const running = view.actions.findIndex(a => a.state === 'running');
	const failed = mode.kind === 'failed' ? view.actions[mode.index] : undefined;
	const leftOut = state.marks[page.id] === 'skipped' ? state.skipped[page.id] : undefined;
	// The output takes the rows the rest leaves (one is the gap above it).
	const space = useRowsLeft(height);
	const rows = Math.max(0, space.rows - 1);
	if (mode.kind === 'moved') {
		// The installed packages read elsewhere than the summary showed: the files written instead take
		// the whole screen (its output is in the log); nothing is written yet.
		return (
			<Box flexDirection="column">
				<Text color="green">✔ {page.title} done.</Text>
				{mode.lines.map((line, index) => (
					<WrappedText key={line} text={line} width={width} {...(index === 0 ? {color: 'yellow'} : {indent: '         '})} />
				))}
				<Text>Nothing is written yet. Press Enter to write them and go on, or q to quit.</Text>
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
				{mode.kind === 'finished' && leftOut ? <Text color="yellow">– {page.title} done, but for what was {leftOutWords(leftOut)}. Press Enter for the next step.</Text> : null}
				{mode.kind === 'finished' && !leftOut ? <Text color="green">✔ {page.title} done. Press Enter for the next step.</Text> : null}
				{mode.kind === 'failed' ? (
					<FailurePanel title={failed?.action.title ?? page.title} failure={mode} detail={failed?.detail} detailLines={6} canChangeSettings resumable={Boolean(summary?.recorded)} />
				) : null}
			</Box>
		</Box>
	);
}
