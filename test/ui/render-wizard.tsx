// Renders the app over a temp --root sandbox, the way cli.tsx does, for screen tests.
import {render} from 'ink-testing-library';
import React from 'react';
import type {Answers} from '../../source/model/answers.js';
import {App, type AppCommand} from '../../source/ui/App.js';
import {createSystem, type System} from '../../source/system/system.js';
import {tempRoot} from '../helpers/temp-root.js';

export type RenderedApp = ReturnType<typeof render> & {system: System; root: string; exitCode: () => number | undefined; farewell: () => string | undefined};

export async function renderWizard(options: {answers?: Answers; command?: AppCommand; system?: System; rehearse?: () => Promise<System>} = {}): Promise<RenderedApp> {
	const root = options.system?.root ?? (await tempRoot());
	const system = options.system ?? (await createSystem({root}));
	let code: number | undefined;
	let message: string | undefined;
	const app = render(
		<App
			system={system}
			command={options.command ?? 'setup'}
			answers={options.answers ?? {}}
			{...(options.rehearse ? {rehearse: options.rehearse} : {})}
			onExit={(exitCode, said) => {
				code = exitCode;
				message = said;
			}}
		/>,
	);
	return Object.assign(app, {system, root, exitCode: () => code, farewell: () => message});
}

// The two terminals every screen is read in: the smallest common one and a roomy one.
export const terminalSizes = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
] as const;

// ink-testing-library's stdout has no size: the app is given one, then told, as a terminal would.
export function resizeTo(app: Pick<RenderedApp, 'stdout'>, size: {columns: number; rows: number}): void {
	Object.defineProperty(app.stdout, 'columns', {value: size.columns});
	Object.assign(app.stdout, {rows: size.rows});
	app.stdout.emit('resize');
}
