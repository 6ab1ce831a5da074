import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {asRoot, bashScript, remoteCommandLine, withEnv} from '../../source/model/remote-command.js';

describe('a command for a node, as one string for its shell', () => {
	const hostile = ['printf', '%s\\n', 'it\'s', '$(reboot)', '`halt`', '; rm -rf /', 'a b', '', '*', '\\', '"', '\n', 'ünï'];

	it('reaches the program word for word, whatever the words hold', async () => {
		// What ssh does with it: one string, read by the login shell (bash -c here, as sshd runs it).
		const line = remoteCommandLine(hostile);
		const {stdout} = await execa('bash', ['-c', line], {stripFinalNewline: false});
		expect(stdout).toBe(`${hostile.slice(2).join('\n')}\n`);
		const viaSh = await execa('sh', ['-c', line], {stripFinalNewline: false});
		expect(viaSh.stdout).toBe(stdout);
	});

	it('goes through sudo -n for a user other than root, env for variables, bash -c for scripts', () => {
		expect(asRoot(['id'], true)).toEqual(['id']);
		expect(asRoot(['id'], false)).toEqual(['sudo', '-n', '--', 'id']);
		expect(withEnv(['apt-get', 'install'], {DEBIAN_FRONTEND: 'noninteractive'})).toEqual(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install']);
		expect(remoteCommandLine(asRoot(bashScript('echo "$1"', ['x y']), false))).toBe(`sudo -n -- bash -c 'echo "$1"' mesos-setup 'x y'`);
	});
});
