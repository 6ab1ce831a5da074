// Start services: one live pane per service (state, command output, health probe against its
// deadline, log tail when it fails); what will run was shown in the summary.
import {Box, Text} from 'ink';
import React from 'react';
import {ServiceRunPanes} from '../components/run/ServiceRunPanes.js';
import {activeMode} from '../../model/wizard-state.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import {FailurePanel} from './FailurePanel.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import type {ScreenProps} from './screen-props.js';

export function ServicesScreen({state, page, view, output, summary, height, width}: ScreenProps) {
	// The panes take the rows the rest leaves.
	const space = useRowsLeft(height);
	const mode = activeMode(state);
	const failed = mode.kind === 'failed' ? view.actions[mode.index] : undefined;
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
				<WrappedText text={page.step?.summary ?? ''} width={width} bold />
			</Box>
			{/* The same panes as a restart from the edit and status screens. */}
			<ServiceRunPanes view={view} output={output} height={space.rows} width={width} />
			<Box ref={space.below} flexDirection="column">
				{mode.kind === 'finished' ? <Text color="green">Press Enter to finish.</Text> : null}
				{mode.kind === 'failed' ? <FailurePanel title={failed?.action.title ?? page.title} failure={mode} detailLines={0} canChangeSettings={false} resumable={Boolean(summary?.recorded)} /> : null}
			</Box>
		</Box>
	);
}
