// The one place the terminal's input is read (Ink's useInput): each read is split into keys and
// handed to the router, which gives them to the screen shown. Screens use useKeys and useStop.
import {useInput} from 'ink';
import React, {createContext, type ReactNode, useContext, useEffect, useState} from 'react';
import {KeyRouter, type StopReason} from './key-router.js';
import {splitKeys} from './split-keys.js';

const RouterContext = createContext<KeyRouter | undefined>(undefined);

export const useKeyRouter = (): KeyRouter | undefined => useContext(RouterContext);

type Props = {
	children: ReactNode;
	// What stop does where no screen has a stop handler: end the program (with 130).
	onStop: (reason: StopReason) => void;
	// Aborted by SIGTERM, SIGHUP or SIGINT from outside the terminal: a stop, as Ctrl+C is.
	signal?: AbortSignal;
};

export function KeyRouterProvider({children, onStop, signal}: Props) {
	const [router] = useState(() => new KeyRouter(reason => onStop(reason)));
	useInput((input, key) => router.deliver(splitKeys(input, key)));
	useEffect(() => {
		if (!signal) return;
		const stop = () => router.stop('signal');
		if (signal.aborted) stop();
		signal.addEventListener('abort', stop, {once: true});
		return () => signal.removeEventListener('abort', stop);
	}, [signal, router]);
	return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}
