// The live cluster status: a look at the cluster now, then every `intervalMs` after the last one
// ended (slow answers never pile up); refresh() looks again at once. Looks under way end when the
// screen is left, and so does the watch (its SSH sessions).
import {useCallback, useEffect, useRef, useState} from 'react';
import {errorMessage} from '../../model/errors.js';
import type {ClusterLook, ClusterWatch} from '../../use-cases/cluster-review.js';

export type LookView = {look?: ClusterLook; at?: Date; error?: string; looking: boolean};

export function useClusterLook(open: () => ClusterWatch, intervalMs = 2000): LookView & {refresh(): void} {
	const [view, setView] = useState<LookView>({looking: true});
	const [watch] = useState(open);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const live = useRef(true);
	const busy = useRef(false);
	const look = useCallback(async () => {
		if (busy.current) return;
		busy.current = true;
		clearTimeout(timer.current);
		setView(old => ({...old, looking: true}));
		try {
			const look = await watch.take();
			if (live.current) setView({look, at: new Date(), looking: false});
		} catch (error) {
			if (live.current) setView(old => ({...old, error: errorMessage(error), looking: false}));
		}
		busy.current = false;
		if (live.current) timer.current = setTimeout(() => void look(), intervalMs);
	}, [watch, intervalMs]);
	useEffect(() => {
		live.current = true;
		void look();
		return () => {
			live.current = false;
			clearTimeout(timer.current);
		};
	}, [look]);
	// Its SSH sessions (Docker's, on the nodes that use it) end with the screen.
	useEffect(() => () => void watch.close(), [watch]);
	return {...view, refresh: () => void look()};
}
