// One node of the deploy: its name, role and address, what it does now (the step and the action),
// its services' health, and the tail of its output, streamed. Render only.
import {Box, Text} from 'ink';
import React from 'react';
import type {NodePaneView, NodeRunState} from '../../model/cluster-deploy-view.js';
import {LogPane} from '../components/log-pane/LogPane.js';
import type {LogBuffer} from '../components/log-pane/log-buffer.js';
import {serviceLook} from '../components/service-pane/ServicePane.js';

const stateWords: Record<NodeRunState, {text: string; color?: string}> = {
	waiting: {text: '○ waiting'},
	running: {text: '◐ working', color: 'cyan'},
	done: {text: '✔ done', color: 'green'},
	failed: {text: '✖ failed', color: 'red'},
	skipped: {text: '· skipped', color: 'yellow'},
	stopped: {text: '■ stopped', color: 'yellow'},
};

export function NodePane({pane, buffer, width, logLines}: {pane: NodePaneView; buffer: LogBuffer; width: number; logLines: number}) {
	const {node, state} = pane;
	const words = stateWords[state];
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={words.color ?? 'gray'} paddingX={1} width={width}>
			<Text wrap="truncate-end">
				<Text bold>{node.name}</Text>
				<Text dimColor>{` · ${node.role} · ${node.address} · `}</Text>
				<Text color={words.color}>{words.text}</Text>
			</Text>
			<Text wrap="truncate-end" dimColor>
				{pane.step ? `${pane.step}${pane.action ? `: ${pane.action}` : ''}` : 'not started'}
			</Text>
			<Text wrap="truncate-end">
				{Object.entries(pane.services).map(([service, health], index) => (
					<Text key={service}>
						{index > 0 ? '  ' : ''}
						<Text color={serviceLook[health.state].color}>{serviceLook[health.state].mark || '◐'}</Text>
						{` ${service} ${health.state}`}
					</Text>
				))}
			</Text>
			<LogPane buffer={buffer} height={logLines} empty="no output yet" />
		</Box>
	);
}
