// The layout the chosen source's packages will read, predicted in the background whenever what it
// depends on (`key`) changes, for the wizard's pages and the cluster settings pages alike: the
// first frame and the keys never wait for it. A prediction the next one replaces is stopped (its
// signal aborted) and never reported; one that fails is reported as `fallback` gives it.
import {useEffect, useState} from 'react';

export type LayoutPrediction<T> = {
	// undefined: nothing to predict yet.
	key: string | undefined;
	predict: (signal: AbortSignal) => Promise<T>;
	fallback: (error: unknown) => T;
	onPredicted: (key: string, result: T) => void;
};

export function useLayoutPrediction<T>(options: LayoutPrediction<T>): void {
	// The functions as of the last render; only the key starts a prediction.
	const [latest] = useState(() => ({current: options}));
	latest.current = options;
	const {key} = options;
	useEffect(() => {
		if (key === undefined) return;
		const controller = new AbortController();
		const {predict, fallback} = latest.current;
		predict(controller.signal)
			.catch((error: unknown) => fallback(error))
			.then(result => controller.signal.aborted || latest.current.onPredicted(key, result));
		return () => controller.abort();
	}, [key, latest]);
}
