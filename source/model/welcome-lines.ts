// What the welcome says it found, once and plainly: the machine, its init system, the layout the
// configuration is written in and where the packages come from. Pure; the welcome screen shows it.
import type {Values} from './answers.js';
import type {Facts, InitSystem} from './facts.js';
import {agentDefaults, agentFolder, marathonConfDir, marathonDefaults} from './files.js';
import {sourceOf} from './repository-settings.js';

// How each init system is driven, in the words a person would check by hand.
const initWords: Record<InitSystem, string> = {
	upstart: 'upstart (/etc/init overrides, service)',
	sysv: 'sysv (update-rc.d, service)',
	systemd: 'systemd (systemctl)',
};

function machineLine(facts: Facts, sandbox: boolean): string {
	const key = facts.aptKey === 'present' ? 'apt-key present' : `apt-key ${facts.aptKey}: a keyring with signed-by`;
	// In a sandbox nothing runs as root (or at all), so whether this program is root is not said there.
	const parts = [`${facts.distro} ${facts.codename}`, key, ...(sandbox ? [] : [facts.isRoot ? 'running as root' : 'not running as root'])];
	const whose = facts.assumed ? (sandbox ? 'Assumed machine' : 'This machine (assumed)') : sandbox ? 'Sandbox machine' : 'This machine';
	return `${whose}: ${parts.join(' · ')}`;
}

// A sandbox has no init system running: the one its release ships is assumed.
function initLine(facts: Facts, sandbox: boolean): string {
	const how = facts.assumed ? ', the article’s' : sandbox ? `, as ${facts.distro} ${facts.codename} ships` : '';
	return `Init system: ${initWords[facts.init]}${how}`;
}

// Before the install the article's layout is assumed; where Mesos or Marathon is installed, theirs was read.
function layoutText(facts: Facts): string {
	const agent = `agent in ${agentFolder(facts.agentLayout)}/ and ${agentDefaults(facts.agentLayout)}`;
	const marathon = `Marathon in ${facts.marathonLayout === 'default-file' ? marathonDefaults : `${marathonConfDir}/`}`;
	const installed = facts.versions.mesos !== undefined || facts.versions.marathon !== undefined;
	return `Layout: ${agent}, ${marathon} (${installed ? 'as installed' : 'the article’s, until the install shows otherwise'})`;
}

function sourceLine(values: Values, facts: Facts): string {
	switch (sourceOf(values)) {
		case 'article':
			return `Packages from: the article’s repository, ${values['repo.url']}`;
		case 'apt':
			return `Packages from: the apt repository ${values['repo.url']} ${values['repo.suite'] || facts.codename} ${values['repo.component']}`;
		case 'folder':
			return `Packages from: the .deb files in ${values['repo.folder']}`;
	}
}

export function welcomeLines(facts: Facts, values: Values, sandbox: boolean): string[] {
	return [machineLine(facts, sandbox), initLine(facts, sandbox), layoutText(facts), sourceLine(values, facts)];
}
