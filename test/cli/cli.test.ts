// The built CLI as a child process: what scripts and CI see.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {cliPath, runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';

const goldenDir = new URL('../model/golden/', import.meta.url);

describe('the face of the command', () => {
	it('--help lists every command and option', async () => {
		const {exitCode, stdout} = await runCli(['--help']);
		expect(exitCode).toBe(0);
		for (const word of ['setup', 'edit [ID] [VALUE]', 'status', 'plan', 'undo', '--root DIR', '--dry-run', '--answers FILE', '--set ID=VALUE', '--yes', '--once', '--json', '--script', '--help', '--version']) {
			expect(stdout).toContain(word);
		}
	});

	it('--help starts with the program’s name, and names the run without a command', async () => {
		const {stdout} = await runCli(['--help']);
		expect(stdout.split('\n')[0]).toBe('  mesos-setup: set up Apache Mesos, Marathon and ZooKeeper on Ubuntu or');
		expect(stdout).toMatch(/^ {4}\(no command\) {9}the wizard on a machine not set up yet; on one set up\n {25}before, a menu: status, edit, setup again, undo$/m);
		expect((await runCli(['undo', '--help'])).stdout.split('\n')[0]).toBe('  Usage');
	});

	it('--version prints the version', async () => {
		const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};
		expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version);
	});

	it('refuses an unknown command, flag or misplaced option with exit 2', async () => {
		const unknownCommand = await runCli(['instal']);
		expect(unknownCommand.exitCode).toBe(2);
		expect(unknownCommand.stderr).toContain('unknown command "instal": use one of setup, edit, status, plan, undo, cluster');
		const unknownFlag = await runCli(['setup', '--frobnicate']);
		expect(unknownFlag.exitCode).toBe(2);
		expect(unknownFlag.stderr).toContain('unknown option --frobnicate: the options are --root, --dry-run');
		expect(unknownFlag.stderr).toContain('mesos-setup --help');
		const misplaced = await runCli(['setup', '--script']);
		expect(misplaced.exitCode).toBe(2);
		expect(misplaced.stderr).toContain('--script goes with plan and cluster plan only');
	});

	it('--help after a command prints that command’s help and changes nothing, whatever else is given', async () => {
		const root = await tempRoot();
		expect((await runCli(['setup', '--yes', '--root', root])).exitCode).toBe(0);
		const before = await readTree(root);
		for (const [argv, usage] of [
			[['setup', '--help', '--yes', '--root', root], '$ mesos-setup setup [options]'],
			[['edit', '--help', 'slave.hostname', 'x', '--yes', '--root', root], '$ mesos-setup edit [ID] [VALUE] [options]'],
			[['undo', '--help', '--root', root], '$ mesos-setup undo [options]'],
			[['undo', '--yes', '--root', root, '-h'], '$ mesos-setup undo [options]'],
			[['--yes', '--root', root, '--help'], '$ mesos-setup [command] [options]'],
		] as const) {
			const result = await runCli([...argv]);
			expect(result.exitCode, argv.join(' ')).toBe(0);
			expect(result.stdout).toContain(usage);
			expect(result.stderr).toBe('');
		}
		expect(await readTree(root)).toEqual(before);
	});

	it('refuses a missing, empty or swallowed option value and a repeated --root before anything runs', async () => {
		const root = await tempRoot();
		for (const [argv, message] of [
			[['setup', '--yes', '--root', root, '--answers'], '--answers needs FILE after it'],
			[['setup', '--yes', '--root', root, '--answers', ''], '--answers needs FILE after it, not an empty word'],
			[['setup', '--yes', '--root', root, '--set'], '--set needs ID=VALUE after it'],
			[['setup', '--yes', '--set', `--root=${root}`], `--set needs ID=VALUE after it; found the option "--root=${root}"`],
			[['setup', '--yes', '--root', root, '--root', `${root}/x`], '--root was given more than once'],
		] as const) {
			const result = await runCli([...argv]);
			expect(result.exitCode, argv.join(' ')).toBe(2);
			expect(result.stderr).toContain(message);
			expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
		}
		expect(await readTree(root)).toEqual({});
	});

	it('asks for --yes instead of hanging when there is no terminal', async () => {
		const root = await tempRoot();
		const result = await runCli(['setup', '--root', root]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('needs a terminal');
		expect(result.stderr).toContain(`without one run mesos-setup setup --yes --root ${root} (`);
	});
});

describe('setup --yes --root', () => {
	it('writes every file with the article’s values, and a second run changes nothing', async () => {
		const root = await tempRoot();
		const first = await runCli(['setup', '--yes', '--root', root]);
		expect(first.exitCode).toBe(0);
		expect(first.stdout).toMatch(/^wrote +\/etc\/mesos-slave\/containerizers$/m);
		expect(first.stdout).toMatch(/^skipped +apt-get install -y mesosphere \(--root: system commands are not run\)$/m);
		expect(first.stdout).toContain('Done: 21 wrote');
		// Plain text when stdout is not a terminal.
		expect(first.stdout).not.toContain('\u001B[');
		const tree = await readTree(root, ownBookkeeping);
		for (const [relative, file] of Object.entries(tree)) {
			const golden = await readFile(new URL(relative.replaceAll('/', '__'), goldenDir));
			expect(Buffer.from(file.bytes, 'base64').equals(golden), relative).toBe(true);
			expect(file.mode, relative).toBe(0o644);
		}
		expect(Object.keys(tree)).toHaveLength(21);

		const second = await runCli(['setup', '--yes', '--root', root]);
		expect(second.exitCode).toBe(0);
		expect(second.stdout).not.toMatch(/^wrote/m);
		expect(second.stdout).toContain('Nothing changed: every file already held these values.');
		expect(await readTree(root, ownBookkeeping)).toEqual(tree);
	});

	it('undo puts back exactly the bytes from before and removes the files it created', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/default'), {recursive: true});
		await mkdir(path.join(root, 'etc/zookeeper/conf'), {recursive: true});
		await writeFile(path.join(root, 'etc/default/mesos'), '# set by hand\nLOGS=/srv/logs\nEXTRA="keep me"\n');
		await writeFile(path.join(root, 'etc/zookeeper/conf/zoo.cfg'), 'tickTime=2000\ndataDir=/tmp/zookeeper\n# end\n');
		const before = await readTree(root);
		expect((await runCli(['setup', '--yes', '--root', root])).exitCode).toBe(0);
		expect(await readFile(path.join(root, 'etc/default/mesos'), 'utf8')).toBe('# set by hand\nLOGS=/var/log/mesos\nEXTRA="keep me"\nULIMIT="-n 8192"\n');
		// Without a terminal, undo does not guess: it needs --yes, and changes nothing without it.
		const unasked = await runCli(['undo', '--root', root]);
		expect(unasked.exitCode).toBe(2);
		expect(unasked.stderr).toContain('mesos-setup undo --yes');
		expect(unasked.stderr).toContain('Nothing was changed.');
		expect(await readFile(path.join(root, 'etc/default/mesos'), 'utf8')).toContain('ULIMIT="-n 8192"');
		const undo = await runCli(['undo', '--yes', '--root', root]);
		expect(undo.exitCode).toBe(0);
		expect(undo.stdout).toMatch(/^restored +\/etc\/default\/mesos$/m);
		expect(undo.stdout).toMatch(/^removed +\/etc\/mesos\/zk$/m);
		// What it does not undo, and that no setup counts as done any more.
		expect(undo.stdout).toContain('Installed packages stay installed');
		expect(undo.stdout).toContain('No setup counts as done here any more');
		expect(undo.stdout).toContain('In a real setup these would be restarted to use the files put back and go without those removed: zookeeper, mesos-master, mesos-slave, marathon.');
		expect(await readTree(root, ownBookkeeping)).toEqual(before);
		expect((await runCli(['undo', '--yes', '--root', root])).stdout).toContain('Nothing to undo');
	});

	it('--dry-run writes nothing at all', async () => {
		const root = await tempRoot();
		const result = await runCli(['setup', '--yes', '--dry-run', '--root', root]);
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toMatch(/^would-write +\/etc\/mesos\/zk$/m);
		expect(await readTree(root)).toEqual({});
	});

	it('takes answers from a YAML file and --set, and the next run starts from them', async () => {
		const root = await tempRoot();
		const answers = path.join(root, '..', `${path.basename(root)}-answers.yaml`);
		await writeFile(answers, 'slave:\n  hostname: node1.example.com\n  containerizers: docker,mesos\nzookeeper.myid: 1\n');
		const result = await runCli(['setup', '--yes', '--root', root, '--answers', answers, '--set', 'master.port=6060']);
		expect(result.exitCode).toBe(0);
		expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('node1.example.com\n');
		expect(await readFile(path.join(root, 'etc/mesos-slave/containerizers'), 'utf8')).toBe('docker,mesos\n');
		expect(await readFile(path.join(root, 'etc/default/mesos-master'), 'utf8')).toBe('PORT=6060\nZK=zk://127.0.0.1:2181/mesos\n');
		const again = await runCli(['setup', '--yes', '--root', root]);
		expect(again.stdout).toContain('Nothing changed');
		await execa('rm', ['-f', answers]);
	});
});

describe('edit --yes', () => {
	it('moves the apt source to a mirror when repo.url changes', async () => {
		const root = await tempRoot();
		await runCli(['setup', '--yes', '--root', root]);
		const result = await runCli(['edit', 'repo.url', 'http://mirror.example.org/mesosphere', '--yes', '--root', root]);
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toMatch(/^skipped +apt-get -y update \(--root: system commands are not run\)$/m);
		expect(await readFile(path.join(root, 'etc/apt/sources.list.d/mesosphere.list'), 'utf8')).toBe('deb http://mirror.example.org/mesosphere/ubuntu trusty main\n');
	});
});

describe('undo after an edit', () => {
	it('undoes the edit, not the setup before it, and puts the saved answers back too', async () => {
		const root = await tempRoot();
		await runCli(['setup', '--yes', '--root', root]);
		expect((await runCli(['edit', 'slave.hostname', 'node7', '--yes', '--root', root])).exitCode).toBe(0);
		const undo = await runCli(['undo', '--yes', '--root', root]);
		expect(undo.stdout).toMatch(/^restored +\/etc\/mesos-slave\/hostname$/m);
		expect(undo.stdout).toContain('In a real setup these would be restarted to use the files put back: mesos-slave.');
		expect(undo.stdout).not.toContain('/etc/mesos/zk');
		expect(await readFile(path.join(root, 'etc/mesos-slave/hostname'), 'utf8')).toBe('127.0.0.1\n');
		// The next setup does not write the undone value again.
		const again = await runCli(['setup', '--yes', '--root', root]);
		expect(again.stdout).toContain('Nothing changed');
	});
});

describe('undo of files edited by hand since', () => {
	// Review 3, #13: the copies were kept, but undo never said where.
	it('names the folder that keeps the copies, and the copy holds the hand edit', async () => {
		const root = await tempRoot();
		await runCli(['setup', '--yes', '--root', root]);
		await writeFile(path.join(root, 'etc/mesos-master/quorum'), '0\n');
		const undo = await runCli(['undo', '--yes', '--root', root]);
		expect(undo.stdout).toMatch(/^removed \(it had been edited since\) \/etc\/mesos-master\/quorum$/m);
		const kept = /The copies of the files edited since that run \(or not recorded\) are kept in (\S+)\.$/m.exec(undo.stdout)?.[1] ?? '';
		expect(kept.startsWith(path.join(root, 'var/backups/mesos-setup/'))).toBe(true);
		expect(await readFile(path.join(kept, '000-quorum'), 'utf8')).toBe('0\n');
	});
});

describe('output into a pipe that closes early', () => {
	it('stops quietly instead of crashing', async () => {
		const root = await tempRoot();
		const result = await execa('bash', ['-c', 'node "$1" plan --root "$2" | head -1; echo "status ${PIPESTATUS[0]}"', 'bash', cliPath, root], {reject: false});
		expect(result.stderr).not.toContain('EPIPE');
		expect(result.stdout).toMatch(/status 0$/);
	});
});

describe('awkward places', () => {
	it('a dry run on a root that does not exist yet creates nothing and succeeds', async () => {
		const root = path.join(await tempRoot(), 'not', 'yet');
		const result = await runCli(['setup', '--yes', '--dry-run', '--root', root]);
		expect(result.exitCode).toBe(0);
		await expect(readFile(path.join(root, 'etc/mesos/zk'))).rejects.toThrow(/ENOENT/);
	});

	it('a corrupt state file is bad input with a way out, not a crash', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'var/lib/mesos-setup'), {recursive: true});
		await writeFile(path.join(root, 'var/lib/mesos-setup/state.json'), '{"answers": {');
		const result = await runCli(['status', '--once', '--root', root]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('state.json');
		expect(result.stderr).toContain('move it aside');
	});

	it('folders it creates are 0755 whatever the umask', async () => {
		const root = await tempRoot();
		const result = await execa('bash', ['-c', 'umask 077; node "$1" setup --yes --root "$2"', 'bash', cliPath, root], {reject: false});
		expect(result.exitCode).toBe(0);
		const {stat} = await import('node:fs/promises');
		expect((await stat(path.join(root, 'etc/mesos'))).mode & 0o777).toBe(0o755);
		expect((await stat(path.join(root, 'etc/mesos/zk'))).mode & 0o777).toBe(0o644);
	});
});

describe('bad input exits 2, names what was wrong and writes nothing', () => {
	const cases: [string, string[], RegExp][] = [
		['myid 0', ['--set', 'zookeeper.myid=0'], /zookeeper.myid: "0" is not allowed; use a whole number from 1 to 255/],
		['myid 256', ['--set', 'zookeeper.myid=256'], /zookeeper.myid: "256"/],
		['myid abc', ['--set', 'zookeeper.myid=abc'], /zookeeper.myid: "abc"/],
		['quorum 0', ['--set', 'master.quorum=0'], /master.quorum: "0"/],
		['ip 999.1.1.1', ['--set', 'slave.ip=999.1.1.1'], /slave.ip: "999.1.1.1" is not allowed; use an IPv4 address/],
		['hostname with a space', ['--set', 'slave.hostname=my host'], /slave.hostname: "my host"/],
		['hostname with a newline', ['--set', 'slave.hostname=a\nb'], /slave.hostname: "a\\nb"/],
		['zk URL without zk://', ['--set', 'mesos.zk=127.0.0.1:2181/mesos'], /mesos.zk: .* use a ZooKeeper URL/],
		['zk URL without a path', ['--set', 'mesos.zk=zk://127.0.0.1:2181'], /mesos.zk: "zk:\/\/127.0.0.1:2181"/],
		['port 70000', ['--set', 'master.port=70000'], /master.port: "70000" is not allowed; use a port number from 1 to 65535/],
		['timeout 5m', ['--set', 'slave.executor_registration_timeout=5m'], /"5m" is not allowed; use a number and a unit, one of ns us ms secs mins hrs days weeks/],
		['containerizers foo', ['--set', 'slave.containerizers=foo'], /slave.containerizers: "foo"/],
		['relative work_dir', ['--set', 'master.work_dir=var/lib/mesos'], /master.work_dir: "var\/lib\/mesos" is not allowed; use an absolute path/],
		['unknown ID', ['--set', 'slave.hostnme=x'], /unknown setting "slave.hostnme": known settings are .*slave.hostname/],
		['--set without =', ['--set', 'slave.hostname'], /write it as ID=VALUE/],
		['quorum not a majority', ['--set', 'master.quorum=2'], /master.quorum: "2" is not a majority of the 1 master/],
	];

	it.each(cases)('%s', async (_name, flags, message) => {
		const root = await tempRoot();
		const result = await runCli(['setup', '--yes', '--root', root, ...flags]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr).toContain('Nothing was changed.');
		expect(await readTree(root)).toEqual({});
	});

	it.each([
		['not JSON', '{"zookeeper.myid": 1,', /is not valid JSON or YAML/],
		['not YAML', 'slave:\n  hostname: [a\n', /is not valid JSON or YAML/],
		['a list', '- 1\n- 2\n', /must hold a mapping of setting ids to values/],
		['a bad value inside', '{"slave": {"ip": "999.1.1.1"}}', /slave.ip: "999.1.1.1"/],
	])('an answers file that is %s', async (_name, text, message) => {
		const root = await tempRoot();
		const file = path.join(await tempRoot(), 'answers.yaml');
		await writeFile(file, text);
		const result = await runCli(['setup', '--yes', '--root', root, '--answers', file]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(await readTree(root)).toEqual({});
	});

	it('a missing answers file', async () => {
		const root = await tempRoot();
		const result = await runCli(['setup', '--yes', '--root', root, '--answers', path.join(root, 'nope.json')]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('cannot read the answers file');
	});
});

describe('plan', () => {
	it('prints every command and every file’s full content, and changes nothing', async () => {
		const root = await tempRoot();
		const result = await runCli(['plan', '--root', root]);
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toContain('run    DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get install -y mesosphere');
		expect(result.stdout).toContain("write  /etc/zookeeper/conf/zoo.cfg   (new file, from the package's sample, properties file edited in place)");
		expect(result.stdout).toContain('       | 4lw.commands.whitelist=ruok,srvr,mntr,stat');
		expect(result.stdout).toContain('       | zk://127.0.0.1:2181/mesos');
		expect(result.stdout).toContain('run    service marathon start');
		expect(await readTree(root)).toEqual({});
	});

	it('--script is valid bash that, run with ROOT, writes the same files as setup --yes --root', async () => {
		const scriptRoot = await tempRoot();
		const setupRoot = await tempRoot();
		const {stdout: script, exitCode} = await runCli(['plan', '--script', '--root', setupRoot, '--set', 'slave.hostname=node-1', '--set', 'mesos.ulimit=-n 4096']);
		expect(exitCode).toBe(0);
		const file = path.join(await tempRoot(), 'setup.sh');
		await writeFile(file, script);
		expect((await execa('bash', ['-n', file], {reject: false})).exitCode).toBe(0);
		expect(script).not.toMatch(/sudo echo .*>|sudo cp .*>/);
		expect(script).toContain('| $SUDO tee');
		const ran = await execa('bash', [file], {env: {ROOT: scriptRoot}, reject: false});
		expect(ran.stderr).toBe('');
		expect(ran.exitCode).toBe(0);
		expect(ran.stdout).toContain('skipped env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get install -y mesosphere (ROOT is set: system commands are not run)');
		await runCli(['setup', '--yes', '--root', setupRoot, '--set', 'slave.hostname=node-1', '--set', 'mesos.ulimit=-n 4096']);
		expect(await readTree(scriptRoot)).toEqual(await readTree(setupRoot, ownBookkeeping));
	});
});

describe('the real machine', () => {
	// setpriv drops to nobody, which only root can do; as anyone else the test already runs unprivileged.
	const asNobody = process.getuid?.() === 0 ? {uid: 65_534} : {};

	it('refuses to change it without root, and says to use sudo or rehearse with --root', async () => {
		const result = await runCli(['setup', '--yes'], asNobody);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('needs root');
		expect(result.stderr).toContain('sudo mesos-setup setup');
		expect(result.stderr).toContain('--root ./mesos-rehearsal');
	});

	it('offers the same command line back, with sudo or --root, where it refuses one without root', async () => {
		const edit = await runCli(['edit', '--yes', '--', 'mesos.ulimit', '-n 4096'], asNobody);
		expect(edit.exitCode).toBe(2);
		expect(edit.stderr).toContain(`Run it with sudo (sudo mesos-setup edit --yes -- mesos.ulimit '-n 4096'), or rehearse without changing this machine: mesos-setup edit --yes --root ./mesos-rehearsal -- mesos.ulimit '-n 4096'`);
		const setup = await runCli(['setup', '--yes', '--set', 'slave.hostname=node1'], asNobody);
		expect(setup.stderr).toContain('(sudo mesos-setup setup --yes --set slave.hostname=node1)');
	});

	it('refuses undo without root too, before it reads or changes anything', async () => {
		const result = await runCli(['undo', '--yes'], asNobody);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('mesos-setup undo puts back files in /etc, so it needs root.');
		expect(result.stderr).toContain('Nothing was changed.');
	});
});
