// A change before it is written: each value that moves, each file as a diff against the disk
// (the wizard's FileChanges, so the bytes shown are the bytes written), and what is restarted
// after (only once asked).
import {Box, Text} from 'ink';
import {previewActions} from '../../model/action-preview.js';
import {changeLine, type SettingChange} from '../../model/setting-change.js';
import {restartStepOf, writeStep} from '../../system/apply-setting-change.js';
import {FileChanges, fileActionsOf} from '../wizard/file-changes.js';

export function ChangePreview({change, offset, height}: {change: SettingChange; offset: number; height: number}) {
	const files = fileActionsOf(writeStep(change).actions);
	// A repository change also re-trusts the key and refreshes apt: those commands are shown first.
	const commands = previewActions(writeStep(change).actions.filter(action => action.kind !== 'file'));
	const services = restartStepOf(change).actions.flatMap(a => (a.kind === 'service' ? [a.service] : []));
	return (
		<Box flexDirection="column">
			{change.changes.map(c => (
				<Text key={c.id} wrap="truncate-end">
					<Text bold>{changeLine(c)}</Text>
				</Text>
			))}
			<Box marginTop={1} flexDirection="column">
				{commands.map((line, index) => (
					<Text key={index} wrap="truncate-end">
						{line.kind === 'command' ? '$ ' : '· '}
						{line.text}
					</Text>
				))}
				{files.length > 0 ? (
					<FileChanges actions={files} height={Math.max(4, height - change.changes.length - commands.length - 3)} offset={offset} refresh={change} />
				) : null}
			</Box>
			<Text>{services.length > 0 ? `After writing, you are asked whether to restart ${services.join(', ')}.` : 'No service needs a restart.'}</Text>
		</Box>
	);
}
