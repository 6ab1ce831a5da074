// The .deb for real. Built once for the run by the script behind `npm run package`, from this
// run's dist/cli.js (npm test builds it first), then installed with dpkg -i on this machine as it
// would be without Node (an overlay of / in a mount namespace, node removed from it; see
// machine-without-node.ts) and used there as an admin would: --version, plan and setup --yes in
// sandboxes, compared with what `node dist/cli.js` does; man mesos-setup; Tab in bash; dpkg -r.
// The host's dpkg database, /usr and mounts are checked unchanged at the end.
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {commandLine} from '../../source/cli/command-line.js';
import {helpText} from '../../source/cli/help-text.js';
import {settingIds} from '../../source/model/settings.js';
import {type Built, buildPackages} from '../../scripts/package.js';
import {cliPath} from '../helpers/cli.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';
import {installLabPrerequisites} from '../lab/install-prerequisites.js';
import {acquireMachineLock} from '../lab/machine-lock.js';
import {describeLab} from '../lab/require-lab.js';
import {TmuxSession} from '../helpers/tmux.js';
import {MachineWithoutNode, type Ran, stockEnv} from './machine-without-node.js';

const version = (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;

// What differs between two runs of the same setup: where, when (the run id) and the disk's free space.
const sameRun = (text: string, root: string): string =>
	text
		.replaceAll(root, 'ROOT')
		.replaceAll(/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]+/g, 'RUN-ID')
		.replaceAll(/\d+ MB free/g, 'N MB free');

// Runs of the npm build, on the host, with the same stock environment.
async function withNode(args: string[]): Promise<Ran> {
	const result = await execa(process.execPath, [cliPath, ...args], {reject: false, stdin: 'ignore', env: stockEnv, extendEnv: false, timeout: 120_000});
	return {exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr)};
}

const words = (text: string): string => text.replaceAll(/\s+/g, ' ').trim();

async function hostPackageState(): Promise<string> {
	const result = await execa('dpkg-query', ['-W', '-f=${db:Status-Abbrev}', 'mesos-setup'], {reject: false});
	return result.exitCode === 0 ? String(result.stdout).trim() : 'not installed';
}

describeLab('the Debian package, on a machine without Node', () => {
	let work = '';
	let built: Built;
	let machine: MachineWithoutNode | undefined;
	let release: (() => void) | undefined;
	let hostBefore: {status: string; usrBin: boolean};

	beforeAll(async () => {
		// The overlay's lower layer is the live /: no lab may change packages under it meanwhile.
		release = await acquireMachineLock(10 * 60_000);
		// strip and dpkg-shlibdeps to build, man and bash-completion to read (one list for every test).
		await installLabPrerequisites();
		work = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-deb-test-'));
		// Built once for the whole file, by the same code as npm run package.
		built = await buildPackages(path.join(work, 'release'));
		hostBefore = {status: await hostPackageState(), usrBin: existsSync('/usr/bin/mesos-setup')};
		machine = await MachineWithoutNode.start([work]);
	}, 15 * 60_000);

	afterAll(async () => {
		try {
			await machine?.stop();
		} finally {
			release?.();
			if (work) await rm(work, {recursive: true, force: true});
		}
		// Nothing of it reached the host: no package, no file, no mount.
		expect(await hostPackageState()).toBe(hostBefore.status);
		expect(existsSync('/usr/bin/mesos-setup')).toBe(hostBefore.usrBin);
		const mounts = await readFile('/proc/self/mountinfo', 'utf8');
		expect(mounts).not.toContain('mesos-setup-no-node');
	}, 5 * 60_000);

	const on = (): MachineWithoutNode => {
		if (!machine) throw new Error('the machine without Node did not start');
		return machine;
	};

	it('is named as Debian names packages and carries dist/cli.js byte for byte', async () => {
		const arch = String((await execa('dpkg', ['--print-architecture'])).stdout).trim();
		expect(path.basename(built.deb)).toBe(`mesos-setup_${version}_${arch}.deb`);
		const executable = await readFile(built.executable);
		expect(executable.includes(await readFile(cliPath))).toBe(true);
		const info = await execa('dpkg-deb', ['--field', built.deb, 'Package', 'Version', 'Architecture', 'Depends']);
		expect(String(info.stdout)).toMatch(new RegExp(`Package: mesos-setup\\nVersion: ${version}\\nArchitecture: ${arch}\\nDepends: .*libc6`));
	});

	it('installs with dpkg -i as /usr/bin/mesos-setup where node is not on PATH', async () => {
		expect((await on().run(['sh', '-c', 'command -v node nodejs'])).exitCode).not.toBe(0);
		const installed = await on().run(['dpkg', '-i', built.deb]);
		expect(installed.exitCode, installed.stderr).toBe(0);
		expect((await on().run(['sh', '-c', 'command -v mesos-setup'])).stdout).toBe('/usr/bin/mesos-setup');
		expect((await on().run(['dpkg-query', '-W', '-f=${db:Status-Abbrev}', 'mesos-setup'])).stdout.trim()).toBe('ii');
	});

	it('answers --version and --help as the npm build does', async () => {
		const shown = await on().run(['mesos-setup', '--version']);
		expect(shown).toEqual({exitCode: 0, stdout: version, stderr: ''});
		const help = await on().run(['mesos-setup', '--help']);
		expect(help.exitCode).toBe(0);
		expect(help.stdout).toBe((await withNode(['--help'])).stdout);
	});

	it('plans in a sandbox exactly as the npm build does', async () => {
		const root = path.join(work, 'plan-root');
		const fromDeb = await on().run(['mesos-setup', 'plan', '--root', root]);
		const fromNpm = await withNode(['plan', '--root', root]);
		expect(fromDeb.exitCode).toBe(0);
		expect(fromDeb.stdout).toContain('Nothing has been changed');
		expect(fromDeb).toEqual(fromNpm);
	});

	it('sets up a sandbox with --yes exactly as the npm build does, and leaves nothing in /tmp', async () => {
		const debRoot = path.join(work, 'deb-root');
		const npmRoot = path.join(work, 'npm-root');
		const fromDeb = await on().run(['mesos-setup', 'setup', '--yes', '--root', debRoot]);
		const fromNpm = await withNode(['setup', '--yes', '--root', npmRoot]);
		expect(fromDeb.exitCode, fromDeb.stderr).toBe(0);
		expect(fromNpm.exitCode).toBe(0);
		expect(sameRun(fromDeb.stdout, debRoot)).toBe(sameRun(fromNpm.stdout, npmRoot));
		const written = await readTree(debRoot, ownBookkeeping);
		expect(Object.keys(written)).toContain('etc/mesos/zk');
		expect(written).toEqual(await readTree(npmRoot, ownBookkeeping));
		// The executable unpacks its bundle into a private folder and removes it before it runs.
		expect((await on().run(['find', '/tmp', '-mindepth', '1', '-maxdepth', '1', '-name', 'mesos-setup-unpacked-*'])).stdout).toBe('');
	});

	it('draws the wizard in a terminal (Ink and its layout engine work from the executable)', async () => {
		const screen = await TmuxSession.start({
			name: 'deb-wizard',
			command: on().commandLine(['mesos-setup', '--root', path.join(work, 'wizard-root')], {CI: 'false', NO_COLOR: '1'}),
			width: 100,
			height: 30,
		});
		try {
			const first = await screen.waitFor('Press Enter to begin');
			expect(first).toMatch(/^mesos-setup · guided setup · rehearsal in /);
			await screen.key('Enter');
			await screen.waitFor('▸ Preflight');
		} finally {
			await screen.kill();
		}
	});

	it('has a man page made from the same declaration as --help', async () => {
		const page = await on().run(['man', '--nh', '--nj', 'mesos-setup'], {MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat'});
		expect(page.exitCode, page.stderr).toBe(0);
		expect(page.stdout).toMatch(/^MESOS-SETUP\(1\)/);
		const text = words(page.stdout);
		const help = words(helpText());
		expect(text).toContain(`mesos-setup - ${commandLine.summary}`);
		for (const command of commandLine.commands) expect(text).toContain(words(command.description));
		for (const option of commandLine.options) {
			expect(text).toContain(`--${option.name}${'value' in option ? ` ${option.value.name}` : ''}`);
			// The same words --help says of it.
			expect(help).toContain(words(option.description));
			expect(text).toContain(words(option.description));
		}
		for (const id of settingIds) expect(text).toContain(id);
		for (const exit of commandLine.exitCodes) expect(text).toContain(words(exit.meaning));
	});

	it('completes commands, options and setting ids when Tab is pressed in bash', async () => {
		// A bash with bash-completion loaded, as a login shell on Debian has it, and nothing else.
		const shell = await TmuxSession.start({
			name: 'deb-completion',
			command: on().commandLine(['bash', '--noprofile', '--rcfile', '/usr/share/bash-completion/bash_completion', '-i']),
			width: 200,
			height: 40,
		});
		try {
			await shell.waitFor(/[$#]$/);
			await shell.type('mesos-setup ');
			await shell.key('Tab');
			await shell.key('Tab');
			await shell.waitFor(/edit +plan +setup +status +undo/);
			await shell.key('C-u');
			await shell.type('mesos-setup edit slave.');
			await shell.key('Tab');
			await shell.key('Tab');
			const ids = await shell.waitFor('slave.executor_registration_timeout');
			for (const id of settingIds.filter(id => id.startsWith('slave.'))) expect(ids).toContain(id);
			await shell.key('C-u');
			await shell.type('mesos-setup plan --sc');
			await shell.key('Tab');
			await shell.waitFor(/mesos-setup plan --script$/m);
			await shell.key('C-u');
			await shell.type('mesos-setup --set repo.keyM');
			await shell.key('Tab');
			await shell.waitFor(/mesos-setup --set repo\.keyMethod=$/m);
			await shell.key('Tab');
			await shell.key('Tab');
			await shell.waitFor(/apt-key +auto +keyring/);
		} finally {
			await shell.kill();
		}
	});

	it('is removed cleanly by dpkg -r', async () => {
		const listed = (await on().run(['dpkg-query', '-L', 'mesos-setup'])).stdout.split('\n').filter(file => file.startsWith('/usr/'));
		expect(listed).toEqual(expect.arrayContaining(['/usr/bin/mesos-setup', '/usr/share/man/man1/mesos-setup.1.gz', '/usr/share/bash-completion/completions/mesos-setup']));
		const removed = await on().run(['dpkg', '-r', 'mesos-setup']);
		expect(removed.exitCode, removed.stderr).toBe(0);
		const files = ['/usr/bin/mesos-setup', '/usr/share/man/man1/mesos-setup.1.gz', '/usr/share/bash-completion/completions/mesos-setup', '/usr/share/doc/mesos-setup'];
		expect((await on().run(['ls', '-d', ...files])).stdout).toBe('');
		// No conffiles, so nothing is left for a purge either.
		expect((await on().run(['dpkg-query', '-W', 'mesos-setup'])).exitCode).not.toBe(0);
	});
});
