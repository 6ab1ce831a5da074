// The interactive app: cli.tsx renders it for every command that asks questions and awaits the
// exit code (0 done, 1 a step failed, 2 bad input). The System comes in from the command line
// and reaches every screen through context.
import {render} from 'ink';
import React, {useCallback, useState} from 'react';
import type {Answers} from '../model/answers.js';
import type {System} from '../system/system.js';
import {AfterSetup} from './home/AfterSetup.js';
import {SystemProvider} from './system-context.js';
import {Wizard} from './wizard/wizard.js';

export type AppCommand = 'home' | 'setup' | 'edit' | 'status';

export type AppOptions = {
	system: System;
	command: AppCommand;
	// Saved answers ← --answers ← --set, already validated by the command line.
	answers: Answers;
	editId?: string;
	editValue?: string;
	// Builds a sandbox System (./mesos-rehearsal, system commands not run) when a person accepts
	// the rehearsal offered where a real setup cannot work.
	rehearse?: () => Promise<System>;
};

type AppProps = AppOptions & {onExit: (code: number) => void};

export function App({system: first, command, answers, editId, editValue, rehearse, onExit}: AppProps) {
	const [system, setSystem] = useState(first);
	const switchToRehearsal = useCallback(async () => {
		if (rehearse) setSystem(await rehearse());
	}, [rehearse]);
	// Keyed by the root: accepting the rehearsal starts the wizard afresh in the sandbox.
	const wizardFrom = (onBack?: () => void) => (
		<Wizard key={system.root} answers={answers} {...(rehearse ? {rehearse: switchToRehearsal} : {})} {...(onBack ? {onBack} : {})} onExit={onExit} />
	);
	const wizard = wizardFrom();
	let screen: React.ReactNode;
	// The menu, status and edit (issue 4) find their way among themselves; setup again is the wizard.
	const afterSetup = (start: 'home' | 'status' | 'edit') => (
		<AfterSetup start={start} answers={answers} {...(editId ? {editId} : {})} {...(editValue === undefined ? {} : {editValue})} setup={wizardFrom} onExit={onExit} />
	);
	switch (command) {
		case 'edit':
		case 'status':
			screen = afterSetup(command);
			break;
		case 'home':
			// A machine set up before gets the menu (status, edit, setup again, undo); a fresh one the wizard.
			screen = system.state.setUpBefore() ? afterSetup('home') : wizard;
			break;
		case 'setup':
			screen = wizard;
			break;
	}
	return <SystemProvider system={system}>{screen}</SystemProvider>;
}

export async function renderApp(options: AppOptions): Promise<number> {
	let code = 0;
	// Ctrl+C is the wizard's to handle: it asks before quitting, as q does.
	const instance = render(
		<App
			{...options}
			onExit={exitCode => {
				code = exitCode;
				instance.unmount();
			}}
		/>,
		{exitOnCtrlC: false},
	);
	await instance.waitUntilExit();
	return code;
}
