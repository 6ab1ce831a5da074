// What a person does by hand with the lab's packages and sources, for the tests that prove the lab
// without mesos-setup: apt limited to one source list, throwaway gpg homes, the daemons' command lines.
import {existsSync, readFileSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {isAlive, pidFromFile} from './lab-processes.js';
import {stopGpgAgents} from './signing-key.js';
import {waitFor} from '../helpers/wait-for.js';

const minute = 60_000;

/** Runs a command as a person would, never throwing: the test reads exitCode and all. */
export const run = (command: string, args: string[], options: {timeout?: number; env?: Record<string, string>} = {}) =>
	execa(command, args, {reject: false, all: true, timeout: options.timeout ?? 5 * minute, env: {DEBIAN_FRONTEND: 'noninteractive', ...options.env}});

/** The lab's own source list; the machine snapshot takes it away again. */
export const labSourceList = '/etc/apt/sources.list.d/mesos-setup-lab.list';

/**
 * Writes one source line and runs `apt-get update` on it alone (Debian's lists untouched), with
 * any extra apt options (-o ...). A later plain `apt-get install` sees it beside Debian's sources.
 */
export async function aptUpdateFrom(sourceLine: string, options: string[] = []) {
	await writeFile(labSourceList, `${sourceLine}\n`);
	return run('apt-get', ['update', '-o', `Dir::Etc::sourcelist=${labSourceList}`, '-o', 'Dir::Etc::sourceparts=-',
		'-o', 'APT::Get::List-Cleanup=0', ...options]);
}

/** Installed packages' versions, as detection would read them. */
export async function installedVersions(names: string[]): Promise<Record<string, string>> {
	const {stdout} = await run('dpkg-query', ['-W', '-f=${Package} ${Version} ${Status}\\n', ...names]);
	return Object.fromEntries(stdout.split('\n').filter(line => line.endsWith('install ok installed')).map(line => line.split(' ').slice(0, 2)));
}

/** Runs body with a GNUPGHOME of its own, then ends its agents and deletes it. */
export async function withGnupgHome<T>(body: (home: string) => Promise<T>): Promise<T> {
	const home = await mkdtemp(path.join(tmpdir(), 'lab-by-hand-gpg-'));
	try {
		return await body(home);
	} finally {
		await stopGpgAgents(home);
		await rm(home, {recursive: true, force: true});
	}
}

/** A key file's full fingerprints and user ids, as gpg reads them (without importing it anywhere). */
export async function showKey(file: string): Promise<{fingerprints: string[]; userIds: string[]}> {
	return withGnupgHome(async home => {
		const {stdout} = await execa('gpg', ['--batch', '--with-colons', '--show-keys', file], {env: {GNUPGHOME: home}});
		const lines = stdout.split('\n').map(line => line.split(':'));
		return {
			fingerprints: lines.filter(fields => fields[0] === 'fpr').map(fields => fields[9] ?? ''),
			userIds: lines.filter(fields => fields[0] === 'uid').map(fields => fields[9] ?? ''),
		};
	});
}

/** The command line of a running service's daemon (after its wrapper's exec): argv without node, bundle and name. */
export function daemonCommandLine(service: string): string[] | undefined {
	const pid = pidFromFile(`/run/${service}.pid`);
	if (pid === undefined || !existsSync(`/proc/${pid}/cmdline`)) return undefined;
	const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
	return argv[1]?.endsWith('standin.mjs') ? argv.slice(3) : undefined;
}

/** Waits for the daemon behind a service to be running and returns its command line. */
export const runningCommandLine = (service: string) =>
	waitFor(`${service}'s daemon in /run/${service}.pid`, () => daemonCommandLine(service));

/** The lines of a log that say why a service's daemon refused to start, once it has exited. */
export const refusals = (service: string, logFile: string) => waitFor(`${service} to exit with a refusal in ${logFile}`, () => {
	const pid = pidFromFile(`/run/${service}.pid`);
	if (pid !== undefined && isAlive(pid)) return undefined;
	const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(line => line.includes('refusing to start: ')) : [];
	return lines.length > 0 ? lines.map(line => line.slice(line.indexOf('refusing to start: ') + 'refusing to start: '.length)) : undefined;
});
