// A change before it is written: each value that moves, each file as a diff against the disk
// (the wizard's FileChanges, so the bytes shown are the bytes written), and what is restarted
// after (only once asked). The diffs take the rows the rest leaves and scroll.
import {Box, Text} from 'ink';
import {previewActions} from '../../model/action-preview.js';
import {changeLine, replacedSavedLine, restartStepOf, type SettingChange, writeStep} from '../../model/setting-change.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import type {ScrollLimit} from '../components/scroll/scroll-window.js';
import {FileChanges, fileActionsOf} from '../components/file-preview/FileChanges.js';

export function ChangePreview({change, offset, limit, whole, height, width}: {change: SettingChange; offset: number; limit: ScrollLimit; whole: boolean; height: number; width: number}) {
	const files = fileActionsOf(writeStep(change).actions);
	// A repository change also re-trusts the key and refreshes apt: those commands are shown first.
	const commands = previewActions(writeStep(change).actions.filter(action => action.kind !== 'file'));
	const services = restartStepOf(change).actions.flatMap(a => (a.kind === 'service' ? [a.service] : []));
	const space = useRowsLeft(height);
	const replaced = replacedSavedLine(change);
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
				{replaced ? <Text color="yellow">{replaced}</Text> : null}
				{change.changes.map(c => (
					<Text key={c.id} bold>
						{changeLine(c)}
					</Text>
				))}
				{commands.length > 0 ? (
					<Box marginTop={1} flexDirection="column">
						{commands.map((line, index) => (
							<Text key={index}>
								{line.kind === 'command' ? '$ ' : '· '}
								{line.text}
							</Text>
						))}
					</Box>
				) : null}
			</Box>
			{files.length > 0 ? (
				<Box marginTop={1}>
					<FileChanges actions={files} height={Math.max(3, space.rows - 1)} width={width} offset={offset} limit={limit} refresh={change} view={whole ? 'whole' : 'changes'} />
				</Box>
			) : null}
			<Box ref={space.below} flexDirection="column">
				<Text>{services.length > 0 ? `After writing, you are asked whether to restart ${services.join(', ')}.` : 'No service needs a restart.'}</Text>
			</Box>
		</Box>
	);
}
