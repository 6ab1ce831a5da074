import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {diffLines} from '../../source/model/diff.js';
import {FilePreview} from '../../source/ui/components/file-preview/file-preview.js';
import {foldUnchanged, previewWindow} from '../../source/ui/components/file-preview/preview-rows.js';

afterEach(() => cleanup());

const sampleZooCfg = ['# http://hadoop.apache.org/zookeeper/docs/current/zookeeperAdmin.html', 'tickTime=2000', 'initLimit=10', 'syncLimit=5', 'dataDir=/tmp/zookeeper', 'clientPort=2181', ''].join('\n');

describe('FilePreview', () => {
	it('shows a new file as added lines', () => {
		const app = render(<FilePreview path="/etc/mesos/zk" before={undefined} after={'zk://127.0.0.1:2181/mesos\n'} height={10} />);
		expect(app.lastFrame()).toBe(['/etc/mesos/zk · new file', '+ zk://127.0.0.1:2181/mesos'].join('\n'));
	});

	it('shows changed lines against what is on disk, other lines unchanged', () => {
		const after = sampleZooCfg.replace('dataDir=/tmp/zookeeper', 'dataDir=/var/lib/zookeeper');
		const app = render(<FilePreview path="/etc/zookeeper/conf/zoo.cfg" before={sampleZooCfg} after={after} height={20} notes={['dataDir: where myid is read']} />);
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
		const app = render(<FilePreview path="/etc/mesos/zk" before={'zk://a:2181/mesos\n'} after={'zk://a:2181/mesos\n'} height={5} />);
		expect(app.lastFrame()).toContain('/etc/mesos/zk · unchanged: nothing to write');
	});

	it('folds long unchanged runs and scrolls what still does not fit', () => {
		const before = Array.from({length: 40}, (_, i) => `line${i}=x`).join('\n');
		const after = before.replace('line20=x', 'line20=y');
		const rows = foldUnchanged(diffLines(before, after));
		expect(rows.map(r => r.text)).toEqual(['… 18 unchanged lines', 'line18=x', 'line19=x', 'line20=x', 'line20=y', 'line21=x', 'line22=x', '… 17 unchanged lines']);
		const app = render(<FilePreview path="/etc/default/mesos" before={before} after={after} height={6} offset={1} />);
		const frame = app.lastFrame() ?? '';
		expect(frame).toContain('↑ 1 more line');
		expect(frame).toContain('- line20=x');
		expect(frame).toContain('↓ 3 more lines');
		expect(previewWindow(diffLines(before, after), 6, 99).offset).toBe(4);
	});
});
