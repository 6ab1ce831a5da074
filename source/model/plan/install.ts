// Install: apt's lists refreshed, then the mesosphere package and what it depends on.
import {type Action, minutes, type Step} from './types.js';

export const refreshListsAction: Action = {kind: 'run', title: 'Refresh package lists', argv: ['apt-get', '-y', 'update'], timeoutMs: minutes(10), progress: 'apt'};

export function installStep(): Step {
	return {
		id: 'install',
		title: 'Install',
		summary: 'Refreshes apt’s package lists and installs mesosphere: Mesos, Marathon, Chronos and ZooKeeper.',
		actions: [
			refreshListsAction,
			{
				kind: 'run',
				title: 'Install mesosphere',
				argv: ['apt-get', 'install', '-y', 'mesosphere'],
				env: {DEBIAN_FRONTEND: 'noninteractive'},
				timeoutMs: minutes(30),
				progress: 'apt',
			},
		],
	};
}
