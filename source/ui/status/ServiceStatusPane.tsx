// One service: its init state and pid, its health probe, and the last lines of its log.
import {Box, Text} from 'ink';
import type {InitState} from '../../model/init-state.js';
import {initText, type ServiceStatus} from '../../model/status-snapshot.js';

const initColor: Record<InitState['state'], string | undefined> = {
	running: 'green',
	starting: 'yellow',
	stopped: 'yellow',
	failed: 'red',
	unknown: undefined,
};

export type ServiceStatusPaneProps = {service: ServiceStatus; selected: boolean; logLines: number; nameWidth: number};

export function ServiceStatusPane({service, selected, logLines, nameWidth}: ServiceStatusPaneProps) {
	const lines = logLines > 0 ? service.log.lines.slice(-logLines) : [];
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text color="cyan">{selected ? '› ' : '  '}</Text>
				<Text bold={selected}>{service.name.padEnd(nameWidth)}</Text>
				{'  '}
				<Text color={initColor[service.init.state]} dimColor={service.init.state === 'unknown'}>
					{initText(service.init).padEnd(18)}
				</Text>
				{'  '}
				<Text color={service.healthy ? 'green' : 'red'}>{service.healthy ? 'healthy' : 'unhealthy'}</Text>
				<Text>: {service.detail}</Text>
			</Text>
			{logLines > 0 && lines.length === 0 ? (
				<Text dimColor wrap="truncate-end">
					{'    '}
					{service.log.file ? `${service.log.file} is empty` : 'no log file found yet'}
				</Text>
			) : null}
			{lines.map((line, i) => (
				<Text key={i} dimColor wrap="truncate-end">
					{'    '}
					{line}
				</Text>
			))}
		</Box>
	);
}
