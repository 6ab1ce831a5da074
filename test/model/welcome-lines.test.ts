// What the welcome says it found (issue 11, point 6): the machine, its init system, the layout and
// the package source, each once.
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {articleMachine, type Facts} from '../../source/model/facts.js';
import {welcomeLines} from '../../source/model/welcome-lines.js';

const debian12: Facts = {...articleMachine, distro: 'debian', codename: 'bookworm', init: 'systemd', aptKey: 'missing', assumed: false};

describe('the welcome’s lines', () => {
	it('a real machine: root or not, its init system as detected, the article’s layout before the install, the article’s repository', () => {
		expect(welcomeLines({...debian12, isRoot: false}, resolveValues({}), false)).toEqual([
			'This machine: debian bookworm · apt-key missing: a keyring with signed-by · not running as root',
			'Init system: systemd (systemctl)',
			'Layout: agent in /etc/mesos-slave/ and /etc/default/mesos-slave, Marathon in /etc/marathon/conf/ (the article’s, until the install shows otherwise)',
			'Packages from: the article’s repository, http://repos.mesosphere.io',
		]);
	});

	it('the installed packages’ layout, sysv, and an apt source on this machine’s codename', () => {
		const facts: Facts = {...debian12, init: 'sysv', agentLayout: 'agent', marathonLayout: 'default-file', versions: {mesos: '1.11.0', marathon: '1.10.26'}};
		const lines = welcomeLines(facts, resolveValues({'repo.source': 'apt', 'repo.url': 'https://mirror.example.org/mesos'}), false);
		expect(lines.slice(1)).toEqual([
			'Init system: sysv (update-rc.d, service)',
			'Layout: agent in /etc/mesos-agent/ and /etc/default/mesos-agent, Marathon in /etc/default/marathon (as installed)',
			'Packages from: the apt repository https://mirror.example.org/mesos bookworm main',
		]);
	});

	it('a sandbox: no word on root, the init system its release ships, or the article’s where nothing was read; a folder source', () => {
		expect(welcomeLines(debian12, resolveValues({'repo.source': 'folder', 'repo.folder': '/srv/debs'}), true)).toEqual([
			'Sandbox machine: debian bookworm · apt-key missing: a keyring with signed-by',
			'Init system: systemd (systemctl), as debian bookworm ships',
			expect.stringMatching(/^Layout: /),
			'Packages from: the .deb files in /srv/debs',
		]);
		expect(welcomeLines(articleMachine, resolveValues({}), true).slice(0, 2)).toEqual(['Assumed machine: ubuntu trusty · apt-key present', 'Init system: upstart (/etc/init overrides, service), the article’s']);
	});
});
