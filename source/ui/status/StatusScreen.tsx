// `mesos-setup status`: one pane per service and the cluster summary, refreshed every 2 s. The
// screen renders only when a snapshot differs from the last, so an idle cluster costs nothing.
import {Box, Text, useApp} from 'ink';
import {useState} from 'react';
import type {Answers} from '../../model/answers.js';
import {startOrder} from '../../model/services.js';
import type {StatusSnapshot} from '../../model/status-snapshot.js';
import {type Endpoints, takeStatusSnapshot} from '../../system/cluster-status.js';
import {readValuesForStatus} from '../../system/current-values.js';
import {initStatesAskedEvery} from '../../system/service-status.js';
import {KeyHelp, type KeyHint} from '../components/key-help/key-help.js';
import {useTerminalSize} from '../components/use-terminal-size.js';
import {useSystem} from '../system-context.js';
import {ClusterPane, clusterPaneHeight} from './ClusterPane.js';
import {FullLog} from './FullLog.js';
import {ServiceRunPanes} from '../components/run/ServiceRunPanes.js';
import {ServiceStatusPane} from './ServiceStatusPane.js';
import {initialStatusScreen, statusScreenReducer} from './status-screen-state.js';
import {createStatusStore} from './status-store.js';
import {useStatusActions} from './use-status-actions.js';
import {useStatusKeys} from './use-status-keys.js';
import {useServiceRun} from './use-service-run.js';
import {useStatusView} from './use-status-snapshot.js';
import {useSyncReducer} from '../components/use-sync-reducer.js';

export type StatusScreenProps = {
	// The answers the run started from (saved, --answers, --set); the files on disk win over them.
	answers?: Answers;
	// Where the services answer, when not where the settings say (tests use ephemeral ports).
	endpoints?: Partial<Endpoints>;
	intervalMs?: number;
	onEdit?: () => void;
	// Without it, q ends the program.
	onQuit?: () => void;
};

const paneKeys: KeyHint[] = [
	{key: '↑↓', does: 'select'},
	{key: 'r', does: 'restart'},
	{key: 'l', does: 'full log'},
	{key: 'e', does: 'edit a setting'},
	{key: 'q', does: 'quit'},
];
const logKeys: KeyHint[] = [
	{key: '↑↓', does: 'line'},
	{key: 'PgUp/PgDn', does: 'page'},
	{key: 'g/G', does: 'start/end'},
	{key: 'Esc', does: 'back'},
];

// Log lines fetched per service; the screen shows as many as fit.
const logLinesFetched = 10;
// The init system is asked this often (and at once when a service's health changes).
const initStateMaxAgeMs = 10_000;

export function StatusScreen({answers, endpoints, intervalMs = 2000, onEdit, onQuit}: StatusScreenProps) {
	const {exit} = useApp();
	const system = useSystem();
	const [saved] = useState(() => answers ?? system.state.answers());
	const [initStates] = useState(() => initStatesAskedEvery(system, initStateMaxAgeMs));
	const [store] = useState(() =>
		createStatusStore(async (): Promise<StatusSnapshot> => {
			const values = await readValuesForStatus(system, saved);
			return takeStatusSnapshot(system, values, {...(endpoints ? {endpoints} : {}), logLines: logLinesFetched, initState: initStates.ask});
		}, intervalMs),
	);
	const view = useStatusView(store);
	const [state, screen] = useSyncReducer(statusScreenReducer, initialStatusScreen);
	const restarts = useServiceRun();
	const actions = useStatusActions(system, saved, endpoints, screen.dispatch, restarts);
	const {rows} = useTerminalSize();
	const logPage = Math.max(3, rows - 3);
	useStatusKeys(screen, startOrder, logPage, {
		restart: service => void actions.restart(service),
		openLog: service => void actions.openLog(service),
		edit: () => onEdit?.(),
		quit: () => (onQuit ? onQuit() : exit()),
		refresh: () => {
			initStates.forget();
			store.refresh();
		},
	});

	const {mode} = state;
	if (mode.kind === 'log') {
		return (
			<Box flexDirection="column">
				<FullLog log={mode} page={logPage} />
				<KeyHelp keys={logKeys} />
			</Box>
		);
	}
	const {snapshot, error} = view;
	const header = (
		<Text wrap="truncate-end">
			<Text bold>mesos-setup status</Text>
			<Text dimColor>
				{'  '}
				{system.sandbox ? `sandbox ${system.root} · ` : ''}refreshed every {intervalMs / 1000} s
			</Text>
		</Text>
	);
	if (!snapshot) {
		return (
			<Box flexDirection="column">
				{header}
				<Text>{error ? `Status could not be read: ${error}` : 'Looking at the services…'}</Text>
			</Box>
		);
	}
	const footerHeight = mode.kind === 'panes' ? 1 : mode.kind === 'confirm-restart' ? 1 : 0;
	const restartHeight = mode.kind === 'restarting' ? Math.max(4, Math.floor(rows / 3)) : 0;
	// Header, the gaps between blocks, the cluster and the footer; the rest is shared by the panes.
	const spare = rows - 1 - 3 - clusterPaneHeight(snapshot.cluster) - footerHeight - restartHeight - (error ? 1 : 0) - snapshot.services.length;
	const logLines = Math.max(0, Math.min(logLinesFetched, Math.floor(spare / snapshot.services.length)));
	const nameWidth = Math.max(...snapshot.services.map(s => s.name.length));
	return (
		<Box flexDirection="column">
			{header}
			{error ? <Text color="yellow">Last refresh failed: {error}</Text> : null}
			<Box flexDirection="column" marginTop={1}>
				{snapshot.services.map((service, i) => (
					<ServiceStatusPane key={service.name} service={service} selected={i === state.selected} logLines={logLines} nameWidth={nameWidth} />
				))}
			</Box>
			<Box marginTop={1}>
				<ClusterPane cluster={snapshot.cluster} />
			</Box>
			{mode.kind === 'restarting' ? (
				<Box marginTop={1}>
					<ServiceRunPanes view={restarts.view} output={restarts.output} height={restartHeight} />
				</Box>
			) : null}
			{mode.kind === 'confirm-restart' ? (
				<Text color="yellow" wrap="truncate-end">
					Restart {mode.service} now? It stops and starts the service, then waits for its health probe. (y/n)
				</Text>
			) : null}
			{mode.kind === 'panes' ? <KeyHelp keys={paneKeys} /> : null}
			{mode.kind === 'restarting' && mode.error ? <Text color="red">{mode.error}</Text> : null}
			{mode.kind === 'restarting' && mode.ended ? <KeyHelp keys={[{key: 'Enter', does: 'back to the panes'}]} /> : null}
		</Box>
	);
}
