import {describe, expect, it} from 'vitest';
import {aptFraction, type AptProgress, describeAptProgress, noAptProgress, readAptLine} from '../../source/model/apt-progress.js';

const read = (lines: string[]): AptProgress => lines.reduce(readAptLine, noAptProgress);

// Lines as apt-get install -y prints them without a terminal (Debian 12).
const install = [
	'Reading package lists...',
	'Building dependency tree...',
	'The following NEW packages will be installed:',
	'  chronos marathon mesos mesosphere',
	'0 upgraded, 4 newly installed, 0 to remove and 3 not upgraded.',
	'Need to get 120 MB of archives.',
	'Get:1 http://repos.mesosphere.io/ubuntu trusty/main amd64 mesos amd64 1.9.0 [80 MB]',
	'Get:2 http://repos.mesosphere.io/ubuntu trusty/main amd64 marathon all 1.4.8 [30 MB]',
];

describe('apt progress', () => {
	it('has no fraction until apt says how many packages it installs', () => {
		expect(aptFraction(read(['Reading package lists...']))).toBeUndefined();
		expect(describeAptProgress(noAptProgress)).toBe('waiting for apt');
	});

	it('counts each package fetched, unpacked and set up', () => {
		const fetching = read(install);
		expect(fetching.total).toBe(4);
		expect(aptFraction(fetching)).toBeCloseTo(2 / 12);
		const fetched = read([...install, 'Fetched 120 MB in 9s (13.3 MB/s)']);
		expect(aptFraction(fetched)).toBeCloseTo(4 / 12);
		const done = read([
			...install,
			'Fetched 120 MB in 9s (13.3 MB/s)',
			...['mesos', 'marathon', 'chronos', 'mesosphere'].flatMap(p => [`Unpacking ${p} (1.0) ...`, `Setting up ${p} (1.0) ...`]),
		]);
		expect(aptFraction(done)).toBe(1);
		expect(describeAptProgress(done)).toBe('4 packages: 4 fetched, 4 unpacked, 4 set up');
	});

	it('counts upgraded and reinstalled packages in the total', () => {
		expect(read(['2 upgraded, 3 newly installed, 1 reinstalled, 0 to remove and 0 not upgraded.']).total).toBe(6);
	});

	it('says when there is nothing to install', () => {
		const nothing = read(['0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.']);
		expect(aptFraction(nothing)).toBe(1);
		expect(describeAptProgress(nothing)).toMatch(/nothing to install/);
	});

	it('counts the package sources apt-get update reads', () => {
		const update = read(['Hit:1 http://deb.debian.org/debian bookworm InRelease', 'Get:2 http://repos.mesosphere.io/ubuntu trusty InRelease [3 kB]', 'Ign:3 http://x trusty Release']);
		expect(aptFraction(update)).toBeUndefined();
		expect(describeAptProgress(update)).toBe('3 package sources read');
	});
});
