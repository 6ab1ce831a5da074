// A change before it is written: each value that moves, each file as a diff against the disk
// (the wizard's FileChanges, so the bytes shown are the bytes written), and what is restarted
// after (only once asked).
import {Box, Text} from 'ink';
import {changeLine, type SettingChange} from '../../model/setting-change.js';
import {restartStepOf, writeStep} from '../../system/apply-setting-change.js';
import {FileChanges, fileActionsOf} from '../wizard/file-changes.js';

export function ChangePreview({change, offset, height}: {change: SettingChange; offset: number; height: number}) {
	const files = fileActionsOf(writeStep(change).actions);
	const services = restartStepOf(change).actions.flatMap(a => (a.kind === 'service' ? [a.service] : []));
	return (
		<Box flexDirection="column">
			{change.changes.map(c => (
				<Text key={c.id} wrap="truncate-end">
					<Text bold>{changeLine(c)}</Text>
				</Text>
			))}
			<Box marginTop={1} flexDirection="column">
				{files.length > 0 ? (
					<FileChanges actions={files} height={Math.max(4, height - change.changes.length - 3)} offset={offset} refresh={change} />
				) : (
					<Text>Nothing in /etc holds this: it is kept in the saved answers and used by the next full setup.</Text>
				)}
			</Box>
			<Text>{services.length > 0 ? `After writing, you are asked whether to restart ${services.join(', ')}.` : 'No service needs a restart.'}</Text>
		</Box>
	);
}
