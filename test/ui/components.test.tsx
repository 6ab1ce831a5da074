import {Box} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {KeyHelp} from '../../source/ui/components/key-help/key-help.js';
import {LogBuffer} from '../../source/ui/components/log-pane/log-buffer.js';
import {LogPane} from '../../source/ui/components/log-pane/log-pane.js';
import {ProgressBar} from '../../source/ui/components/progress-bar/progress-bar.js';
import {ServicePane} from '../../source/ui/components/service-pane/service-pane.js';
import {StepList} from '../../source/ui/components/step-list/step-list.js';
import {waitForFrame} from './ink-keys.js';

afterEach(() => cleanup());

describe('LogPane', () => {
	it('shows the last lines that fit, and new ones as they come', async () => {
		const buffer = new LogBuffer(100);
		for (let i = 1; i <= 20; i++) buffer.push(`Get:${i} http://deb.debian.org/debian bookworm/main pkg${i}`);
		buffer.flush();
		const app = render(<LogPane buffer={buffer} height={3} />);
		const frame = app.lastFrame() ?? '';
		expect(frame.split('\n')).toEqual([
			'Get:18 http://deb.debian.org/debian bookworm/main pkg18',
			'Get:19 http://deb.debian.org/debian bookworm/main pkg19',
			'Get:20 http://deb.debian.org/debian bookworm/main pkg20',
		]);
		buffer.push('E: Could not get lock /var/lib/dpkg/lock-frontend', 'stderr');
		await waitForFrame(app, 'Could not get lock');
		expect(app.lastFrame()).not.toContain('pkg18');
	});

	it('says it is waiting while no line has come', () => {
		const app = render(<LogPane buffer={new LogBuffer()} height={3} empty="waiting for output…" />);
		expect(app.lastFrame()).toBe('waiting for output…');
	});
});

describe('ServicePane', () => {
	it('shows a healthy service with its probe and deadline', () => {
		const app = render(<ServicePane name="zookeeper" state="healthy" detail="zookeeper: Mode: standalone" probe={{healthy: true, detail: 'Mode: standalone', tries: 3, deadlineSeconds: 60}} />);
		const frame = app.lastFrame() ?? '';
		expect(frame).toContain('✔ zookeeper healthy · zookeeper: Mode: standalone');
		expect(frame).toContain('health: Mode: standalone (try 3, up to 60 s)');
	});

	it('shows the log tail of a service that failed', () => {
		const app = render(
			<ServicePane
				name="mesos-master"
				state="failed"
				detail="mesos-master did not become healthy within 45 s"
				probe={{healthy: false, detail: 'http://127.0.0.1:5050/master/health: connection refused (nothing listening)'}}
				logTail={['last lines of /var/log/mesos/mesos-master.INFO:', 'F1125 Check failed: quorum > 0']}
			/>,
		);
		const frame = app.lastFrame() ?? '';
		expect(frame).toContain('✖ mesos-master failed');
		expect(frame).toContain('connection refused');
		expect(frame).toContain('F1125 Check failed: quorum > 0');
	});

	it('streams the output of the command that starts it', async () => {
		const output = new LogBuffer(10);
		const app = render(<ServicePane name="marathon" state="starting" output={output} outputLines={2} />);
		output.push(' * Starting marathon');
		await waitForFrame(app, 'Starting marathon');
		expect(app.lastFrame()).toContain('marathon starting');
	});
});

describe('StepList, KeyHelp and ProgressBar', () => {
	it('mark steps done, current and next, and say the keys', () => {
		const app = render(
			<Box flexDirection="column">
				<StepList
					width={30}
					items={[
						{title: 'Preflight', state: 'done'},
						{title: 'Install', state: 'skipped'},
						{title: 'Configuration', state: 'current', detail: 'file 3 of 15'},
						{title: 'Start services', state: 'next'},
					]}
				/>
				<KeyHelp keys={[{key: 'Enter', does: 'accept'}, {key: 'Esc', does: 'back'}]} />
				<ProgressBar fraction={0.5} width={10} label="4 packages: 4 fetched, 2 unpacked, 0 set up" />
			</Box>,
		);
		expect(app.lastFrame()).toBe(
			[
				'✔ Preflight',
				'– Install',
				'  skipped',
				'▸ Configuration',
				'  file 3 of 15',
				'· Start services',
				'Enter accept · Esc back',
				'█████░░░░░  50% 4 packages: 4 fetched, 2 unpacked, 0 set up',
			].join('\n'),
		);
	});
});
