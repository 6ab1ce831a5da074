import {sourceEnvFiles} from './shell-env-files.js';
import {readFlagDirectory} from './flag-directory.js';

/** A flag value and where it came from, so a refusal can name the file. */
export type Setting = {value: string; source: string};

export type MesosFlags = {
	flags: Map<string, Setting>;
	/** ULIMIT and LOGS are read by the wrapper itself, not passed on as flags. */
	environment: Map<string, Setting>;
	problems: string[];
};

export type MesosRole = 'master' | 'slave';

// Which variables of /etc/default/mesos{,-master,-slave} the init wrapper turns into flags.
const flagOfVariable: Record<MesosRole, Record<string, string>> = {
	master: {ZK: 'zk', IP: 'ip', PORT: 'port', CLUSTER: 'cluster', LOGS: 'log_dir'},
	slave: {MASTER: 'master', IP: 'ip', LOGS: 'log_dir', ISOLATION: 'isolation'},
};

// The variables the article writes; the lab refuses to start without them to catch a missed write.
const requiredVariables: Record<MesosRole, Record<string, string>> = {
	master: {LOGS: '/etc/default/mesos', ULIMIT: '/etc/default/mesos', PORT: '/etc/default/mesos-master', ZK: '/etc/default/mesos-master'},
	slave: {LOGS: '/etc/default/mesos', ULIMIT: '/etc/default/mesos', MASTER: '/etc/default/mesos-slave'},
};

/**
 * Collects a Mesos daemon's flags as the mesosphere init wrapper does: variables from
 * /etc/default/mesos and /etc/default/mesos-<role>, then one flag per file in /etc/mesos-<role>/.
 */
export function readMesosFlags(role: MesosRole): MesosFlags {
	const problems: string[] = [];
	const flags = new Map<string, Setting>();
	const environment = new Map<string, Setting>();
	const envFiles = sourceEnvFiles(['/etc/default/mesos', `/etc/default/mesos-${role}`]);
	for (const file of envFiles) {
		if (!file.exists) {
			problems.push(`${file.path} is missing`);
			continue;
		}
		if (file.status !== 0) problems.push(`${file.path} failed when sourced by bash (status ${file.status})`);
		for (const [name, value] of file.variables) {
			const setting = {value, source: `${name} in ${file.path}`};
			environment.set(name, setting);
			const flag = flagOfVariable[role][name];
			if (flag && value !== '') flags.set(flag, setting);
		}
	}
	for (const [name, file] of Object.entries(requiredVariables[role])) {
		const setting = environment.get(name);
		const fileExists = envFiles.find(f => f.path === file)?.exists;
		if (!setting && fileExists) problems.push(`${name} is not set in ${file}`);
		else if (setting?.value === '') problems.push(`${setting.source} is empty`);
	}
	for (const flag of readFlagDirectory(`/etc/mesos-${role}`)) {
		const earlier = flags.get(flag.name);
		if (earlier) {
			problems.push(`duplicate flag '--${flag.name}': ${flag.source} and ${earlier.source}`);
			continue;
		}
		flags.set(flag.name, {value: flag.value, source: flag.source});
	}
	return {flags, environment, problems};
}
