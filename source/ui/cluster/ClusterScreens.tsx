// Several machines, screen after screen: the machine list (saved as the cluster file), the settings
// pages asked once for every node, the summary of every node's changes, then the deploy with a pane
// per node. In a sandbox (--root DIR) the deploy is rehearsed, node NAME under DIR/NAME, nothing over
// SSH; otherwise it goes over SSH as cluster setup --yes does. The settings a person sets are saved
// into the cluster file's `settings` before the deploy starts.
import {Text} from 'ink';
import React, {useCallback, useMemo, useState} from 'react';
import type {NodeChanges} from '../../model/cluster-changes.js';
import {chosenSettings, clusterSettings, clusterSettingsPages, clusterSettingsReducer} from '../../model/cluster-settings.js';
import {nodePlan} from '../../model/cluster-plan.js';
import type {Cluster} from '../../model/cluster.js';
import {errorMessage, InputError} from '../../model/errors.js';
import {articleMachine} from '../../model/facts.js';
import type {Plan} from '../../model/plan.js';
import {shellQuote} from '../../model/script.js';
import {deployCluster, rehearseCluster, saveClusterFile} from '../../use-cases/cluster.js';
import {reviewCluster} from '../../use-cases/cluster-review.js';
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
};

// The pages every node's plan has (made for the article's machine: only which settings a page asks matters here).
const pagesOf = (cluster: Cluster) => clusterSettingsPages(cluster.nodes.map(node => nodePlan({...cluster, settings: {}}, node, articleMachine)));

export function ClusterScreens({cluster: given, file: givenFile, onExit}: Props) {
	const system = useSystem();
	const [route, setRoute] = useState<Route>(given ? {screen: 'settings'} : {screen: 'list'});
	const [machines, setMachines] = useState<{cluster: Cluster; file: string} | undefined>(given && givenFile ? {cluster: given, file: givenFile} : undefined);
	const [settings, screen] = useSyncReducer(clusterSettingsReducer, given ? clusterSettings(pagesOf(given), given.settings) : clusterSettings([], {}));
	const cluster = useMemo(() => (machines ? {...machines.cluster, settings: chosenSettings(settings)} : undefined), [machines, settings]);
	const root = system.sandbox ? system.root : undefined;
	// What the summary showed of each node, for the deploy to ask about a node whose own source reads elsewhere.
	const [shown, setShown] = useState<ReadonlyMap<string, Plan>>();
	const toSettings = useCallback(
		(listed: Cluster, file: string) => {
			setMachines({cluster: listed, file});
			// The pages depend on the roles listed; what was typed before is kept.
			const kept = screen.get().pages.length > 0 ? chosenSettings(screen.get()) : listed.settings;
			screen.dispatch({type: 'start', pages: pagesOf(listed), settings: kept});
			setRoute({screen: 'settings'});
		},
		[screen],
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
	}, [cluster, root, screen]);
	const run = useCallback(
		async (options: DeployOptions) => {
			if (!cluster || !machines) throw new Error('no machine list');
			// The file is written again only when the settings changed: a hand-written one keeps its comments otherwise.
			if (JSON.stringify(cluster.settings) !== JSON.stringify(machines.cluster.settings)) await saveClusterFile(machines.file, cluster);
			return root === undefined ? deployCluster(cluster, {...options, ...(shown ? {shown} : {})}) : rehearseCluster(cluster, root, {...options, dryRun: system.dryRun});
		},
		[cluster, machines, root, system.dryRun, shown],
	);
	switch (route.screen) {
		case 'list':
			return <MachineListScreen {...(machines ? {cluster: machines.cluster} : {})} onNext={toSettings} onLeave={() => onExit(0)} />;
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
			return cluster && machines ? <ClusterDeployScreen nodes={cluster.nodes} run={run} done={root === undefined ? `Done: ${cluster.nodes.length} nodes set up and the cluster proven.` : `Done: every node's files are under ${root}/NAME; nothing went over SSH.`} again={`mesos-setup cluster setup ${shellQuote(machines.file)}${root === undefined ? '' : ` --root ${shellQuote(root)}`}`} onExit={onExit} /> : null;
	}
}
