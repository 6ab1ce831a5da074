import {createLog, type Log} from './standin-log.js';
import {daemonArguments, daemonName} from './standin-arguments.js';
import {runChronos} from './chronos.js';
import {runMarathon} from './marathon.js';
import {runMesosMaster} from './mesos-master.js';
import {runMesosSlave} from './mesos-slave.js';

/** Stops a running stand-in: closes its ZooKeeper session (dropping its ephemeral znodes) and server. */
export type Stop = () => void;

const daemons: Record<string, (log: Log) => Promise<Stop | string[]>> = {
	'mesos-master': runMesosMaster,
	'mesos-slave': runMesosSlave,
	// The agent as the newer wrapper starts it (/usr/sbin/mesos-agent, reading /etc/mesos-agent).
	'mesos-agent': runMesosSlave,
	marathon: runMarathon,
	chronos: runChronos,
};

const name = daemonName;
const run = daemons[name];
if (!run) {
	process.stderr.write(`usage: standin.mjs (${Object.keys(daemons).join('|')})\n`);
	process.exit(2);
}
const log = createLog(name);
log.info(`Starting ${name} (mesos-setup lab stand-in, node ${process.version})`);
// Exactly what the init wrapper or start script passed, for a test to compare with what it expects.
log.info(`Command line: ${JSON.stringify(daemonArguments())}`);
let stop: Stop | undefined;
// Handlers go in first: a daemon still waiting for ZooKeeper must stop cleanly too.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.once(signal, () => {
		log.info(`Received ${signal}; shutting down`);
		stop?.();
		process.exit(0);
	});
}
try {
	const started = await run(log);
	if (Array.isArray(started)) {
		for (const problem of started) log.error(`refusing to start: ${problem}`);
		process.exit(1);
	}
	stop = started;
} catch (error) {
	log.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
