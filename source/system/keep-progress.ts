// An edit or a restart is applied with ApplyRun, which records its steps as the setup's progress.
// They are not a setup run: the setup's own progress is put back, so a finished setup stays
// finished (the home screen then still offers the menu, not the wizard).
import type {System} from './system.js';

export async function keepingSetupProgress<T>(system: System, work: () => Promise<T>): Promise<T> {
	const before = system.state.progress();
	try {
		return await work();
	} finally {
		if (before && !system.dryRun) system.state.saveProgress(before);
	}
}
