// `mesos-setup status`: one pane per service and the cluster summary, refreshed every 2 s. The
// screen renders only when a snapshot differs from the last, so an idle cluster costs nothing.
import {Box, Text, useApp} from 'ink';
import {useState} from 'react';
import {type Answers, resolveValues} from '../../model/answers.js';
import {sandboxProbes} from '../../model/action-preview.js';
import {roleOf, roleServices} from '../../model/roles.js';
import {dockerLine, sharedInitReason} from '../../model/status-snapshot.js';
import type {Endpoints} from '../../use-cases/status.js';
import {useUseCases} from '../hooks/use-use-cases.js';
import {KeyHelp, type KeyHint} from '../components/key-help/KeyHelp.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {wrapRows} from '../components/wrapped-text/text-rows.js';
import {useSystem} from '../hooks/use-system.js';
import {ClusterPane, clusterPaneHeight} from './ClusterPane.js';
import {FullLog} from './FullLog.js';
import {ServiceRunPanes} from '../components/run/ServiceRunPanes.js';
import {serviceStatusFixedRows, ServiceStatusPane} from './ServiceStatusPane.js';
import {initialStatusScreen, statusScreenReducer} from './status-screen-state.js';
import {createStatusStore} from './status-store.js';
import {useStatusActions} from './use-status-actions.js';
import {useStatusKeys} from './use-status-keys.js';
import {useServiceRun} from '../hooks/use-service-run.js';
import {useStatusView} from './use-status-view.js';
import {useSyncReducer} from '../hooks/use-sync-reducer.js';

export type StatusScreenProps = {
	// The answers the run started from (saved, --answers, --set); the files on disk win over them.
	answers?: Answers;
	// Where the services answer, when not where the settings say (tests use ephemeral ports).
	endpoints?: Partial<Endpoints>;
	intervalMs?: number;
	onEdit?: () => void;
	// Without it, q ends the program.
	onQuit?: () => void;
	// What onQuit goes back to, as the key help says it ("the menu"); without it q is said to quit.
	backTo?: string;
};

// q and Esc leave: back to the screen it was opened from, or out of the program.
const paneKeys = (backTo: string | undefined): KeyHint[] => [
	{key: '↑↓', does: 'select'},
	{key: 'r', does: 'restart'},
	{key: 'l', does: 'full log'},
	{key: 'e', does: 'edit a setting'},
	{key: 'q/Esc', does: backTo ? `back to ${backTo}` : 'quit'},
];
const logKeys: KeyHint[] = [
	{key: '↑↓', does: 'line'},
	{key: 'PgUp/PgDn', does: 'page'},
	{key: 'g/G', does: 'start/end (follows)'},
	{key: '←→', does: 'sideways'},
	{key: 'Esc', does: 'back'},
];

// Log lines fetched per service; the screen shows as many as fit.
const logLinesFetched = 10;
// The init system is asked this often, and at once when a service's health changes (a service that
// starts or stops changes its health first) or after a restart: asking spawns the init scripts
// (sysv), the dearest part of an idle screen's look, and what they say rarely changes without the
// health.
const initStateMaxAgeMs = 30_000;

export function StatusScreen({answers, endpoints, intervalMs = 2000, onEdit, onQuit, backTo}: StatusScreenProps) {
	const {exit} = useApp();
	const system = useSystem();
	const useCases = useUseCases();
	const [saved] = useState(() => answers ?? useCases.savedAnswers());
	// The services of this machine's role, as the snapshot shows them.
	const [services] = useState(() => roleServices(roleOf(resolveValues(saved)['node.role'])));
	const [reader] = useState(() => useCases.statusReader({answers: saved, ...(endpoints ? {endpoints} : {}), logLines: logLinesFetched, initStateMaxAgeMs}));
	const [store] = useState(() => createStatusStore(signal => reader.take(signal), intervalMs));
	const view = useStatusView(store);
	const [state, screen] = useSyncReducer(statusScreenReducer, initialStatusScreen);
	const restarts = useServiceRun();
	const actions = useStatusActions(saved, endpoints, screen, restarts, intervalMs);
	const {rows, columns} = useTerminalSize();
	const logPage = Math.max(3, rows - 3);
	useStatusKeys(screen, services, logPage, {
		restart: service => void actions.restart(service),
		openLog: service => void actions.openLog(service),
		edit: () => onEdit?.(),
		quit: () => (onQuit ? onQuit() : exit()),
		refresh: () => {
			reader.forgetInitStates();
			store.refresh();
		},
	}, columns);

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
	// A sandbox has no services: what answers (or not) is this machine, and the screen says so.
	const notes = [
		...(system.sandbox ? [{text: `Probing ${sandboxProbes}.`, color: 'yellow'}] : []),
		...(snapshot && sharedInitReason(snapshot.services) ? [{text: `Init states: ${sharedInitReason(snapshot.services)}`, color: undefined}] : []),
		...(snapshot?.docker ? [{text: dockerLine(snapshot.docker), color: snapshot.docker.healthy ? undefined : 'yellow'}] : []),
		...(snapshot && error ? [{text: `Last refresh failed: ${error}`, color: 'yellow'}] : []),
	].map(note => ({...note, rows: wrapRows(note.text, columns)}));
	const header = (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold>mesos-setup status</Text>
				<Text dimColor>
					{'  '}
					{system.sandbox ? `sandbox ${system.root} · ` : ''}refreshed every {intervalMs / 1000} s
				</Text>
			</Text>
			{notes.flatMap(note =>
				note.rows.map((row, i) => (
					<Text key={`${note.text}${i}`} wrap="truncate-end" {...(note.color ? {color: note.color} : {dimColor: true})}>
						{row}
					</Text>
				)),
			)}
		</Box>
	);
	if (!snapshot) {
		return (
			<Box flexDirection="column">
				{header}
				<Text>{error ? `Status could not be read: ${error}` : 'Looking at the services…'}</Text>
			</Box>
		);
	}
	const question = mode.kind === 'confirm-restart' ? wrapRows(`Restart ${mode.service} now? It stops and starts the service, then waits for its health probe. (y/n)`, columns) : [];
	const footerHeight = mode.kind === 'panes' ? 1 : question.length;
	const restartHeight = mode.kind === 'restarting' ? Math.max(4, Math.floor(rows / 3)) : 0;
	const layout = {nameWidth: Math.max(...snapshot.services.map(s => s.name.length)), width: columns, showReason: !sharedInitReason(snapshot.services)};
	const panesFixed = snapshot.services.reduce((sum, service) => sum + serviceStatusFixedRows(service, layout), 0);
	// The service lines come first, then one log line for each service, then the cluster (what does
	// not fit says how many more lines status --once shows); the log lines get what it leaves.
	// One row is kept spare: Ink redraws the whole screen when a frame fills the terminal.
	const available = rows - 1 - 1 - notes.reduce((sum, note) => sum + note.rows.length, 0) - 1 - panesFixed - 1 - footerHeight - (restartHeight ? restartHeight + 1 : 0);
	const clusterHeight = Math.max(2, Math.min(clusterPaneHeight(snapshot.cluster, columns), available - snapshot.services.length));
	const logLines = Math.max(0, Math.min(logLinesFetched, Math.floor((available - clusterHeight) / snapshot.services.length)));
	return (
		<Box flexDirection="column">
			{header}
			<Box flexDirection="column" marginTop={1}>
				{snapshot.services.map((service, i) => (
					<ServiceStatusPane key={service.name} service={service} selected={i === state.selected} logLines={logLines} layout={layout} />
				))}
			</Box>
			<Box marginTop={1}>
				<ClusterPane cluster={snapshot.cluster} width={columns} height={clusterHeight} />
			</Box>
			{mode.kind === 'restarting' ? (
				<Box marginTop={1}>
					<ServiceRunPanes view={restarts.view} output={restarts.output} height={restartHeight} width={columns} />
				</Box>
			) : null}
			{question.map(row => (
				<Text key={row} color="yellow" wrap="truncate-end">
					{row}
				</Text>
			))}
			{mode.kind === 'panes' ? <KeyHelp keys={paneKeys(backTo)} /> : null}
			{mode.kind === 'restarting' && mode.error ? <Text color="red">{mode.error}</Text> : null}
			{mode.kind === 'restarting' && mode.ended ? <KeyHelp keys={[{key: 'Enter', does: 'back to the panes'}]} /> : null}
		</Box>
	);
}
