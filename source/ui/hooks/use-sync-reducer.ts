// useReducer whose state is current the moment an action is dispatched. Keys can arrive faster
// than React renders (and before a new key handler is subscribed); a handler that reads `get()`
// sees the effect of every key before it, where one closing over rendered state would not.
import {useState, useSyncExternalStore} from 'react';

export type SyncReducer<S, A> = {get(): S; dispatch(action: A): void};

export function useSyncReducer<S, A>(reducer: (state: S, action: A) => S, initial: S): [S, SyncReducer<S, A>] {
	const [store] = useState(() => {
		let state = initial;
		const listeners = new Set<() => void>();
		return {
			get: () => state,
			dispatch(action: A) {
				const next = reducer(state, action);
				if (next === state) return;
				state = next;
				for (const listener of listeners) listener();
			},
			subscribe(listener: () => void) {
				listeners.add(listener);
				return () => {
					listeners.delete(listener);
				};
			},
		};
	});
	const state = useSyncExternalStore(store.subscribe, store.get);
	return [state, store];
}
