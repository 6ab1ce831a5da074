// The settings pages of a single machine's wizard, asked once for every node of the cluster: each
// page's own settings to type or choose, and beside them the settings the machine list decides,
// shown as derived with their value on each node. Enter goes on (to the summary after the last
// page), Esc goes back. Render only: the pages and values live in model/cluster-settings.ts.
import {Box, Text} from 'ink';
import React from 'react';
import {type ClusterSettingsAction, type ClusterSettingsState, derivedValue, draftReason, layoutWords} from '../../model/cluster-settings.js';
import type {Cluster} from '../../model/cluster.js';
import {findSetting} from '../../model/settings.js';
import {FieldEditor} from '../components/field-editor/FieldEditor.js';
import {KeyHelp} from '../components/key-help/KeyHelp.js';
import {fieldActionOf} from '../components/keys/field-action-of.js';
import {isKey} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import type {SyncReducer} from '../hooks/use-sync-reducer.js';

// backWord: what Esc on the first page does (back to the machine list, or leave when the file was given).
type Props = {cluster: Cluster; screen: SyncReducer<ClusterSettingsState, ClusterSettingsAction>; state: ClusterSettingsState; backWord: string; onDone: () => void; onBack: () => void};

export function ClusterSettingsScreen({cluster, screen, state, backWord, onDone, onBack}: Props) {
	useKeys(press => {
		const now = screen.get();
		const page = now.pages[now.page];
		const id = page?.asked[now.focus];
		if (isKey(press, 'return')) {
			if (now.page < now.pages.length - 1) screen.dispatch({type: 'page', delta: 1});
			else {
				screen.dispatch({type: 'page', delta: 1});
				if (screen.get().problems.length === 0) onDone();
			}
		} else if (isKey(press, 'escape')) {
			if (now.page === 0) onBack();
			else screen.dispatch({type: 'page', delta: -1});
		} else if (isKey(press, 'tab')) screen.dispatch({type: 'focus', delta: 1});
		else if (isKey(press, 'backtab')) screen.dispatch({type: 'focus', delta: -1});
		else {
			const action = fieldActionOf(press, Boolean(id && findSetting(id).choices));
			if (action) screen.dispatch({type: 'field', action});
			else if (isKey(press, 'up')) screen.dispatch({type: 'focus', delta: -1});
			else if (isKey(press, 'down')) screen.dispatch({type: 'focus', delta: 1});
		}
	});
	const page = state.pages[state.page];
	if (!page) return <Text>No setting to ask.</Text>;
	const labelWidth = Math.min(34, Math.max(...[...page.asked, ...page.derived].map(id => findSetting(id).label.length)) + 4);
	const last = state.page === state.pages.length - 1;
	return (
		<Box flexDirection="column">
			<Text bold>{`Settings for every node · page ${state.page + 1} of ${state.pages.length}: ${page.title}`}</Text>
			<Text dimColor>
				{page.title.startsWith('/')
					? `Written to ${page.title} on each node that has this file; asked once for all ${cluster.nodes.length} nodes.`
					: `Kept in the cluster file’s settings: where every node’s packages come from; asked once for all ${cluster.nodes.length} nodes.`}
			</Text>
			{/* Where the packages of the chosen source read this page's file, or that it is being predicted. */}
			{layoutWords(state).map(line => (
				<Text key={line} dimColor>
					{line}
				</Text>
			))}
			<Box flexDirection="column" marginTop={1}>
				{page.asked.map((id, index) => {
					const why = draftReason(state, id);
					return <FieldEditor key={id} setting={findSetting(id)} value={state.drafts[id] ?? ''} {...(index === state.focus ? {cursor: state.cursor} : {})} focus={index === state.focus} labelWidth={labelWidth} {...(why ? {note: why} : {})} />;
				})}
				{page.asked.length === 0 ? <Text dimColor>Nothing to ask on this page: every setting in it comes from the machine list.</Text> : null}
			</Box>
			{page.derived.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold>Derived from the machine list, per node</Text>
					{page.derived.map(id => {
						const {how, value} = derivedValue(cluster, id);
						return (
							<Box key={id} flexDirection="column">
								<Text>
									{`  ${findSetting(id).label.padEnd(labelWidth - 2)}`}
									<Text color="cyan">{value === '' ? '(none on these nodes)' : value}</Text>
								</Text>
								<Text dimColor>{`    derived: ${how}`}</Text>
							</Box>
						);
					})}
				</Box>
			) : null}
			{state.problems.map(problem => (
				<Text key={problem} color="red">
					✖ {problem}
				</Text>
			))}
			<Box marginTop={1}>
				<KeyHelp
					keys={[
						{key: 'Tab/↑↓', does: 'next setting'},
						{key: 'Enter', does: last ? 'see every node’s changes' : 'next page'},
						{key: 'Esc', does: state.page === 0 ? backWord : 'previous page'},
					]}
				/>
			</Box>
		</Box>
	);
}
