// One service: its init state and pid, its health probe, why the init state is what it is, and
// the last lines of its log. The probe's answer and the reason wrap rather than being cut.
import {Box, Text} from 'ink';
import type {InitState} from '../../model/init-state.js';
import {initReason, initText, type ServiceStatus} from '../../model/status-snapshot.js';
import {textWidth, wrapRows} from '../components/wrapped-text/text-rows.js';

const initColor: Record<InitState['state'], string | undefined> = {
	running: 'green',
	starting: 'yellow',
	stopped: 'yellow',
	failed: 'red',
	unknown: undefined,
};

export type ServicePaneLayout = {nameWidth: number; width: number; showReason: boolean};

const stateColumn = 18;

// The pane's rows besides the log: the service's line, wrapped under itself, then the reason.
export function serviceStatusRows(service: ServiceStatus, {nameWidth, width, showReason}: ServicePaneLayout): {head: string; line: string[]; reason: string[]} {
	const head = `  ${service.name.padEnd(nameWidth)}  ${initText(service.init).padEnd(stateColumn)}  ${service.healthy ? 'healthy' : 'unhealthy'}`;
	const reason = showReason ? initReason(service.init) : undefined;
	return {
		head,
		line: wrapRows(`${head}: ${service.detail}`, width, '    '),
		reason: reason ? wrapRows(`    init: ${reason}`, width, '          ') : [],
	};
}

export const serviceStatusFixedRows = (service: ServiceStatus, layout: ServicePaneLayout): number => {
	const rows = serviceStatusRows(service, layout);
	return rows.line.length + rows.reason.length;
};

export type ServiceStatusPaneProps = {service: ServiceStatus; selected: boolean; logLines: number; layout: ServicePaneLayout};

export function ServiceStatusPane({service, selected, logLines, layout}: ServiceStatusPaneProps) {
	const lines = logLines > 0 ? service.log.lines.slice(-logLines) : [];
	const {head, line, reason} = serviceStatusRows(service, layout);
	const [first = '', ...rest] = line;
	// The first row holds the whole head (name, state, health); what follows it is the probe's answer.
	const after = textWidth(first) > textWidth(head) ? Array.from(first).slice(textWidth(head)).join('') : '';
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text color="cyan">{selected ? '› ' : '  '}</Text>
				<Text bold={selected}>{service.name.padEnd(layout.nameWidth)}</Text>
				{'  '}
				<Text color={initColor[service.init.state]} dimColor={service.init.state === 'unknown'}>
					{initText(service.init).padEnd(stateColumn)}
				</Text>
				{'  '}
				<Text color={service.healthy ? 'green' : 'red'}>{service.healthy ? 'healthy' : 'unhealthy'}</Text>
				<Text>{after}</Text>
			</Text>
			{rest.map((row, i) => (
				<Text key={`line${i}`} wrap="truncate-end">
					{row}
				</Text>
			))}
			{reason.map((row, i) => (
				<Text key={`reason${i}`} dimColor wrap="truncate-end">
					{row}
				</Text>
			))}
			{logLines > 0 && lines.length === 0 ? (
				<Text dimColor wrap="truncate-end">
					{'    '}
					{service.log.file ? `${service.log.file} is empty` : 'no log file found yet'}
				</Text>
			) : null}
			{lines.map((logLine, i) => (
				<Text key={i} dimColor wrap="truncate-end">
					{'    '}
					{logLine}
				</Text>
			))}
		</Box>
	);
}
