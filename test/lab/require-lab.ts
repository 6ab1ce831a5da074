import {existsSync, readFileSync} from 'node:fs';
import {describe} from 'vitest';

/** Why the lab cannot run here, or undefined when it can (root, on a Debian-family system with apt). */
export function labUnavailableReason(): string | undefined {
	if (process.platform !== 'linux') return `the lab needs Linux, and this is ${process.platform}`;
	if (process.getuid?.() !== 0) return 'the lab needs root (it installs packages and writes /etc)';
	const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
	if (!/^(ID|ID_LIKE)=.*\bdebian\b/m.test(osRelease)) return 'the lab needs a Debian-family system';
	if (!existsSync('/usr/bin/apt-get') || !existsSync('/usr/sbin/service')) return 'the lab needs apt-get and service';
	return undefined;
}

/**
 * describe() for lab tests: skipped with the reason printed where the lab cannot run, except under
 * CI=true, where a lab that cannot run is a failure, never a silent skip.
 */
export function describeLab(name: string, body: () => void): void {
	const reason = labUnavailableReason();
	if (!reason) {
		describe.sequential(name, body);
		return;
	}
	if (process.env.CI === 'true') throw new Error(`${name}: CI=true but ${reason}`);
	console.log(`skipping "${name}": ${reason}`);
	describe.skip(name, body);
}
