// Renders the app for cli.tsx and awaits its exit code. The first frame is drawn at once
// (AppWhenReady); the System and the answers are prepared behind it.
import {render} from 'ink';
import React from 'react';
import type {AppOptions} from './App.js';
import {type AppReady, AppWhenReady} from './AppWhenReady.js';

export type RenderAppOptions = Omit<AppOptions, keyof AppReady> & {prepare: () => Promise<AppReady>};

// Ctrl+C is read as a key (the screens decide: the wizard asks first); `signal`, aborted by a
// signal from outside, stops what runs, then the app ends. A failure while preparing (bad input)
// ends the app and is thrown here, for the command line to say.
export async function renderApp({out, prepare, ...options}: RenderAppOptions): Promise<number> {
	let code = 0;
	let message: string | undefined;
	let failure: {error: unknown} | undefined;
	const instance = render(
		<AppWhenReady
			{...options}
			prepare={prepare}
			onFailed={error => {
				failure = {error};
				// The waiting line goes: what was wrong is said in its place.
				instance.clear();
				instance.unmount();
			}}
			onExit={(exitCode, farewell) => {
				code = exitCode;
				message = farewell;
				instance.unmount();
			}}
		/>,
		{exitOnCtrlC: false},
	);
	await instance.waitUntilExit();
	if (failure) throw failure.error;
	if (message) out?.(message);
	return code;
}
