// One service, live: its state (waiting, starting, probing, healthy, failed), the output of the
// command that starts it, its health probe against a deadline, and its log's last lines when
// it fails. The wizard's start step and the status screen both draw services with it.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import React from 'react';
import type {LogBuffer} from '../log-pane/log-buffer.js';
import {LogPane} from '../log-pane/log-pane.js';

export type ServiceState = 'waiting' | 'starting' | 'probing' | 'healthy' | 'failed' | 'skipped';

export type ServiceProbe = {healthy: boolean; detail: string; tries?: number; deadlineSeconds?: number};

type Props = {
	name: string;
	state: ServiceState;
	// One line under the name: the outcome, or what the service is doing.
	detail?: string;
	probe?: ServiceProbe;
	output?: LogBuffer;
	outputLines?: number;
	logTail?: readonly string[];
	logTailLines?: number;
};

const look: Record<ServiceState, {color?: string; mark: string}> = {
	waiting: {mark: '·'},
	starting: {color: 'cyan', mark: ''},
	probing: {color: 'cyan', mark: ''},
	healthy: {color: 'green', mark: '✔'},
	failed: {color: 'red', mark: '✖'},
	skipped: {color: 'yellow', mark: '–'},
};

function probeLine(probe: ServiceProbe): string {
	const tries = probe.tries ? `try ${probe.tries}` : '';
	const deadline = probe.deadlineSeconds ? `up to ${probe.deadlineSeconds} s` : '';
	const when = [tries, deadline].filter(Boolean).join(', ');
	return `health: ${probe.detail}${when ? ` (${when})` : ''}`;
}

export function ServicePane({name, state, detail, probe, output, outputLines = 2, logTail = [], logTailLines = 8}: Props) {
	const {color, mark} = look[state];
	const busy = state === 'starting' || state === 'probing';
	return (
		<Box flexDirection="column" borderStyle="single" borderTop={false} borderRight={false} borderBottom={false} borderColor={color ?? 'gray'} paddingLeft={1}>
			<Text wrap="truncate-end">
				<Text color={color}>{busy ? <Spinner type="dots" /> : mark}</Text>
				<Text bold> {name}</Text>
				<Text color={color}> {state}</Text>
				{detail ? <Text dimColor> · {detail}</Text> : null}
			</Text>
			{probe ? (
				<Text wrap="truncate-end" color={probe.healthy ? 'green' : undefined} dimColor={!probe.healthy}>
					{probeLine(probe)}
				</Text>
			) : null}
			{output && outputLines > 0 && state !== 'waiting' ? <LogPane buffer={output} height={outputLines} /> : null}
			{state === 'failed' && logTail.length > 0 ? (
				<Box flexDirection="column">
					{logTail.slice(-logTailLines).map((line, index) => (
						<Text key={index} color="yellow" wrap="truncate-end">
							{line}
						</Text>
					))}
				</Box>
			) : null}
		</Box>
	);
}
