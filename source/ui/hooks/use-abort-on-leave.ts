// A signal that aborts when the screen goes away, for what the screen started: a restart or a
// snapshot under way stops with the screen instead of running on unseen.
import {useEffect, useState} from 'react';

export function useAbortOnLeave(): AbortSignal {
	const [controller] = useState(() => new AbortController());
	useEffect(() => () => controller.abort(), [controller]);
	return controller.signal;
}
