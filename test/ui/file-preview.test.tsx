import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {diffFile} from '../../source/model/diff.js';
import {FilePreview} from '../../source/ui/components/file-preview/FilePreview.js';
import {fileRows, previewWindow} from '../../source/ui/components/file-preview/preview-rows.js';
import {waitForFrame} from '../helpers/ink-app.js';

afterEach(() => cleanup());

const sampleZooCfg = ['# http://hadoop.apache.org/zookeeper/docs/current/zookeeperAdmin.html', 'tickTime=2000', 'initLimit=10', 'syncLimit=5', 'dataDir=/tmp/zookeeper', 'clientPort=2181', ''].join('\n');

const manual = (service: string) => ({
	path: `/etc/init/${service}.override`,
	before: undefined,
	after: 'manual\n',
	notes: ['upstart reads “manual” here and leaves the service to be started by hand.'],
});

const numberedFile = (count: number, name = 'line'): string => `${Array.from({length: count}, (_, i) => `${name}${i + 1}=x`).join('\n')}\n`;

describe('FilePreview', () => {
	it('shows a new file as added lines, numbered', () => {
		const app = render(<FilePreview files={[{path: '/etc/mesos/zk', before: undefined, after: 'zk://127.0.0.1:2181/mesos\n'}]} height={10} width={80} />);
		expect(app.lastFrame()).toBe(['/etc/mesos/zk · new file', '1 + zk://127.0.0.1:2181/mesos'].join('\n'));
	});

	it('shows changed lines against what is on disk with the unchanged lines around them, numbered as written', () => {
		const after = sampleZooCfg.replace('dataDir=/tmp/zookeeper', 'dataDir=/var/lib/zookeeper');
		const app = render(<FilePreview files={[{path: '/etc/zookeeper/conf/zoo.cfg', before: sampleZooCfg, after, notes: ['dataDir: where myid is read']}]} height={20} width={80} />);
		expect(app.lastFrame()).toBe(
			[
				'/etc/zookeeper/conf/zoo.cfg · 1 line added, 1 removed',
				'1   # http://hadoop.apache.org/zookeeper/docs/current/zookeeperAdmin.html',
				'2   tickTime=2000',
				'3   initLimit=10',
				'4   syncLimit=5',
				'  - dataDir=/tmp/zookeeper',
				'5 + dataDir=/var/lib/zookeeper',
				'6   clientPort=2181',
				'note: dataDir: where myid is read',
			].join('\n'),
		);
	});

	it('says when nothing changes', () => {
		const app = render(<FilePreview files={[{path: '/etc/mesos/zk', before: 'zk://a:2181/mesos\n', after: 'zk://a:2181/mesos\n'}]} height={5} width={80} />);
		expect(app.lastFrame()).toContain('/etc/mesos/zk · unchanged: nothing to write');
	});

	it('shows hunks with three lines of context, folds the rest, and scrolls what still does not fit', () => {
		const before = numberedFile(40);
		const after = before.replace('line21=x', 'line21=y');
		const file = {path: '/etc/default/mesos', before, after};
		expect(fileRows(file, 80, 'changes').map(row => ('text' in row ? row.text : row.kind))).toEqual([
			'header',
			'… 17 unchanged lines',
			'line18=x',
			'line19=x',
			'line20=x',
			'line21=x',
			'line21=y',
			'line22=x',
			'line23=x',
			'line24=x',
			'… 16 unchanged lines',
		]);
		// The header and 10 rows: 11; scrolled three down, 5 show between a row above and one below.
		const app = render(<FilePreview files={[file]} height={7} width={80} offset={3} />);
		const frame = app.lastFrame() ?? '';
		expect(frame.split('\n')).toEqual(['↑ 3 more lines (↑ to scroll)', '19   line19=x', '20   line20=x', '   - line21=x', '21 + line21=y', '22   line22=x', '↓ 3 more lines (↓ to scroll)']);
		expect(previewWindow(fileRows(file, 80, 'changes'), 7, 99).offset).toBe(5);
	});

	it('numbers the lines after an insertion as they will be, and shows a single unchanged line rather than folding it', () => {
		const before = numberedFile(20);
		const after = before.replace('line3=x\n', 'line3=x\ninserted=1\ninserted=2\n').replace('line11=x', 'line11=y');
		const rows = fileRows({path: '/etc/default/mesos', before, after}, 80, 'changes');
		const shown = rows.flatMap(row => (row.kind === 'same' || row.kind === 'added' ? [`${row.after} ${row.text}`] : row.kind === 'removed' ? [`- ${row.text}`] : row.kind === 'fold' ? [row.text] : []));
		expect(shown).toEqual([
			'1 line1=x',
			'2 line2=x',
			'3 line3=x',
			'4 inserted=1',
			'5 inserted=2',
			'6 line4=x',
			'7 line5=x',
			'8 line6=x',
			// line 7 alone between two hunks: shown, since "… 1 unchanged line" would take its row too
			'9 line7=x',
			'10 line8=x',
			'11 line9=x',
			'12 line10=x',
			'- line11=x',
			'13 line11=y',
			'14 line12=x',
			'15 line13=x',
			'16 line14=x',
			'… 6 unchanged lines',
		]);
	});

	it('shows the whole file in the whole view, and only the changes in the other (the screens toggle it with f)', async () => {
		const before = numberedFile(40);
		const after = before.replace('line21=x', 'line21=y');
		const files = [{path: '/etc/default/mesos', before, after}];
		const app = render(<FilePreview files={files} height={60} width={80} />);
		expect(app.lastFrame()).toContain('/etc/default/mesos · 1 line added, 1 removed · f: whole file');
		expect(app.lastFrame()).not.toContain('line1=x');
		app.rerender(<FilePreview files={files} height={60} width={80} view="whole" />);
		const whole = await waitForFrame(app, 'f: changes only');
		expect(whole.split('\n')).toHaveLength(42);
		expect(whole).toContain(' 1   line1=x');
		expect(whole).toContain('   - line21=x\n21 + line21=y');
		expect(whole).toContain('40   line40=x');
		app.rerender(<FilePreview files={files} height={60} width={80} view="changes" />);
		await waitForFrame(app, frame => frame.includes('f: whole file') && !frame.includes('line1=x'));
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
			['/etc/init/zookeeper.override · new file', '1 + manual', 'note: upstart reads “manual” here and', '      leaves the service to be started', '      by hand.'].join('\n'),
		);
	});
});

describe('diffFile', () => {
	it('marks added, removed and unchanged lines with their numbers now and as written', () => {
		expect(diffFile('a\nb\nc\n', 'a\nB\nc\nd\n').hunks).toEqual([
			[
				{kind: 'same', text: 'a', before: 1, after: 1},
				{kind: 'removed', text: 'b', before: 2},
				{kind: 'added', text: 'B', after: 2},
				{kind: 'same', text: 'c', before: 3, after: 3},
				{kind: 'added', text: 'd', after: 4},
			],
		]);
		expect(diffFile('', 'x\n').hunks).toEqual([[{kind: 'added', text: 'x', after: 1}]]);
		// A missing newline at the end is no change of its own.
		expect(diffFile('a\nb', 'a\nb\n').hunks).toEqual([]);
	});

	it('diffs a 5,000-line file with a few changes into short hunks', () => {
		const before = numberedFile(5000);
		const after = before.replace('line2500=x', 'line2500=y').replace('line4000=x\n', 'line4000=x\nadded=1\n');
		const diff = diffFile(before, after);
		expect(diff.added).toBe(2);
		expect(diff.removed).toBe(1);
		expect(diff.hunks.map(hunk => hunk.length)).toEqual([8, 7]);
		expect(diff.hunks[1]?.find(line => line.kind === 'added')).toEqual({kind: 'added', text: 'added=1', after: 4001});
	});

	it('shows two files with nothing in common as all removed, then all added', () => {
		const diff = diffFile(numberedFile(5000, 'old'), numberedFile(5000, 'new'));
		expect(diff.removed).toBe(5000);
		expect(diff.added).toBe(5000);
		expect(diff.hunks.flat()[0]).toEqual({kind: 'removed', text: 'old1=x', before: 1});
		expect(diff.hunks.flat()[5000]).toEqual({kind: 'added', text: 'new1=x', after: 1});
	});
});
