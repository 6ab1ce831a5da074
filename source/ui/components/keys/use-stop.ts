// A screen's stop handler: what Ctrl+C and SIGTERM do while it is shown (without one, the
// KeyRouterProvider's onStop ends the program).
import {useEffect, useRef} from 'react';
import type {StopHandler} from './key-router.js';
import {useKeyRouter} from './use-key-router.js';

export function useStop(handler: StopHandler): void {
	const shared = useKeyRouter();
	const latest = useRef(handler);
	latest.current = handler;
	useEffect(() => shared?.onStop(reason => latest.current(reason)), [shared]);
}
