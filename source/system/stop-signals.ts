// SIGINT, SIGTERM and SIGHUP stop what runs instead of ending the program at once: the first one
// aborts the signal returned (the use case then ends its command's process group and records the
// step as stopped, and the program exits 130 by itself); a second one ends the program with 130.
// Listeners already there are taken off first: conf's atomic writes (when-exit) end the program by
// raising the signal again, which would arrive here as that second one. Their clean-up still runs
// on exit.
import {stoppedExitCode} from '../model/errors.js';

const names = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export type StopSignalName = (typeof names)[number];

export function stopOnSignals(onFirst: (name: StopSignalName) => void = () => undefined): AbortSignal {
	const controller = new AbortController();
	for (const name of names) {
		process.removeAllListeners(name);
		process.on(name, () => {
			if (controller.signal.aborted) process.exit(stoppedExitCode);
			onFirst(name);
			controller.abort();
		});
	}
	return controller.signal;
}
