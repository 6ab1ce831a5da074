// A screen's keys: `handler` gets every key, one at a time, while the screen is shown (and active).
// It must read its state the moment a key comes (a useSyncReducer store's get()), never state
// captured at the last render: several keys can come before the next render. Outside a
// KeyRouterProvider (a component tested on its own) the hook reads the terminal itself.
import {useInput} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {KeyRouter} from './key-router.js';
import {useKeyRouter} from './use-key-router.js';
import {type KeyPress, splitKeys} from './split-keys.js';

export function useKeys(handler: (press: KeyPress) => void, options: {isActive?: boolean} = {}): void {
	const shared = useKeyRouter();
	// Tested alone: a router of its own; Ctrl+C then does nothing unless the screen handles stop.
	const [own] = useState(() => new KeyRouter(() => undefined));
	const router = shared ?? own;
	// The handler of the last render is the one called: it is a function, not state.
	const latest = useRef(handler);
	latest.current = handler;
	const active = options.isActive ?? true;
	useEffect(() => (active ? router.listen(press => latest.current(press)) : undefined), [router, active]);
	useInput((input, key) => own.deliver(splitKeys(input, key)), {isActive: shared === undefined});
}
