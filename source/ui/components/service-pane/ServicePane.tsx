// One service, live: its state (waiting, starting, probing, healthy, failed), the output of the
// command that starts it, its health probe against a deadline, and its log's last lines when
// it fails. The wizard's start step and the status screen both draw services with it.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import React from 'react';
import type {LogBuffer} from '../log-pane/log-buffer.js';
import {LogPane} from '../log-pane/LogPane.js';
import {textWidth, wrapRows} from '../wrapped-text/text-rows.js';

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
	// Columns for the pane, its border included; the outcome and the probe wrap within them.
	width?: number;
};

// Each state's colour and mark (starting and probing show a spinner instead), for every pane that shows a service.
export const serviceLook: Record<ServiceState, {color?: string; mark: string}> = {
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

// The border and the space after it.
const frame = 2;

// The pane's text as rows: the outcome stays beside the name when the whole fits, else it wraps
// under it; the probe line wraps. A screen sharing its rows counts them with this.
export function servicePaneText({name, state, detail, probe}: Pick<Props, 'name' | 'state' | 'detail' | 'probe'>, width: number): {besideName: boolean; detailRows: string[]; probeRows: string[]} {
	const room = Math.max(10, width - frame);
	const head = `${serviceLook[state].mark || '⠋'} ${name} ${state}`;
	const besideName = !detail || textWidth(`${head} · ${detail}`) <= room;
	return {
		besideName,
		detailRows: detail && !besideName ? wrapRows(detail, room - 2).map(row => `  ${row}`) : [],
		probeRows: probe ? wrapRows(probeLine(probe), room, '  ') : [],
	};
}

export const servicePaneRows = (props: Pick<Props, 'name' | 'state' | 'detail' | 'probe'>, width: number): number => {
	const text = servicePaneText(props, width);
	return 1 + text.detailRows.length + text.probeRows.length;
};

export function ServicePane({name, state, detail, probe, output, outputLines = 2, logTail = [], logTailLines = 8, width = 100}: Props) {
	const {color, mark} = serviceLook[state];
	const busy = state === 'starting' || state === 'probing';
	const text = servicePaneText({name, state, ...(detail ? {detail} : {}), ...(probe ? {probe} : {})}, width);
	return (
		<Box flexDirection="column" borderStyle="single" borderTop={false} borderRight={false} borderBottom={false} borderColor={color ?? 'gray'} paddingLeft={1}>
			<Text wrap="truncate-end">
				<Text color={color}>{busy ? <Spinner type="dots" /> : mark}</Text>
				<Text bold> {name}</Text>
				<Text color={color}> {state}</Text>
				{detail && text.besideName ? <Text dimColor> · {detail}</Text> : null}
			</Text>
			{text.detailRows.map((row, index) => (
				<Text key={`detail${index}`} dimColor wrap="truncate-end">
					{row}
				</Text>
			))}
			{text.probeRows.map((row, index) => (
				<Text key={`probe${index}`} wrap="truncate-end" color={probe?.healthy ? 'green' : undefined} dimColor={!probe?.healthy}>
					{row}
				</Text>
			))}
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
