// Preflight: every check the plan lists, with its verdict as it comes. Warnings do not stop the
// setup, but they are said before anything changes.
import {Box, Text} from 'ink';
import React from 'react';
import {useRowsLeft} from '../components/use-rows-left.js';
import {ActionList} from './action-list.js';
import {FailurePanel} from './failure-panel.js';
import type {ScreenProps} from './screen-props.js';

export function ChecksScreen({state, page, view, height, width}: ScreenProps) {
	const count = (status: string) => view.actions.filter(a => a.state === status).length;
	const warned = count('warned');
	const failed = state.failure ? view.actions[state.failure.index] : undefined;
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
				{state.phase === 'finished' ? (
					<Box marginTop={1} flexDirection="column">
						<Text color={warned > 0 ? 'yellow' : 'green'}>
							{count('passed')} passed, {warned} warning{warned === 1 ? '' : 's'}, {count('skipped')} not needed here.
							{warned > 0 ? ' Read the warnings: they do not stop the setup, but each names what would go wrong.' : ''}
						</Text>
						<Text>Press Enter to go on to the repository key.</Text>
					</Box>
				) : null}
				{state.phase === 'failed' && state.failure ? (
					<FailurePanel title={failed?.action.title ?? 'A check'} message={state.failure.message} detail={failed?.detail} detailLines={6} canChangeSettings={false} />
				) : null}
			</Box>
		</Box>
	);
}
