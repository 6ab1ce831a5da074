// The --root a sandboxed run puts into the commands it tells a person to type next: quoted so
// that pasting it gives back the same folder.
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {rootFlag} from '../../source/model/script.js';

describe('rootFlag', () => {
	it('is empty on the machine itself', () => {
		expect(rootFlag({sandbox: false, root: '/'})).toBe('');
	});

	it('gives back, through a shell, the folder as it is: spaces and quotes included', () => {
		for (const root of ['/tmp/plain', "/tmp/my sandbox/it's here"]) {
			const flag = rootFlag({sandbox: true, root});
			expect(flag.startsWith(' --root ')).toBe(true);
			const words = execFileSync('bash', ['-c', `printf '%s\\n' ${flag}`], {encoding: 'utf8'}).trimEnd().split('\n');
			expect(words).toEqual(['--root', root]);
		}
	});
});
