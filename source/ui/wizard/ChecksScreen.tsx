// Preflight: every check the plan lists, with its verdict as it comes. Warnings do not stop the
// setup, but they are said before anything changes.
import {Box, Text} from 'ink';
import React from 'react';
import {activeMode} from '../../model/wizard-state.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import {ActionList} from './ActionList.js';
import {FailurePanel} from './FailurePanel.js';
import type {ScreenProps} from './screen-props.js';

export function ChecksScreen({state, page, view, summary, height, width}: ScreenProps) {
	const count = (status: string) => view.actions.filter(a => a.state === status).length;
	const warned = count('warned');
	const mode = activeMode(state);
	const failed = mode.kind === 'failed' ? view.actions[mode.index] : undefined;
	// The list gets what the summary and the prompt leave (one row is the gap above it).
	const space = useRowsLeft(height);
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
				<Text bold>{page.step?.summary}</Text>
			</Box>
			<Box marginTop={1} flexDirection="column">
				<ActionList view={view} width={width} rows={space.rows - 1} />
			</Box>
			<Box ref={space.below} flexDirection="column">
				{mode.kind === 'finished' ? (
					<Box marginTop={1} flexDirection="column">
						<Text color={warned > 0 ? 'yellow' : 'green'}>
							{count('passed')} passed, {warned} warning{warned === 1 ? '' : 's'}, {count('skipped')} not needed here.
							{warned > 0 ? ' Read the warnings: they do not stop the setup, but each names what would go wrong.' : ''}
						</Text>
						<Text>Press Enter to go on to the settings; nothing changes before their summary.</Text>
					</Box>
				) : null}
				{mode.kind === 'failed' ? (
					<FailurePanel title={failed?.action.title ?? 'A check'} failure={mode} detail={failed?.detail} detailLines={6} canChangeSettings={false} resumable={Boolean(summary?.recorded)} />
				) : null}
			</Box>
		</Box>
	);
}
