// The completion script as bash runs it: made from a declaration (the real one, and one with a
// two-word command), sourced into bash, and its function called with the words bash would give it
// (split at = as COMP_WORDBREAKS says). What it offers is read back from COMPREPLY.
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type CommandLineSpec, commandLine} from '../../source/cli/command-line.js';
import {settingIds} from '../../source/model/settings.js';
import {bashCompletion} from '../../scripts/package/bash-completion.js';

let work = '';

beforeAll(async () => {
	work = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-completion-'));
	await mkdir(path.join(work, 'rehearsal-one'));
	await mkdir(path.join(work, 'rehearsal-two'));
	await writeFile(path.join(work, 'answers.yaml'), 'slave.hostname: node1\n');
});

afterAll(async () => {
	await rm(work, {recursive: true, force: true});
});

// Offers for `line` (the cursor at its end), by the script made from `spec`.
async function offers(line: string, spec: CommandLineSpec = commandLine): Promise<string[]> {
	const script = path.join(work, `completion-${spec.program}.bash`);
	await writeFile(script, bashCompletion({spec}));
	// Bash's own split: at blanks, and = is a word of its own (COMP_WORDBREAKS).
	const words = line.split(' ').flatMap(word => word.split(/(=)/).filter(part => part !== ''));
	if (line.endsWith(' ') || words.length === 0) words.push('');
	const program = [
		'source "$1"; shift',
		'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="${*}"; COMP_POINT=${#COMP_LINE}',
		'_mesos_setup',
		'printf "%s\\n" "${COMPREPLY[@]}"',
	].join('\n');
	const result = await execa('bash', ['--norc', '--noprofile', '-c', program, 'bash', script, ...words], {cwd: work});
	return String(result.stdout)
		.split('\n')
		.filter(offer => offer !== '')
		.sort();
}

describe('bash completion from the declared command line', () => {
	it('offers the commands, then the options that go with the command typed', async () => {
		expect(await offers('mesos-setup ')).toEqual(['cluster', 'edit', 'plan', 'setup', 'status', 'undo']);
		expect(await offers('mesos-setup st')).toEqual(['status']);
		expect(await offers('mesos-setup status --')).toEqual(['--answers', '--dry-run', '--help', '--json', '--once', '--root', '--set', '--version']);
		expect(await offers('mesos-setup plan --s')).toEqual(['--script', '--set']);
		// Given once already: not offered again, unless it repeats.
		expect(await offers('mesos-setup plan --script --set a=1 --s')).toEqual(['--set']);
	});

	it('offers every setting id, for edit and for --set ID=', async () => {
		expect(await offers('mesos-setup edit ')).toEqual([...settingIds].sort());
		expect(await offers('mesos-setup edit master.')).toEqual(settingIds.filter(id => id.startsWith('master.')).sort());
		expect(await offers('mesos-setup setup --set zookeeper.')).toEqual(settingIds.filter(id => id.startsWith('zookeeper.')).map(id => `${id}=`).sort());
	});

	it('offers a setting’s choices as its value, after edit ID and after --set ID=', async () => {
		expect(await offers('mesos-setup edit repo.keyMethod ')).toEqual(['apt-key', 'auto', 'keyring']);
		expect(await offers('mesos-setup edit slave.containerizers d')).toEqual(['docker,mesos']);
		// Bash replaces what follows the =, so the choices come without the id.
		expect(await offers('mesos-setup --set repo.keyMethod=')).toEqual(['apt-key', 'auto', 'keyring']);
		expect(await offers('mesos-setup --set=repo.keyMethod=k')).toEqual(['keyring']);
		// A free-text setting has nothing to offer.
		expect(await offers('mesos-setup edit slave.hostname ')).toEqual([]);
	});

	it('offers folders for --root and files for --answers, in both spellings', async () => {
		expect(await offers('mesos-setup plan --root reh')).toEqual(['rehearsal-one', 'rehearsal-two']);
		expect(await offers('mesos-setup plan --root=rehearsal-t')).toEqual(['rehearsal-two']);
		expect(await offers('mesos-setup setup --answers ans')).toEqual(['answers.yaml']);
		// After a value, the next word is not taken for the option's value again.
		expect(await offers('mesos-setup --root rehearsal-one ')).toEqual(['cluster', 'edit', 'plan', 'setup', 'status', 'undo']);
	});

	it('follows a command of several words and its arguments, as the declaration gives them', async () => {
		expect(await offers('mesos-setup c')).toEqual(['cluster']);
		expect(await offers('mesos-setup cluster ')).toEqual(['plan', 'setup', 'status', 'undo']);
		// FILE, the cluster file, completes as a file.
		expect(await offers('mesos-setup cluster plan ans')).toEqual(['answers.yaml']);
		expect(await offers('mesos-setup cluster plan --s')).toEqual(['--script']);
		// --script goes with cluster plan only; --once and --json with cluster status.
		expect(await offers('mesos-setup cluster status --s')).toEqual([]);
		expect(await offers('mesos-setup cluster status --o')).toEqual(['--once']);
	});
});
