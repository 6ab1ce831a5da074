// Several machines, screen after screen: the machine list (saved as the cluster file), the settings
// pages asked once for every node, the summary of every node's changes, then the deploy with a pane
// per node. In a sandbox (--root DIR) the deploy is rehearsed, node NAME under DIR/NAME, nothing over
// SSH; otherwise it goes over SSH as cluster setup --yes does. The settings a person sets are saved
// into the cluster file's `settings` before the deploy starts. Keys typed while one screen hands over
// to the next wait for the next one (the KeyRouter holds them), however fast the work between is.
import {Text} from 'ink';
import React, {useCallback, useMemo, useState} from 'react';
import type {NodeChanges} from '../../model/cluster-changes.js';
import {chosenSettings, clusterSettings, clusterSettingsFor, clusterSettingsReducer, draftAnswers, pagesLayoutKey} from '../../model/cluster-settings.js';
import type {Cluster} from '../../model/cluster.js';
import {clusterProven, rehearsalDone} from '../../model/cluster-deploy-view.js';
import type {EndingWords} from '../../model/cluster-ending.js';
import {errorMessage, InputError} from '../../model/errors.js';
import type {Plan} from '../../model/plan.js';
import {shellQuote} from '../../model/script.js';
import {deployCluster, rehearseCluster} from '../../use-cases/cluster.js';
import {saveClusterFile, settingsFileFor} from '../../use-cases/save-cluster-file.js';
import {predictClusterLayouts} from '../../use-cases/cluster-layout.js';
import {reviewCluster} from '../../use-cases/cluster-review.js';
import {useKeyRouter} from '../components/keys/use-key-router.js';
import {useLayoutPrediction} from '../hooks/use-layout-prediction.js';
import {useSyncReducer} from '../hooks/use-sync-reducer.js';
import {useSystem} from '../hooks/use-system.js';
import {ClusterDeployScreen} from './ClusterDeployScreen.js';
import {ClusterSettingsScreen} from './ClusterSettingsScreen.js';
import {ClusterSummaryScreen} from './ClusterSummaryScreen.js';
import {MachineListScreen} from './MachineListScreen.js';
import type {DeployOptions} from './use-cluster-deploy.js';

type Route = {screen: 'list'} | {screen: 'settings'} | {screen: 'reviewing'} | {screen: 'summary'; nodes: NodeChanges[]} | {screen: 'deploy'};

type Props = {
	// The cluster file given on the command line (cluster setup FILE): the list is skipped.
	cluster?: Cluster;
	file?: string;
	onExit: (code: number, message?: string) => void;
	// Esc on the machine list: back to the welcome it was opened from.
	onBack?: () => void;
};

export function ClusterScreens({cluster: given, file: givenFile, onExit, onBack}: Props) {
	const system = useSystem();
	const [route, showRoute] = useState<Route>(given ? {screen: 'settings'} : {screen: 'list'});
	const router = useKeyRouter();
	// The screen leaving still listens until React has run the next one's effects: a key in between
	// (the same read as the Enter, or a review that ended within microtasks) would reach it and be lost.
	const setRoute = useCallback(
		(next: Route) => {
			router?.hold();
			showRoute(next);
		},
		[router],
	);
	const [machines, setMachines] = useState<{cluster: Cluster; file: string} | undefined>(given && givenFile ? {cluster: given, file: givenFile} : undefined);
	const [settings, screen] = useSyncReducer(clusterSettingsReducer, given ? clusterSettingsFor(given, given.settings) : clusterSettings([], {}));
	const cluster = useMemo(() => (machines ? {...machines.cluster, settings: chosenSettings(settings)} : undefined), [machines, settings]);
	const root = system.sandbox ? system.root : undefined;
	// Where each node's packages will read, predicted as the summary predicts it (without reaching a
	// node), again whenever the source chosen on the pages changes; the pages show it when it comes.
	useLayoutPrediction({
		key: pagesLayoutKey(settings),
		predict: async signal => {
			const now = screen.get();
			return now.machines ? predictClusterLayouts({...now.machines, settings: draftAnswers(now)}, {...(root === undefined ? {} : {root}), signal}) : {};
		},
		// Not predicted at all: the article's layout, said as assumed.
		fallback: () => ({}),
		onPredicted: (key, facts) => screen.dispatch({type: 'layout', layouts: {for: key, facts}}),
	});
	// What the summary showed of each node, for the deploy to ask about a node whose own source reads elsewhere.
	const [shown, setShown] = useState<ReadonlyMap<string, Plan>>();
	const toSettings = useCallback(
		(listed: Cluster, file: string) => {
			setMachines({cluster: listed, file});
			// The pages depend on the roles listed; what was typed before is kept.
			const kept = screen.get().pages.length > 0 ? chosenSettings(screen.get()) : listed.settings;
			screen.dispatch({type: 'start', cluster: listed, settings: kept});
			setRoute({screen: 'settings'});
		},
		[screen, setRoute],
	);
	const review = useCallback(() => {
		if (!cluster) return;
		setRoute({screen: 'reviewing'});
		reviewCluster(cluster, root === undefined ? {} : {root}).then(
			nodes => {
				setShown(new Map(nodes.map(each => [each.node.name, each.plan])));
				setRoute({screen: 'summary', nodes});
			},
			(error: unknown) => {
				screen.dispatch({type: 'problems', problems: error instanceof InputError ? error.problems : [errorMessage(error)]});
				setRoute({screen: 'settings'});
			},
		);
	}, [cluster, root, screen, setRoute]);
	// The file is written again only when the settings changed: a hand-written one keeps its comments
	// otherwise. A rehearsal whose file is outside DIR saves a copy in DIR, and the commands it names
	// next name the copy.
	const saving = useMemo(
		() => (cluster && machines && JSON.stringify(cluster.settings) !== JSON.stringify(machines.cluster.settings) ? settingsFileFor(machines.file, root) : undefined),
		[cluster, machines, root],
	);
	const run = useCallback(
		async (options: DeployOptions) => {
			if (!cluster || !machines) throw new Error('no machine list');
			if (saving) {
				const saved = await saveClusterFile(saving.file, cluster, root);
				if (saving.copy) options.onEvent({type: 'notice', line: `The settings chosen are saved in ${saved}, a copy of ${machines.file} (outside ${root ?? ''}, where a rehearsal writes nothing).`});
			}
			return root === undefined ? deployCluster(cluster, {...options, ...(shown ? {shown} : {})}) : rehearseCluster(cluster, root, {...options, dryRun: system.dryRun});
		},
		[cluster, machines, root, saving, system.dryRun, shown],
	);
	switch (route.screen) {
		case 'list':
			return <MachineListScreen {...(machines ? {cluster: machines.cluster} : {})} onNext={toSettings} onLeave={() => onExit(0)} onBack={onBack ?? (() => onExit(0))} />;
		case 'settings':
			return cluster ? <ClusterSettingsScreen cluster={cluster} screen={screen} state={settings} backWord={given ? 'leave' : 'back to the machines'} onDone={review} onBack={() => (given ? onExit(0) : setRoute({screen: 'list'}))} /> : null;
		case 'reviewing':
			return <Text dimColor>Planning every node and reading its files…</Text>;
		case 'summary':
			return (
				<ClusterSummaryScreen
					nodes={route.nodes}
					target={root === undefined ? 'Planned for the article’s machine: the deploy reaches each node over SSH and checks it first (preflight on every node before any changes).' : `A rehearsal: node NAME’s files under ${root}/NAME; nothing goes over SSH.`}
					onDeploy={() => setRoute({screen: 'deploy'})}
					onBack={() => setRoute({screen: 'settings'})}
				/>
			);
		case 'deploy':
			return cluster && machines ? <ClusterDeployScreen nodes={cluster.nodes} run={run} words={endingWords(cluster.nodes.length, machines.file, root, system.dryRun, saving?.copy ? saving.file : undefined)} onExit={onExit} /> : null;
	}
}

// What the deploy's ending says, as the plain command says it (model/cluster-ending.ts); the screen
// is run again without --yes, undo only with it. `copy`: where a rehearsal saved the settings of a
// cluster file outside its root, which the commands then name.
function endingWords(nodes: number, file: string, root: string | undefined, dryRun: boolean, copy?: string): EndingWords {
	const rooted = `${shellQuote(copy ?? file)}${root === undefined ? '' : ` --root ${shellQuote(root)}`}`;
	const again = `mesos-setup cluster setup ${rooted}`;
	const undo = `mesos-setup cluster undo ${rooted} --yes`;
	const copied = copy === undefined ? '' : ` The settings chosen are in ${copy}, a copy of ${file}: a rehearsal writes nothing outside ${root ?? ''}.`;
	if (root !== undefined) return {done: `${rehearsalDone(root, dryRun, again)}${copied}`, again, undo};
	return {done: `Done: ${clusterProven(nodes)}.`, again, undo, status: `mesos-setup cluster status ${shellQuote(file)}`};
}
