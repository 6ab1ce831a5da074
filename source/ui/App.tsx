// The interactive app: cli.tsx renders it for every command that asks questions and awaits the
// exit code (0 done, 1 a step failed, 2 bad input, 130 stopped). The System and its use cases come
// in from the command line and reach every screen through context; keys reach the screen shown
// through one KeyRouter, one key at a time.
import React, {useCallback, useState} from 'react';
import type {Answers} from '../model/answers.js';
import {stoppedExitCode} from '../model/errors.js';
import {currentPage} from '../model/wizard-state.js';
import type {System} from '../system/system.js';
import {KeyRouterProvider} from './components/keys/KeyRouterProvider.js';
import {useKeyRouter} from './components/keys/use-key-router.js';
import {AfterSetup} from './AfterSetup.js';
import type {Cluster} from '../model/cluster.js';
import {watchCluster} from '../use-cases/cluster-review.js';
import {ClusterScreens} from './cluster/ClusterScreens.js';
import {ClusterStatusScreen} from './cluster/ClusterStatusScreen.js';
import {useSystem} from './hooks/use-system.js';
import {UndoScreen} from './undo/UndoScreen.js';
import {useUseCases} from './hooks/use-use-cases.js';
import {UseCasesProvider} from './UseCasesProvider.js';
import {farewell} from './wizard/quit-words.js';
import type {WizardExit} from './wizard/use-wizard.js';
import {Wizard} from './wizard/Wizard.js';

export type AppCommand = 'home' | 'setup' | 'edit' | 'status' | 'undo' | 'cluster setup' | 'cluster status';

export type AppOptions = {
	system: System;
	command: AppCommand;
	// Saved answers ← --answers ← --set, already validated by the command line.
	answers: Answers;
	editId?: string;
	editValue?: string;
	// cluster setup|status FILE: the cluster file as read, and its name as typed.
	cluster?: Cluster;
	clusterFile?: string;
	// Builds a sandbox System (./mesos-rehearsal, system commands not run) when a person accepts
	// the rehearsal offered where a real setup cannot work.
	rehearse?: () => Promise<System>;
	// Where the line left after the screen is gone goes (stopped at…, quit at…).
	out?: (line: string) => void;
	// Aborted by a signal from outside (SIGTERM, SIGHUP, SIGINT): what runs is stopped, then the app ends.
	signal?: AbortSignal;
};

export type AppProps = Omit<AppOptions, 'out'> & {onExit: (code: number, message?: string) => void};

type ScreensProps = Pick<AppOptions, 'command' | 'answers' | 'editId' | 'editValue' | 'cluster' | 'clusterFile'> & {rehearse?: () => Promise<void>; onExit: AppProps['onExit']};

function Screens({command, answers, editId, editValue, cluster, clusterFile, rehearse, onExit}: ScreensProps) {
	const useCases = useUseCases();
	const system = useSystem();
	// "Several machines" on the welcome: the machine list replaces the wizard.
	const [several, setSeveral] = useState(false);
	const router = useKeyRouter();
	const wizardExit = useCallback((exit: WizardExit) => {
		if (exit.state.mode.kind === 'exit' && exit.state.mode.reason === 'several') {
			// The wizard still listens until React has run the list's effects: keys typed with this
			// Enter wait for the list instead of reaching the wizard leaving.
			router?.hold();
			setSeveral(true);
			return;
		}
		const {page} = currentPage(exit.state);
		const message = farewell(exit.state, page, exit.summary);
		onExit(exit.code, message);
	}, [onExit, router]);
	// Back from the machine list (Esc), the welcome comes again with "Several machines" under the
	// cursor; keys typed with the Esc wait for it, as they wait for the list above.
	const [backFromSeveral, setBackFromSeveral] = useState(false);
	const backToWelcome = useCallback(() => {
		router?.hold();
		setBackFromSeveral(true);
		setSeveral(false);
	}, [router]);
	const wizardFrom = (onBack?: () => void) => <Wizard answers={answers} {...(rehearse ? {rehearse} : {})} {...(onBack ? {onBack} : {})} {...(backFromSeveral ? {startOn: 'several' as const} : {})} onExit={wizardExit} />;
	// The menu, status and edit find their way among themselves; setup again is the wizard.
	const afterSetup = (start: 'home' | 'status' | 'edit') => (
		<AfterSetup start={start} answers={answers} {...(editId ? {editId} : {})} {...(editValue === undefined ? {} : {editValue})} setup={wizardFrom} onExit={onExit} />
	);
	if (several) return <ClusterScreens onExit={onExit} onBack={backToWelcome} />;
	if (command === 'cluster setup' && cluster) return <ClusterScreens cluster={cluster} {...(clusterFile ? {file: clusterFile} : {})} onExit={onExit} />;
	if (command === 'cluster status' && cluster) return <ClusterStatusScreen cluster={cluster} open={() => watchCluster(cluster, {probes: system.probes, sandbox: system.sandbox})} onExit={onExit} />;
	switch (command) {
		case 'edit':
		case 'status':
			return afterSetup(command);
		case 'home':
			// A machine set up before gets the menu (status, edit, setup again, undo); a fresh one the wizard.
			return useCases.setUpBefore() ? afterSetup('home') : wizardFrom();
		case 'setup':
			return wizardFrom();
		case 'undo':
			return <UndoScreen onDone={code => onExit(code)} />;
		default:
			return null;
	}
}

export function App({system: first, signal, onExit, rehearse, ...screens}: AppProps) {
	const [system, setSystem] = useState(first);
	const switchToRehearsal = useCallback(async () => {
		if (rehearse) setSystem(await rehearse());
	}, [rehearse]);
	// Keyed by the root: accepting the rehearsal starts afresh in the sandbox.
	return (
		<UseCasesProvider key={system.root} system={system}>
			<KeyRouterProvider onStop={() => onExit(stoppedExitCode)} {...(signal ? {signal} : {})}>
				<Screens {...screens} {...(rehearse ? {rehearse: switchToRehearsal} : {})} onExit={onExit} />
			</KeyRouterProvider>
		</UseCasesProvider>
	);
}
