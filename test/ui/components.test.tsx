import {Box} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {KeyHelp} from '../../source/ui/components/key-help/KeyHelp.js';
import {LogBuffer} from '../../source/ui/components/log-pane/log-buffer.js';
import {LogPane} from '../../source/ui/components/log-pane/LogPane.js';
import {ProgressBar} from '../../source/ui/components/progress-bar/ProgressBar.js';
import {ServicePane} from '../../source/ui/components/service-pane/ServicePane.js';
import {StepList} from '../../source/ui/components/step-list/StepList.js';
import {wrapRows} from '../../source/ui/components/wrapped-text/text-rows.js';
import {ActionList} from '../../source/ui/wizard/ActionList.js';
import {waitForFrame} from '../helpers/ink-app.js';

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

	it('shows the last lines in order after a burst, drawn by the buffer itself, each cut at the width', async () => {
		const buffer = new LogBuffer(500);
		const app = render(<LogPane buffer={buffer} height={3} />);
		// 20,000 lines at once, as a firehose comes, and no flush: the buffer's own pace draws them.
		for (let i = 0; i < 20_000; i++) buffer.push(i === 19_999 ? `line ${i} ${'x'.repeat(200)}` : `line ${i}`);
		const frame = await waitForFrame(app, text => text.includes('line 19999'));
		const rows = frame.split('\n');
		expect(rows.slice(0, 2)).toEqual(['line 19997', 'line 19998']);
		// Ink's test terminal is 100 columns: the long line is cut there, with an ellipsis.
		expect(rows[2]).toBe(`line 19999 ${'x'.repeat(88)}…`);
		expect(rows).toHaveLength(3);
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

describe('ServicePane at a narrow width', () => {
	it('wraps an outcome that does not fit beside the name, and the probe, instead of cutting them', () => {
		const app = render(
			<ServicePane
				name="mesos-slave"
				state="skipped"
				detail="service mesos-slave restart and its health check (--root: system commands are not run)"
				probe={{healthy: false, detail: 'http://127.0.0.1:5051/health: connection refused (nothing listening)', tries: 4, deadlineSeconds: 45}}
				width={50}
			/>,
		);
		const rows = (app.lastFrame() ?? '').split('\n');
		expect(rows[0]).toBe('│ – mesos-slave skipped');
		expect(rows.every(row => row.length <= 50)).toBe(true);
		const text = rows.map(row => row.replace(/^│ /, '').trim()).join(' ');
		expect(text).toContain('service mesos-slave restart and its health check (--root: system commands are not run)');
		expect(text).toContain('health: http://127.0.0.1:5051/health: connection refused (nothing listening) (try 4, up to 45 s)');
	});
});

describe('wrapRows', () => {
	it('wraps at spaces within the width, cuts a word longer than a row, and indents what follows', () => {
		expect(wrapRows('note: upstart reads “manual” here and leaves the service', 24, '      ')).toEqual(['note: upstart reads', '      “manual” here and', '      leaves the service']);
		expect(wrapRows('http://127.0.0.1:5050/master/health', 20)).toEqual(['http://127.0.0.1:505', '0/master/health']);
		expect(wrapRows('  kept indent', 40)).toEqual(['  kept indent']);
		expect(wrapRows('', 10)).toEqual(['']);
	});
});

describe('ActionList', () => {
	const view = {
		actions: [
			{action: {kind: 'check' as const, title: 'Port 3888 is free for ZooKeeper leader election', check: {kind: 'port-free' as const, port: 3888, owner: 'ZooKeeper'}}, state: 'skipped' as const, message: 'Port 3888 is free for ZooKeeper leader election (a real run checks this)', probeTries: 0},
			{action: {kind: 'check' as const, title: 'Docker is installed', check: {kind: 'command' as const, name: 'docker', why: 'x'}}, state: 'warned' as const, message: 'Docker is installed: docker is not installed, but the agent’s containerizers include docker', probeTries: 0},
			{action: {kind: 'check' as const, title: 'Port 2181 is free', check: {kind: 'port-free' as const, port: 2181, owner: 'ZooKeeper'}}, state: 'passed' as const, message: 'Port 2181 is free', probeTries: 0},
		],
	};

	it('wraps each outcome’s message under its title, said once', () => {
		const rows = (render(<ActionList view={view} width={50} />).lastFrame() ?? '').split('\n');
		expect(rows).toEqual([
			'– Port 3888 is free for ZooKeeper leader election',
			'  (a real run checks this)',
			'⚠ Docker is installed: docker is not installed,',
			'  but the agent’s containerizers include docker',
			'✔ Port 2181 is free',
		]);
	});

	it('cuts the plain outcomes first when the rows given cannot hold every message', () => {
		const app = render(
			<Box width={50}>
				<ActionList view={view} width={50} rows={4} />
			</Box>,
		);
		const rows = (app.lastFrame() ?? '').split('\n');
		expect(rows).toHaveLength(4);
		expect(rows[0]).toMatch(/^– Port 3888 is free for ZooKeeper leader .*…$/);
		expect(rows.slice(1).join(' ').replaceAll(/\s+/g, ' ')).toContain('docker is not installed, but the agent’s containerizers include docker');
	});
});

describe('ActionList too tall for its rows', () => {
	// Six ports held, as on a re-run while the services run, each warning two rows at 50 columns.
	const held = {
		actions: [2181, 2888, 3888, 5050, 5051, 8080].map(port => ({
			action: {kind: 'check' as const, title: `Port ${port} is free`, check: {kind: 'port-free' as const, port, owner: 'a service'}},
			state: 'warned' as const,
			message: `Port ${port} is free: it is held by java (pid 4242), which is not this service; stop it or choose another port`,
			probeTries: 0,
		})),
	};
	const frameOf = (offset: number, limit = {current: -1}, height = 8) => {
		const app = render(
			<Box width={50}>
				<ActionList view={held} width={50} rows={height} offset={offset} limit={limit} />
			</Box>,
		);
		const rows = (app.lastFrame() ?? '').split('\n');
		app.unmount();
		return {rows, limit: limit.current};
	};

	it('scrolls, every warning whole, in the rows given, saying how much is above and below', () => {
		const top = frameOf(0);
		expect(top.rows).toHaveLength(8);
		expect(top.rows.at(-1)).toMatch(/^↓ \d+ more rows \(↓ to scroll\)$/);
		expect(top.rows.join('\n')).not.toContain('…');
		const whole = (frame: string[]) => frame.join(' ').replaceAll(/\s+/g, ' ');
		expect(whole(top.rows)).toContain('Port 2181 is free: it is held by java (pid 4242), which is not this service; stop it or choose another port');
		// The end: the last warning whole, the row above saying what is out of view; an offset past it is the end.
		const end = frameOf(top.limit);
		expect(end.rows).toHaveLength(8);
		expect(end.rows[0]).toMatch(/^↑ \d+ more rows \(↑ to scroll\)$/);
		expect(whole(end.rows)).toContain('Port 8080 is free: it is held by java (pid 4242), which is not this service; stop it or choose another port');
		expect(frameOf(top.limit + 5).rows).toEqual(end.rows);
		// In between, both rows; the limit is the same wherever the list stands.
		const middle = frameOf(2);
		expect(middle.rows[0]).toMatch(/^↑ 2 more rows/);
		expect(middle.rows.at(-1)).toMatch(/^↓ \d+ more rows/);
		expect(middle.limit).toBe(top.limit);
		expect(top.limit).toBeGreaterThan(0);
	});

	it('keeps the check that runs in view while they run, where no key scrolls', () => {
		const running = {actions: held.actions.map((item, index) => (index === held.actions.length - 1 ? {...item, state: 'running' as const, message: undefined} : item))};
		const app = render(
			<Box width={50}>
				<ActionList view={running} width={50} rows={8} follow={running.actions.length - 1} />
			</Box>,
		);
		const rows = (app.lastFrame() ?? '').split('\n');
		app.unmount();
		expect(rows).toHaveLength(8);
		expect(rows[0]).toMatch(/^↑ \d+ more rows/);
		expect(rows.join('\n')).toContain('Port 8080 is free');
	});

	it('shows everything from the top and says it does not scroll when it fits', () => {
		const fits = frameOf(3, {current: 7}, 40);
		expect(fits.limit).toBe(0);
		expect(fits.rows.join('\n')).not.toMatch(/more rows/);
		expect(fits.rows[0]).toMatch(/^⚠ Port 2181 is free/);
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
