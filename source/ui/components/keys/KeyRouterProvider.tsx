// The one place the terminal's input is read (Ink's useInput): each read is split into keys and
// handed to the router, which gives them to the screen shown. Screens use useKeys and useStop; AfterSetup holds keys with useKeyRouter.
import {useInput} from 'ink';
import React, {createContext, type ReactNode, useEffect, useState} from 'react';
import {KeyRouter, type StopReason} from './key-router.js';
import {splitKeys} from './split-keys.js';

export const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);

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
	return <KeyRouterContext.Provider value={router}>{children}</KeyRouterContext.Provider>;
}
