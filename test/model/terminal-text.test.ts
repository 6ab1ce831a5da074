import {describe, expect, it} from 'vitest';
import {cleanLine} from '../../source/model/terminal-text.js';

describe('cleanLine', () => {
	it('returns a plain line as it is', () => {
		expect(cleanLine('Setting up zookeeperd (3.8.0-11) ...')).toBe('Setting up zookeeperd (3.8.0-11) ...');
	});

	it('keeps only the last version of a line rewritten with carriage returns', () => {
		expect(cleanLine('Progress: [ 10%]\rProgress: [ 60%]\rProgress: [100%] done')).toBe('Progress: [100%] done');
		expect(cleanLine('Reading package lists... 0%\r')).toBe('Reading package lists... 0%');
	});

	it('removes colour, cursor, title and hyperlink escapes, 7-bit and 8-bit', () => {
		expect(cleanLine('\u001B[32mGet:1\u001B[0m http://repos.mesosphere.com trusty InRelease')).toBe('Get:1 http://repos.mesosphere.com trusty InRelease');
		expect(cleanLine('\u001B[1;31mE:\u001B[m Unable to locate package mesosphere')).toBe('E: Unable to locate package mesosphere');
		expect(cleanLine('\u001B]0;apt\u0007\u001B[?25lInstalling\u001B[?25h')).toBe('Installing');
		expect(cleanLine('see \u001B]8;;https://mesos.apache.org\u001B\\the docs\u001B]8;;\u001B\\')).toBe('see the docs');
		expect(cleanLine('\u009B33mwarning\u009B0m')).toBe('warning');
	});

	it('leaves wide characters and emoji alone', () => {
		expect(cleanLine('\u001B[36m节点-一.example.com\u001B[0m 🚀 ready')).toBe('节点-一.example.com 🚀 ready');
	});
});
