// Subscribes a component to a status store for as long as it is shown.
import {useEffect, useSyncExternalStore} from 'react';
import type {StatusStore, StatusView} from './status-store.js';

export function useStatusView(store: StatusStore): StatusView {
	useEffect(() => {
		store.start();
		return () => store.stop();
	}, [store]);
	return useSyncExternalStore(store.subscribe, store.view);
}
