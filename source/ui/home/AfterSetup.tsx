// The screens of a machine already set up, and the way between them: the home menu leads to
// status, edit or the wizard again; status's e opens edit; q or Esc goes back to where one came
// from, and out of the program from the first screen.
import {type ReactNode, useEffect, useReducer, useState} from 'react';
import type {Answers} from '../../model/answers.js';
import {EditScreen} from '../edit/EditScreen.js';
import {StatusScreen} from '../status/StatusScreen.js';
import {type Route, routesReducer} from './after-setup-routes.js';
import {HomeMenu} from './HomeMenu.js';

export type AfterSetupProps = {
	start: 'home' | 'status' | 'edit';
	answers: Answers;
	// `mesos-setup edit ID [VALUE]`: the first edit screen opens this setting.
	editId?: string;
	editValue?: string;
	// The wizard, for "Run the full setup again"; it ends the program itself when done, and its
	// welcome goes back to the menu with Esc or q (`back`).
	setup: (back: () => void) => ReactNode;
	onExit: (code: number) => void;
};

export function AfterSetup({start, answers, editId, editValue, setup, onExit}: AfterSetupProps) {
	const [stack, go] = useReducer(routesReducer, [start === 'home' ? 'menu' : start] as Route[]);
	// After an edit, the answers it saved: a screen opened later reads the disk against them.
	const [answersNow, setAnswers] = useState(answers);
	const route = stack.at(-1);
	useEffect(() => {
		if (!route) onExit(0);
	}, [route, onExit]);
	const back = () => go({type: 'back'});
	switch (route) {
		case 'menu':
			return (
				<HomeMenu
					onStatus={() => go({type: 'open', route: 'status'})}
					onEdit={() => go({type: 'open', route: 'edit'})}
					onSetup={() => go({type: 'open', route: 'setup'})}
					onQuit={() => onExit(0)}
				/>
			);
		case 'status':
			return <StatusScreen answers={answersNow} onEdit={() => go({type: 'open', route: 'edit'})} onQuit={back} />;
		case 'edit': {
			// Only the edit screen the command line opened starts at the setting it named.
			const first = stack.length === 1 && start === 'edit';
			return (
				<EditScreen
					answers={answersNow}
					{...(first && editId ? {editId} : {})}
					{...(first && editValue !== undefined ? {editValue} : {})}
					onBack={back}
					onAnswersSaved={setAnswers}
				/>
			);
		}
		case 'setup':
			return <>{setup(back)}</>;
		case undefined:
			return null;
	}
}
