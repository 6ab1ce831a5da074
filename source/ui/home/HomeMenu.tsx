// `mesos-setup` on a machine already set up: Status, Edit a setting, Run the full setup again,
// Undo the last change, Quit. Each opens its screen. The header says what the machine is now:
// after the undo of its only setup, nothing set up by mesos-setup is left, and it says so.
import {Box, Text} from 'ink';
import React from 'react';
import {moveChoice} from '../../model/text-editing.js';
import {ChoiceList} from '../components/choice-list/ChoiceList.js';
import {KeyHelp} from '../components/key-help/KeyHelp.js';
import {isChar, isKey} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import {useSyncReducer} from '../hooks/use-sync-reducer.js';
import {useSystem} from '../hooks/use-system.js';
import {useUseCases} from '../hooks/use-use-cases.js';
import {type HomeChoice, homeChoices, type HomeItem} from './home-choices.js';

export type HomeMenuProps = {
	onChoose: (choice: HomeChoice) => void;
	// Where the highlight starts (coming back to the menu, it stays where it was).
	start?: HomeChoice;
};

// The cursor, the longest label, two spaces: every hint starts in one column, clear of every label.
const labelWidth = 2 + Math.max(...[true, false].flatMap(setUp => homeChoices(setUp).map(item => item.label.length))) + 2;

// A choice and what it does; the hint wraps in its own column rather than under the choices.
function MenuItem({item, selected}: {item: HomeItem; selected: boolean}) {
	return (
		<Box>
			<Box width={labelWidth} flexShrink={0}>
				<Text {...(selected ? {color: 'blue'} : {})}>
					{selected ? '❯ ' : '  '}
					{item.label}
				</Text>
			</Box>
			{item.hint ? (
				<Box flexShrink={1}>
					<Text dimColor={!selected}>{item.hint}</Text>
				</Box>
			) : null}
		</Box>
	);
}

const moved = (index: number, delta: number): number => moveChoice(index, delta, homeChoices(true).length);

export function HomeMenu({onChoose, start = 'status'}: HomeMenuProps) {
	const system = useSystem();
	const useCases = useUseCases();
	const setUp = useCases.setUpBefore();
	const items = homeChoices(setUp);
	const [selected, menu] = useSyncReducer(moved, Math.max(0, items.findIndex(item => item.value === start)));
	useKeys(press => {
		const choose = onChoose;
		if (isKey(press, 'up') || isChar(press, 'k')) menu.dispatch(-1);
		else if (isKey(press, 'down') || isChar(press, 'j')) menu.dispatch(1);
		else if (isKey(press, 'return')) choose(items[menu.get()]?.value ?? 'status');
		else if (isChar(press, 'q')) choose('quit');
	});
	const {facts} = system;
	const where = `(${facts.distro} ${facts.codename}, ${facts.init})${system.sandbox ? ` in the sandbox ${system.root}` : ''}`;
	return (
		<Box flexDirection="column">
			<Text bold>mesos-setup</Text>
			<Text>
				{setUp ? `This machine is set up ${where}` : `Nothing mesos-setup set up is left on this machine ${where}: its last setup was undone`}
				{system.dryRun ? '; dry run: nothing will be changed' : ''}. What would you like to do?
			</Text>
			<Box marginTop={1}>
				<ChoiceList items={items} selected={selected} renderItem={(item, isSelected) => <MenuItem item={item} selected={isSelected} />} />
			</Box>
			<KeyHelp
				keys={[
					{key: '↑↓', does: 'choose'},
					{key: 'Enter', does: 'open'},
					{key: 'q', does: 'quit'},
				]}
			/>
		</Box>
	);
}
