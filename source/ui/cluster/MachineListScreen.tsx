// The machines of a cluster (name, address, role), added, edited and removed here, then saved as the
// cluster file that cluster plan|setup|status|undo read. Render only: the list lives in
// model/machine-list.ts, the keys in use-machine-list-keys.ts, the save in the cluster use cases.
import {Box, Text} from 'ink';
import React, {useCallback} from 'react';
import {errorMessage} from '../../model/errors.js';
import {type Machine, machineFields, type MachineListState, machineList, machineListReducer, clusterOf, machineListProblems} from '../../model/machine-list.js';
import type {Cluster} from '../../model/cluster.js';
import {rootFlag, shellQuote} from '../../model/script.js';
import {saveClusterFile} from '../../use-cases/save-cluster-file.js';
import {focusMark} from '../components/field-editor/focus-mark.js';
import {type KeyHint, KeyHelp} from '../components/key-help/KeyHelp.js';
import {TextField} from '../components/text-field/TextField.js';
import {useSyncReducer} from '../hooks/use-sync-reducer.js';
import {useSystem} from '../hooks/use-system.js';
import {useMachineListKeys} from './use-machine-list-keys.js';

const roleWords: Record<Machine['role'], string> = {master: 'master (ZooKeeper, Mesos master, Marathon)', agent: 'agent (Mesos agent)', 'master+agent': 'master+agent (everything)'};

const listKeys: KeyHint[] = [
	{key: '↑↓', does: 'choose'},
	{key: 'a', does: 'add'},
	{key: 'e/Enter', does: 'edit'},
	{key: 'd', does: 'remove'},
	{key: 's', does: 'save as a cluster file'},
	{key: 'Esc', does: 'back'},
];
const editKeys: KeyHint[] = [
	{key: 'Tab/↑↓', does: 'next field'},
	{key: '←→', does: 'role'},
	{key: 'Enter', does: 'keep'},
	{key: 'Esc', does: 'drop the change'},
];

function EditRow({mode}: {mode: Extract<MachineListState['mode'], {kind: 'edit'}>}) {
	const focus = machineFields[mode.field];
	return (
		<Box flexDirection="column" marginTop={1} borderStyle="round" paddingX={1}>
			<Text bold>{mode.isNew ? 'A new machine' : `Machine ${mode.index + 1}`}</Text>
			{/* The focused field is marked ▸ as the wizard's are: the inverse cursor alone is gone with colours off. */}
			<Text>
				{focusMark(focus === 'name')}
				{'Name:    '}
				<TextField text={mode.name.text} cursor={mode.name.cursor} focus={focus === 'name'} />
			</Text>
			<Text>
				{focusMark(focus === 'address')}
				{'Address: '}
				<TextField text={mode.address.text} cursor={mode.address.cursor} focus={focus === 'address'} />
			</Text>
			{/* In a narrow window the role's closing › is cut rather than wrapped onto a row of its own. */}
			<Text wrap="truncate-end">
				{focusMark(focus === 'role')}
				{'Role:    '}
				<Text inverse={focus === 'role'}>{`‹ ${roleWords[mode.role]} ›`}</Text>
			</Text>
		</Box>
	);
}

// onNext: once saved, Enter goes on to the settings for every node with the list and its file;
// onBack: Esc on the list, back to the welcome's "this machine or several"; onLeave: q, the end.
export function MachineListScreen({cluster, onLeave, onBack, onNext}: {cluster?: Cluster; onLeave: () => void; onBack: () => void; onNext?: (cluster: Cluster, file: string) => void}) {
	const [state, screen] = useSyncReducer(machineListReducer, machineList(cluster));
	const system = useSystem();
	// A rehearsal (--root DIR) saves inside DIR, and the commands it names next carry --root DIR.
	const root = system.sandbox ? system.root : undefined;
	const save = useCallback(
		(file: string) => {
			saveClusterFile(file, clusterOf(screen.get()), root).then(
				saved => screen.dispatch({type: 'saved', file: saved}),
				(error: unknown) => screen.dispatch({type: 'save-failed', message: errorMessage(error)}),
			);
		},
		[screen, root],
	);
	const next = useCallback(() => {
		const now = screen.get();
		if (now.mode.kind === 'saved' && onNext) onNext(clusterOf(now), now.mode.file);
		else onLeave();
	}, [screen, onNext, onLeave]);
	useMachineListKeys(screen, {save, leave: onLeave, back: onBack, next});
	const {machines, selected, mode, problems} = state;
	const masters = machines.filter(machine => machine.role !== 'agent').length;
	const pending = mode.kind === 'list' ? machineListProblems(state) : [];
	return (
		<Box flexDirection="column">
			<Text bold>Several machines: list them</Text>
			<Text>Each machine is reached over SSH from here. Masters run ZooKeeper, the Mesos master and Marathon; agents run the Mesos agent. An odd number of masters (1, 3, 5 or 7) and at least one agent.</Text>
			<Box flexDirection="column" marginTop={1}>
				{machines.length === 0 ? <Text dimColor>No machine yet.</Text> : null}
				{machines.map((machine, index) => (
					<Text key={machine.name} inverse={mode.kind === 'list' && index === selected}>
						{`${index === selected ? '›' : ' '} ${machine.name.padEnd(12)} ${machine.address.padEnd(20)} ${machine.role}`}
					</Text>
				))}
				<Text dimColor>{`${machines.length} machine${machines.length === 1 ? '' : 's'}: ${masters} master${masters === 1 ? '' : 's'} (quorum ${Math.floor(masters / 2) + 1}), ${machines.length - masters} agent only`}</Text>
			</Box>
			{mode.kind === 'edit' ? <EditRow mode={mode} /> : null}
			{mode.kind === 'save' || mode.kind === 'saving' ? (
				<Box flexDirection="column" marginTop={1}>
					<Box>
						<Text>{'Save as: '}</Text>
						{mode.kind === 'save' ? <TextField text={mode.file.text} cursor={mode.file.cursor} focus /> : <Text>{`${mode.file} (saving…)`}</Text>}
					</Box>
					{root === undefined ? null : <Text dimColor>{`A rehearsal: the file is saved inside ${root} (a relative name from there); nothing is written outside it.`}</Text>}
				</Box>
			) : null}
			{mode.kind === 'saved' ? (
				<Box flexDirection="column" marginTop={1}>
					<Text color="green">{`Saved: ${mode.file}`}</Text>
					<Text>{`Every node's changes: mesos-setup cluster plan ${shellQuote(mode.file)}${rootFlag(system)}`}</Text>
					<Text>{`${root === undefined ? 'Set up over SSH:     ' : 'Rehearse the deploy: '} mesos-setup cluster setup ${shellQuote(mode.file)}${rootFlag(system)} --yes`}</Text>
				</Box>
			) : null}
			{[...problems, ...(problems.length === 0 && machines.length > 0 ? pending.map(line => `Not yet a cluster: ${line}`) : [])].map(line => (
				<Text key={line} color={problems.length > 0 ? 'red' : 'yellow'}>
					{line}
				</Text>
			))}
			<Box marginTop={1}>
				<KeyHelp keys={mode.kind === 'edit' ? editKeys : mode.kind === 'save' ? [{key: 'Enter', does: 'save'}, {key: 'Esc', does: 'back to the list'}] : mode.kind === 'saved' ? [{key: 'Enter', does: onNext ? 'the settings for every node' : 'done'}, {key: 'e', does: 'edit the list again'}, {key: 'q', does: 'done'}] : listKeys} />
			</Box>
		</Box>
	);
}
