// The app's first frame, drawn before anything else is done: the command line renders this at
// once, and the System (detection, dpkg and apt look-ups, the saved state) and the answers are
// gathered behind it. Only Ink, React and this file are loaded for it; the screens are imported
// while the machine is looked at, so neither waits for the other.
import {Text} from 'ink';
import React, {type ComponentType, useEffect, useState} from 'react';
import type {AppOptions, AppProps} from './App.js';
import {stoppedExitCode} from '../model/errors.js';

// What the app needs that takes a look at the machine first: the System and the answers.
export type AppReady = Pick<AppOptions, 'system' | 'answers'>;

type Props = Omit<AppProps, keyof AppReady> & {
	prepare: () => Promise<AppReady>;
	// Preparing failed (a bad answers file, a --root that cannot be used): the caller ends the app and says why.
	onFailed: (error: unknown) => void;
};

type Loaded = {App: ComponentType<AppProps>; ready: AppReady};

export function AppWhenReady({prepare, onFailed, ...app}: Props) {
	const [loaded, setLoaded] = useState<Loaded>();
	useEffect(() => {
		let live = true;
		// prepare() first: its first file reads are under way while the screens' modules load.
		const ready = prepare();
		Promise.all([ready, import('./App.js')]).then(
			([done, module]) => {
				if (live) setLoaded({App: module.App, ready: done});
			},
			(error: unknown) => {
				if (live) onFailed(error);
			},
		);
		return () => {
			live = false;
		};
		// renderApp renders this once, so both stay the same and the machine is looked at once.
	}, [prepare, onFailed]);
	// A signal from outside before the screens are there: nothing runs yet, so the app ends at once.
	const {signal, onExit} = app;
	useEffect(() => {
		if (loaded || !signal) return;
		const stop = () => onExit(stoppedExitCode);
		if (signal.aborted) stop();
		signal.addEventListener('abort', stop, {once: true});
		return () => signal.removeEventListener('abort', stop);
	}, [loaded, signal, onExit]);
	if (!loaded) {
		return (
			<Text>
				<Text bold color="cyan">
					mesos-setup
				</Text>
				<Text dimColor> · looking at this machine…</Text>
			</Text>
		);
	}
	const {App} = loaded;
	return <App {...app} {...loaded.ready} />;
}
