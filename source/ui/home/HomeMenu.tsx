// `mesos-setup` on a machine already set up: Status, Edit a setting, Run the full setup again,
// Undo the last change, Quit. Undo is done here (after a yes); the others go to their screens.
import {Box, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import {useState} from 'react';
import {KeyHelp} from '../components/key-help/key-help.js';
import {useSystem} from '../system-context.js';
import {useSyncReducer} from '../components/use-sync-reducer.js';
import {type HomeChoice, homeChoices, homeReducer, initialHome} from './home-state.js';
import {UndoPanel} from './UndoPanel.js';
import {useUndo} from './use-undo.js';

export type HomeMenuProps = {
	onStatus: () => void;
	onEdit: () => void;
	onSetup: () => void;
	onQuit: () => void;
};

const items = homeChoices.map(choice => ({key: choice.value, value: choice.value, label: choice.label}));

const labelWidth = 26;

// A choice and what it does; the hint wraps in its own column rather than under the choices.
function MenuItem({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	const hint = homeChoices.find(choice => choice.label === label)?.hint;
	return (
		<Box>
			<Box width={labelWidth} flexShrink={0}>
				<Text {...(isSelected ? {color: 'blue'} : {})}>{label}</Text>
			</Box>
			{hint ? (
				<Box flexShrink={1}>
					<Text dimColor={!isSelected}>{hint}</Text>
				</Box>
			) : null}
		</Box>
	);
}

export function HomeMenu({onStatus, onEdit, onSetup, onQuit}: HomeMenuProps) {
	const system = useSystem();
	const [state, home] = useSyncReducer(homeReducer, initialHome);
	const undo = useUndo(system, home.dispatch);
	// Back from undo, the highlight stays where it was.
	const [lastChoice, setLastChoice] = useState(0);
	const choose = (choice: HomeChoice): void => {
		setLastChoice(homeChoices.findIndex(c => c.value === choice));
		const calls: Record<HomeChoice, () => void> = {status: onStatus, edit: onEdit, setup: onSetup, undo: () => void undo.look(), quit: onQuit};
		calls[choice]();
	};
	// The menu's arrows and Enter belong to SelectInput; these are the keys around it.
	useInput((input, key) => {
		const now = home.get();
		if (now.kind === 'undo-confirm') {
			if (input === 'y') void undo.undo();
			else if (input === 'n' || key.escape) home.dispatch({type: 'back'});
		} else if (now.kind !== 'menu' && (key.return || key.escape)) home.dispatch({type: 'back'});
		else if (now.kind === 'menu' && input === 'q') onQuit();
	});
	const {facts} = system;
	return (
		<Box flexDirection="column">
			<Text bold>mesos-setup</Text>
			<Text>
				This machine is set up ({facts.distro} {facts.codename}, {facts.init})
				{system.sandbox ? ` in the sandbox ${system.root}` : ''}
				{system.dryRun ? '; dry run: nothing will be changed' : ''}. What would you like to do?
			</Text>
			<Box marginTop={1}>
				{state.kind === 'menu' ? <SelectInput items={items} initialIndex={lastChoice} itemComponent={MenuItem} onSelect={item => choose(item.value)} /> : <UndoPanel state={state} />}
			</Box>
			{state.kind === 'menu' ? (
				<KeyHelp
					keys={[
						{key: '↑↓', does: 'choose'},
						{key: 'Enter', does: 'open'},
						{key: 'q', does: 'quit'},
					]}
				/>
			) : null}
		</Box>
	);
}
