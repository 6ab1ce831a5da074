// Setup of every unit file (vitest.config.ts): the unit files run beside the lab's, and the lab's
// files are the run's longest path (JVMs starting, elections, apt, systemd booting), so where both
// want a core, the lab's get it. This worker and everything it starts (the CLI, tmux, gpg) run at a
// lower priority; on an idle core they run as fast as ever. Niceness only ever goes up for a
// process, so a worker that runs several files sets it once and keeps it.
import os from 'node:os';

export const unitNiceness = 10;

if (os.getPriority() < unitNiceness) os.setPriority(unitNiceness);
