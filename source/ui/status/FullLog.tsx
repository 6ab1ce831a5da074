// A service's whole log (its last few thousand lines), one page at a time, read again while it is
// open (at its end the view follows the file); lines wider than the terminal move sideways (← →).
import {Box, Text} from 'ink';
import {followsEnd, type LogState, visibleLogLines} from './status-screen-state.js';

export function FullLog({log, page}: {log: LogState; page: number}) {
	if (!log.lines) return <Text>Reading the log of {log.service}…</Text>;
	if (log.error) return <Text color="red">The log of {log.service} could not be read: {log.error}</Text>;
	if (!log.file) return <Text>No log of {log.service} was found yet.</Text>;
	const {lines, first, total} = visibleLogLines(log, page);
	const columns = log.column > 0 ? ` · from column ${log.column + 1}` : '';
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{log.file}{' '}
				<Text dimColor>
					lines {total === 0 ? 0 : first + 1}–{first + lines.length} of {total}
					{columns}
					{log.offset === followsEnd ? ' · following' : ''}
				</Text>
			</Text>
			{lines.map((line, i) => (
				<Text key={first + i} wrap="truncate-end">
					{log.column > 0 ? [...line].slice(log.column).join('') : line}
				</Text>
			))}
		</Box>
	);
}
