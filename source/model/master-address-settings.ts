// The address a Mesos master advertises: its ip and host name. The article does not write them (one
// machine: the master picks its own), so empty writes no file; in a cluster each master's is its
// address, derived from the machine list (cluster-derivation.ts), never typed.
import {masterAddressPath} from './files.js';
import {type SettingEntry, whole} from './setting-entry.js';
import * as v from './validate.js';

export const masterAddressSettings = [
	{
		id: 'master.ip',
		label: 'Master IP address',
		help: 'The address the Mesos master listens on and tells the other masters, agents and frameworks. Empty: no file, the master picks its own (one machine, as in the article); in a cluster, each master’s address.',
		default: '',
		validate: v.emptyOr(v.ipv4, 'the master picks its own address'),
		restarts: ['mesos-master'],
		location: whole(masterAddressPath('ip')),
		emptyWritesNothing: true,
	},
	{
		id: 'master.hostname',
		label: 'Master host name',
		help: 'The name the Mesos master advertises, in the links of its web UI and to frameworks. Empty: no file, the master uses its host’s name (one machine, as in the article); in a cluster, each master’s address.',
		default: '',
		validate: v.emptyOr(v.hostname, 'the master uses its host’s name'),
		restarts: ['mesos-master'],
		location: whole(masterAddressPath('hostname')),
		emptyWritesNothing: true,
	},
] as const satisfies readonly SettingEntry[];
