// The screens of a machine already set up, and the way between them: the home menu leads to
// status, edit, undo or the wizard again; status's e opens edit; q or Esc goes back to where one
// came from, and out of the program from the first screen. Keys typed while a screen hands over
// wait for the next one (the KeyRouter holds them).
import React, {type ReactNode, useEffect, useReducer, useState} from 'react';
import type {Answers} from '../model/answers.js';
import {useKeyRouter} from './components/keys/use-key-router.js';
import {EditScreen} from './edit/EditScreen.js';
import {StatusScreen} from './status/StatusScreen.js';
import {UndoScreen} from './undo/UndoScreen.js';
import {type Route, routeNames, routesReducer} from './after-setup-routes.js';
import type {HomeChoice} from './home/home-choices.js';
import {HomeMenu} from './home/HomeMenu.js';

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
	const router = useKeyRouter();
	const [stack, go] = useReducer(routesReducer, [start === 'home' ? 'menu' : start] as Route[]);
	// After an edit or an undo, the answers it saved: a screen opened later reads the disk against them.
	const [answersNow, setAnswers] = useState(answers);
	// The menu's highlight when it comes back.
	const [lastChoice, setLastChoice] = useState<HomeChoice>('status');
	const route = stack.at(-1);
	// The screen `back` returns to (none: back leaves the program).
	const below = stack.at(-2);
	useEffect(() => {
		if (!route) onExit(0);
	}, [route, onExit]);
	const open = (next: Route) => {
		router?.hold();
		go({type: 'open', route: next});
	};
	const back = () => {
		router?.hold();
		go({type: 'back'});
	};
	switch (route) {
		case 'menu':
			return (
				<HomeMenu
					start={lastChoice}
					onChoose={choice => {
						setLastChoice(choice);
						if (choice === 'quit') onExit(0);
						else open(choice === 'setup' ? 'setup' : choice);
					}}
				/>
			);
		case 'status':
			return <StatusScreen answers={answersNow} onEdit={() => open('edit')} onQuit={back} {...(below ? {backTo: routeNames[below]} : {})} />;
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
		case 'undo':
			return <UndoScreen onDone={back} onAnswers={setAnswers} />;
		case 'setup':
			return <>{setup(back)}</>;
		case undefined:
			return null;
	}
}
