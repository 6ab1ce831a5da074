// After the write: what the restart will run and check, and the question.
import {Box, Text} from 'ink';
import {previewActions} from '../../model/action-preview.js';
import {restartStepOf, type SettingChange} from '../../model/setting-change.js';

export function RestartQuestion({change, wrote}: {change: SettingChange; wrote: string[]}) {
	const step = restartStepOf(change);
	const services = step.actions.flatMap(a => (a.kind === 'service' ? [a.service] : []));
	return (
		<Box flexDirection="column">
			{wrote.map(line => (
				<Text key={line} color="green">
					{line}
				</Text>
			))}
			<Box marginTop={1} flexDirection="column">
				<Text>The change takes effect when {services.join(', ')} restart{services.length === 1 ? 's' : ''}. That runs:</Text>
				{previewActions(step.actions).map(line => (
					<Text key={line.text} dimColor>
						{'  '}
						{line.text}
					</Text>
				))}
			</Box>
			<Text color="yellow">Restart {services.join(', ')} now? (y/n)</Text>
		</Box>
	);
}
