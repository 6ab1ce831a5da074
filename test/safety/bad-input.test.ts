// Issue 9: every bad input the issue found let through is refused: exit 2, a message naming the
// setting (or flag, or file), the value cut to about 100 characters, what is allowed, and nothing
// written. (Command-line syntax: test/cli; --root at / or a file: containment.test.ts.)
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {readTree} from '../helpers/tree.js';
import {inParallel} from './machine-before.js';

type Case = {
	name: string;
	// Arguments after `setup --yes --root ROOT`; may name files that `prepare` makes.
	args: string[];
	says: RegExp;
	// Makes files in the root or beside it (`dir`, for answers files) before the run.
	prepare?: (root: string, dir: string) => Promise<void>;
	command?: string[];
};

const answersFile = (name: string, text: string | Buffer) => async (_root: string, dir: string) => writeFile(path.join(dir, name), text);
const inDir = (name: string) => `{dir}/${name}`;
const dataDir = 'use an absolute path to a folder of its own, such as /var/lib/zookeeper';
const zk = 'use a ZooKeeper URL zk://host:port';
const host = 'use a host name \\(RFC 1123';

const cases: Case[] = [
	// zookeeper.dataDir: not /, not among daemon flags in /etc, not in mesos-setup's own folders, not a file.
	{name: 'dataDir in /etc/mesos-slave', args: ['--set', 'zookeeper.dataDir=/etc/mesos-slave'], says: new RegExp(`zookeeper.dataDir: "/etc/mesos-slave" is not allowed; ${dataDir}.*not / and not inside /etc, /var/backups/mesos-setup`)},
	{name: 'dataDir /', args: ['--set', 'zookeeper.dataDir=/'], says: new RegExp(`zookeeper.dataDir: "/" is not allowed; ${dataDir}`)},
	{name: 'dataDir /etc/./zookeeper', args: ['--set', 'zookeeper.dataDir=/etc/./zookeeper'], says: /zookeeper.dataDir: "\/etc\/.\/zookeeper" is not allowed/},
	{name: 'dataDir the backups folder', args: ['--set', 'zookeeper.dataDir=/var/backups/mesos-setup'], says: /zookeeper.dataDir: "\/var\/backups\/mesos-setup" is not allowed/},
	{name: 'dataDir in the state folder', args: ['--set', 'zookeeper.dataDir=/var/lib/mesos-setup/zk'], says: /zookeeper.dataDir: "\/var\/lib\/mesos-setup\/zk" is not allowed/},
	{name: 'dataDir the log folder', args: ['--set', 'zookeeper.dataDir=/var/log/mesos-setup'], says: /zookeeper.dataDir: "\/var\/log\/mesos-setup" is not allowed/},
	{name: 'dataDir of 100 000 characters', args: ['--set', `zookeeper.dataDir=/${'d'.repeat(100_000)}`], says: /^zookeeper.dataDir: "\/d{99}…" \(100001 characters\) is not allowed; a value is at most 4096 characters\.$/m},
	{name: 'dataDir with a 300-character name', args: ['--set', `zookeeper.dataDir=/srv/${'n'.repeat(300)}`], says: /zookeeper.dataDir: "\/srv\/n{95}…" \(305 characters\) is not allowed; .*255 in one name/},
	{
		name: 'dataDir at a file',
		args: ['--set', 'zookeeper.dataDir=/srv/zk'],
		prepare: async root => {
			await mkdir(path.join(root, 'srv'), {recursive: true});
			await writeFile(path.join(root, 'srv/zk'), 'a file\n');
		},
		says: /\/srv\/zk\/myid \(from zookeeper.myid, zookeeper.dataDir\) cannot be written: \/srv\/zk is a file, not a folder/,
	},
	// ZooKeeper paths by ZooKeeper's rules, in characters safe in a shell environment file.
	{name: 'zk path $(reboot)', args: ['--set', 'mesos.zk=zk://127.0.0.1:2181/$(reboot)'], says: new RegExp(`mesos.zk: "zk://127.0.0.1:2181/\\$\\(reboot\\)" is not allowed; ${zk}`)},
	{name: 'zk path with quotes', args: ['--set', `master.zk=zk://127.0.0.1:2181/me"so's`], says: /master.zk: "zk:\/\/127.0.0.1:2181\/me\\"so's" is not allowed/},
	{name: 'zk path with a zero-width space', args: ['--set', 'marathon.zk=zk://127.0.0.1:2181/mara\u200Bthon'], says: /marathon.zk: "zk:\/\/127.0.0.1:2181\/mara\\u200bthon" is not allowed/},
	{name: 'zk path with a right-to-left mark', args: ['--set', 'slave.master=zk://127.0.0.1:2181/\u202Emesos'], says: /slave.master: "zk:\/\/127.0.0.1:2181\/\\u202emesos" is not allowed/},
	{name: 'zk path ending in /', args: ['--set', 'marathon.zk=zk://127.0.0.1:2181/marathon/'], says: /marathon.zk: "zk:\/\/127.0.0.1:2181\/marathon\/" is not allowed.*no \/ at the end/},
	{name: 'zk path with an empty name', args: ['--set', 'mesos.zk=zk://127.0.0.1:2181//mesos'], says: /mesos.zk: "zk:\/\/127.0.0.1:2181\/\/mesos" is not allowed/},
	{name: 'zk path with ..', args: ['--set', 'mesos.zk=zk://127.0.0.1:2181/mesos/..'], says: /mesos.zk: "zk:\/\/127.0.0.1:2181\/mesos\/.." is not allowed/},
	{name: 'zk port 0', args: ['--set', 'mesos.zk=zk://127.0.0.1:0/mesos'], says: /mesos.zk: "zk:\/\/127.0.0.1:0\/mesos" is not allowed; .*ports 1–65535/},
	{name: 'zk port 65536', args: ['--set', 'mesos.zk=zk://127.0.0.1:65536/mesos'], says: /mesos.zk: "zk:\/\/127.0.0.1:65536\/mesos" is not allowed/},
	// Host names by RFC 1123; digits and dots alone must be an IPv4 address.
	{name: 'hostname 999.999.999.999', args: ['--set', 'slave.hostname=999.999.999.999'], says: new RegExp(`slave.hostname: "999.999.999.999" is not allowed; ${host}`)},
	{name: 'hostname 12345', args: ['--set', 'marathon.hostname=12345'], says: /marathon.hostname: "12345" is not allowed/},
	{name: 'hostname 1.2.3', args: ['--set', 'slave.hostname=1.2.3'], says: /slave.hostname: "1.2.3" is not allowed/},
	{name: 'hostname starting with -', args: ['--set', 'slave.hostname=-node.example'], says: /slave.hostname: "-node.example" is not allowed/},
	{name: 'hostname with an empty part', args: ['--set', 'slave.hostname=node..example'], says: /slave.hostname: "node..example" is not allowed/},
	{name: 'server 999.999.999.999', args: ['--set', 'zookeeper.servers=1=999.999.999.999:2888:3888'], says: /zookeeper.servers: "1=999.999.999.999:2888:3888" is not allowed/},
	// Ports in URLs 1–65535.
	{name: 'repo.url port 99999', args: ['--set', 'repo.url=http://h:99999'], says: /repo.url: "http:\/\/h:99999" is not allowed; .*a port from 1 to 65535/},
	{name: 'repo.url port 0', args: ['--set', 'repo.url=http://repos.example:0/mesos'], says: /repo.url: "http:\/\/repos.example:0\/mesos" is not allowed/},
	{name: 'keyserver port 70000', args: ['--set', 'repo.keyserver=hkp://keys.example:70000'], says: /repo.keyserver: "hkp:\/\/keys.example:70000" is not allowed; .*a port from 1 to 65535/},
	// Ids that are no settings, and a setting given twice.
	{name: '--set __proto__=x', args: ['--set', '__proto__=x'], says: /^--set: unknown setting "__proto__": known settings are /m},
	{name: '--set constructor=x', args: ['--set', 'constructor=x'], says: /^--set: unknown setting "constructor"/m},
	{name: '--set twice', args: ['--set', 'slave.ip=10.0.0.1', '--set', 'slave.ip=10.0.0.2'], says: /^--set slave.ip is given more than once \("10.0.0.1" and "10.0.0.2"\); give each setting once\.$/m},
	// Answers files: strings as written, each key once, a regular file of at most 1 MB.
	{name: 'JSON with a key twice', args: ['--answers', inDir('a.json')], prepare: answersFile('a.json', '{"slave.ip": "10.0.0.1", "slave.ip": "10.0.0.2"}'), says: /a\.json: "slave.ip" is given more than once; give each setting once\./},
	{name: 'YAML with a key twice', args: ['--answers', inDir('a.yaml')], prepare: answersFile('a.yaml', 'slave.ip: 10.0.0.1\nslave.ip: 10.0.0.2\n'), says: /a\.yaml: "slave.ip" is given more than once/},
	{name: 'a key flat and nested', args: ['--answers', inDir('a.yaml')], prepare: answersFile('a.yaml', 'slave.ip: 10.0.0.1\nslave:\n  ip: 10.0.0.2\n'), says: /a\.yaml: "slave.ip" is given more than once/},
	{name: 'JSON __proto__', args: ['--answers', inDir('a.json')], prepare: answersFile('a.json', '{"__proto__": {"slave.ip": "1"}}'), says: /a\.json: unknown setting "__proto__.slave.ip"/},
	{name: 'YAML 0x10 stays 0x10', args: ['--answers', inDir('a.yaml')], prepare: answersFile('a.yaml', 'zookeeper:\n  myid: 0x10\n'), says: /zookeeper.myid: "0x10" is not allowed; use a whole number from 1 to 255/},
	{name: 'YAML 1e1 stays 1e1', args: ['--answers', inDir('a.yaml')], prepare: answersFile('a.yaml', 'master.quorum: 1e1\n'), says: /master.quorum: "1e1" is not allowed/},
	{name: 'YAML date stays text', args: ['--answers', inDir('a.yaml')], prepare: answersFile('a.yaml', 'slave.executor_registration_timeout: 2020-01-01\n'), says: /slave.executor_registration_timeout: "2020-01-01" is not allowed/},
	{name: 'YAML list', args: ['--answers', inDir('a.yaml')], prepare: answersFile('a.yaml', 'slave.ip:\n  - 10.0.0.1\n'), says: /a\.yaml: slave.ip must be a single value, not a list\./},
	{name: 'a value of 1 000 000 characters', args: ['--answers', inDir('a.yaml')], prepare: answersFile('a.yaml', `slave.hostname: ${'h'.repeat(1_000_000)}\n`), says: /^slave.hostname: "h{100}…" \(1000000 characters\) is not allowed; a value is at most 4096 characters\.$/m},
	{name: 'an answers file over 1 MB', args: ['--answers', inDir('big.yaml')], prepare: answersFile('big.yaml', `# ${'x'.repeat(1_100_000)}\n`), says: /^the answers file .*big\.yaml is 1100003 bytes; an answers file may be at most 1 MB \(1048576 bytes\)/m},
	{name: 'an answers file that is a FIFO', args: ['--answers', inDir('fifo.yaml')], prepare: async (_root, dir) => void (await execa('mkfifo', [path.join(dir, 'fifo.yaml')])), says: /^the answers file .*fifo\.yaml is a FIFO, not a regular file: give a JSON or YAML file\.$/m},
	{name: 'an answers file that is a folder', args: ['--answers', inDir('folder')], prepare: async (_root, dir) => mkdir(path.join(dir, 'folder')), says: /^the answers file .*folder is a folder, not a regular file/m},
	{name: 'an answers file that is a device', args: ['--answers', '/dev/zero'], says: /^the answers file \/dev\/zero is a device, not a regular file/m},
	{name: 'an answers file not UTF-8', args: ['--answers', inDir('latin1.yaml')], prepare: answersFile('latin1.yaml', Buffer.from('slave.hostname: caf\u00e9\n', 'latin1')), says: /^the answers file .*latin1\.yaml is not UTF-8 text/m},
	// What the root holds where a file is written: a FIFO is named, never waited on.
	{
		name: '/etc/mesos/zk a FIFO (setup)',
		args: [],
		prepare: async root => {
			await mkdir(path.join(root, 'etc/mesos'), {recursive: true});
			await execa('mkfifo', [path.join(root, 'etc/mesos/zk')]);
		},
		says: /^\/etc\/mesos\/zk \(from mesos.zk\) is a FIFO, not a regular file \(.*\): mesos-setup writes a file there; move it aside\.$/m,
	},
	{
		name: '/etc/mesos/zk a FIFO (plan)',
		command: ['plan'],
		args: [],
		prepare: async root => {
			await mkdir(path.join(root, 'etc/mesos'), {recursive: true});
			await execa('mkfifo', [path.join(root, 'etc/mesos/zk')]);
		},
		says: /^\/etc\/mesos\/zk \(from mesos.zk\) is a FIFO, not a regular file/m,
	},
	// A damaged state.json is named, with what to do.
	...(
		[
			['empty', '', 'it is empty'],
			['cut short', '{"answers": {', 'it is not valid JSON'],
			['answers a list', '{"answers": []}', '"answers" is not a set of answers'],
			['an answer a number', '{"answers": {"slave.ip": 5}}', 'the answer for "slave.ip" is not text'],
			['progress a string', '{"answers": {}, "progress": "done"}', '"progress" is not an object'],
		] as const
	).map(
		([what, text, problem]): Case => ({
			name: `state.json ${what}`,
			args: [],
			prepare: async root => {
				await mkdir(path.join(root, 'var/lib/mesos-setup'), {recursive: true});
				await writeFile(path.join(root, 'var/lib/mesos-setup/state.json'), text);
			},
			says: new RegExp(`state\\.json \\(mesos-setup's saved answers and progress\\) is damaged: ${problem.replaceAll(/[()[\].]/g, '\\$&')}.*\\n.*move it aside \\(mv `),
		}),
	),
	// A saved answer the setting does not allow: the person typed none of it, so its file is named.
	...(['setup', 'undo'] as const).map(
		(command): Case => ({
			name: `state.json holding an answer that is not allowed (${command} --yes)`,
			command: [command, '--yes'],
			args: [],
			prepare: async root => {
				await mkdir(path.join(root, 'var/lib/mesos-setup'), {recursive: true});
				await writeFile(path.join(root, 'var/lib/mesos-setup/state.json'), '{"answers": {"zookeeper.myid": "abc"}}');
			},
			says: /^zookeeper\.myid: "abc" is not allowed; .* \(a saved answer, in \/.*\/var\/lib\/mesos-setup\/state\.json: fix it there; a command that takes --set can give the setting instead\)\.$/m,
		}),
	),
	{
		name: 'state.json a FIFO',
		args: [],
		prepare: async root => {
			await mkdir(path.join(root, 'var/lib/mesos-setup'), {recursive: true});
			await execa('mkfifo', [path.join(root, 'var/lib/mesos-setup/state.json')]);
		},
		says: /state\.json \(mesos-setup's saved answers and progress\) cannot be read: .*is a FIFO, not a regular file/,
	},
];

describe('bad input exits 2, names the setting, cuts the value, says what is allowed, writes nothing', () => {
	it(`${cases.length} bad inputs`, {timeout: 300_000}, async () => {
		const refused: string[] = [];
		await inParallel(cases, 4, async ({name, args, says, prepare, command = ['setup', '--yes']}) => {
			const root = await tempRoot();
			const dir = await tempRoot('mesos-setup-answers-');
			await prepare?.(root, dir);
			const before = await readTree(root, () => false, {folders: true});
			const result = await runCli([...command, '--root', root, ...args.map(arg => arg.replace('{dir}', dir))]);
			expect(result.exitCode, `${name}: ${result.stdout}${result.stderr}`).toBe(2);
			expect(result.stderr, name).toMatch(says);
			expect(result.stderr, name).toContain('Nothing was changed.');
			// A value is cut in the message; a whole one would make it as long as the value.
			expect(result.stderr.length, name).toBeLessThan(2500);
			expect(await readTree(root, () => false, {folders: true}), name).toEqual(before);
			refused.push(name);
		});
		expect(refused).toHaveLength(cases.length);
	});

	it('a saved answer that is not allowed gives way to --set for the same setting', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'var/lib/mesos-setup'), {recursive: true});
		await writeFile(path.join(root, 'var/lib/mesos-setup/state.json'), '{"answers": {"zookeeper.myid": "abc"}}');
		const result = await runCli(['plan', '--root', root, '--set', 'zookeeper.myid=1']);
		expect(result.exitCode, result.stderr).toBe(0);
	});

	it('answers are read as written: a fingerprint of 40 digits stays those digits', async () => {
		const root = await tempRoot();
		const dir = await tempRoot('mesos-setup-answers-');
		const digits = '1234567890123456789012345678901234567890';
		await writeFile(path.join(dir, 'a.yaml'), `repo:\n  key: ${digits}\nzookeeper.myid: 1\n`);
		const result = await runCli(['setup', '--yes', '--root', root, '--answers', path.join(dir, 'a.yaml')]);
		expect(result.exitCode, result.stderr).toBe(0);
		const state = JSON.parse(await readFile(path.join(root, 'var/lib/mesos-setup/state.json'), 'utf8')) as {answers: Record<string, string>};
		expect(state.answers).toMatchObject({'repo.key': digits, 'zookeeper.myid': '1'});
	});
});
