// Renders the App for cli.tsx and awaits its exit code.
import {render} from 'ink';
import React from 'react';
import {App, type AppOptions} from './App.js';

// Ctrl+C is read as a key (the screens decide: the wizard asks first); `signal`, aborted by a
// signal from outside, stops what runs, then the app ends.
export async function renderApp({out, ...options}: AppOptions): Promise<number> {
	let code = 0;
	let message: string | undefined;
	const instance = render(
		<App
			{...options}
			onExit={(exitCode, farewell) => {
				code = exitCode;
				message = farewell;
				instance.unmount();
			}}
		/>,
		{exitOnCtrlC: false},
	);
	await instance.waitUntilExit();
	if (message) out?.(message);
	return code;
}
