import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {diffLines} from '../../source/model/diff.js';
import {FilePreview} from '../../source/ui/components/file-preview/file-preview.js';
import {foldUnchanged, previewWindow} from '../../source/ui/components/file-preview/preview-rows.js';

afterEach(() => cleanup());

const sampleZooCfg = ['# http://hadoop.apache.org/zookeeper/docs/current/zookeeperAdmin.html', 'tickTime=2000', 'initLimit=10', 'syncLimit=5', 'dataDir=/tmp/zookeeper', 'clientPort=2181', ''].join('\n');

const manual = (service: string) => ({
	path: `/etc/init/${service}.override`,
	before: undefined,
	after: 'manual\n',
	notes: ['upstart reads “manual” here and leaves the service to be started by hand.'],
});

describe('FilePreview', () => {
	it('shows a new file as added lines', () => {
		const app = render(<FilePreview files={[{path: '/etc/mesos/zk', before: undefined, after: 'zk://127.0.0.1:2181/mesos\n'}]} height={10} width={80} />);
		expect(app.lastFrame()).toBe(['/etc/mesos/zk · new file', '+ zk://127.0.0.1:2181/mesos'].join('\n'));
	});

	it('shows changed lines against what is on disk, other lines unchanged', () => {
		const after = sampleZooCfg.replace('dataDir=/tmp/zookeeper', 'dataDir=/var/lib/zookeeper');
		const app = render(<FilePreview files={[{path: '/etc/zookeeper/conf/zoo.cfg', before: sampleZooCfg, after, notes: ['dataDir: where myid is read']}]} height={20} width={80} />);
		expect(app.lastFrame()).toBe(
			[
				'/etc/zookeeper/conf/zoo.cfg · 1 line added, 1 removed',
				'  # http://hadoop.apache.org/zookeeper/docs/current/zookeeperAdmin.html',
				'  tickTime=2000',
				'  initLimit=10',
				'  syncLimit=5',
				'- dataDir=/tmp/zookeeper',
				'+ dataDir=/var/lib/zookeeper',
				'  clientPort=2181',
				'note: dataDir: where myid is read',
			].join('\n'),
		);
	});

	it('says when nothing changes', () => {
		const app = render(<FilePreview files={[{path: '/etc/mesos/zk', before: 'zk://a:2181/mesos\n', after: 'zk://a:2181/mesos\n'}]} height={5} width={80} />);
		expect(app.lastFrame()).toContain('/etc/mesos/zk · unchanged: nothing to write');
	});

	it('folds long unchanged runs and scrolls what still does not fit', () => {
		const before = Array.from({length: 40}, (_, i) => `line${i}=x`).join('\n');
		const after = before.replace('line20=x', 'line20=y');
		const rows = foldUnchanged(diffLines(before, after));
		expect(rows.map(r => r.text)).toEqual(['… 18 unchanged lines', 'line18=x', 'line19=x', 'line20=x', 'line20=y', 'line21=x', 'line22=x', '… 17 unchanged lines']);
		const file = {path: '/etc/default/mesos', before, after};
		// The header and 8 rows of diff: 9 rows; scrolled one down, 5 show between a row above and one below.
		const app = render(<FilePreview files={[file]} height={7} width={80} offset={1} />);
		const frame = app.lastFrame() ?? '';
		expect(frame.split('\n')).toHaveLength(7);
		expect(frame).toContain('↑ 1 more line (↑ to scroll)');
		expect(frame).toContain('- line20=x');
		expect(frame).toContain('↓ 3 more lines (↓ to scroll)');
		expect(previewWindow([file], 7, 80, 99).offset).toBe(3);
	});

	it('keeps several files within its rows, saying how many lines and files are below, and scrolls to them', () => {
		const files = ['chronos', 'zookeeper', 'marathon', 'mesos-master', 'mesos-slave'].map(manual);
		const app = render(<FilePreview files={files} height={8} width={79} />);
		let frame = app.lastFrame() ?? '';
		expect(frame.split('\n')).toHaveLength(8);
		expect(frame).toContain('/etc/init/chronos.override · new file');
		expect(frame).toContain('note: upstart reads “manual” here and leaves the service to be started by hand.');
		expect(frame).toContain('↓ 8 more lines, 2 more files (↓ to scroll)');
		app.rerender(<FilePreview files={files} height={8} width={79} offset={20} />);
		frame = app.lastFrame() ?? '';
		expect(frame.split('\n')).toHaveLength(8);
		expect(frame).toContain('↑ 8 more lines (↑ to scroll)');
		expect(frame).toContain('/etc/init/mesos-slave.override · new file');
		expect(frame).not.toContain('↓');
	});

	it('wraps a note to the width instead of cutting it', () => {
		const app = render(<FilePreview files={[manual('zookeeper')]} height={10} width={40} />);
		expect(app.lastFrame()).toBe(
			['/etc/init/zookeeper.override · new file', '+ manual', 'note: upstart reads “manual” here and', '      leaves the service to be started', '      by hand.'].join('\n'),
		);
	});
});
