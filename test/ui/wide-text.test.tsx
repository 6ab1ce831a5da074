// Text as wide as it looks: CJK characters and emoji take two columns, combining marks none. Rows
// are counted and cut in terminal columns, so at 80 columns nothing spills past the edge, nothing
// is cut that should wrap, and what is indented lines up.
import {Box} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {LogBuffer} from '../../source/ui/components/log-pane/log-buffer.js';
import {ServicePane} from '../../source/ui/components/service-pane/ServicePane.js';
import {textWidth, wrapRows} from '../../source/ui/components/wrapped-text/text-rows.js';
import {WrappedText} from '../../source/ui/components/wrapped-text/WrappedText.js';

afterEach(() => cleanup());

const cjkHost = '节点一号-数据中心-北京.例子.com';
// 70 columns in 63 code points: whole at 80 columns; twice over, cut.
const emojiLine = '🚀 mesos-slave: registered with master@10.0.0.5:5050 as 节点一号 ✅ 🎉';

const words = (rows: readonly string[]): string => rows.map(row => row.trim()).join(' ');

describe('widths in terminal columns', () => {
	it('counts CJK characters and emoji as two columns and combining marks as none', () => {
		expect([textWidth(emojiLine), [...emojiLine].length]).toEqual([70, 63]);
		expect(textWidth('节点')).toBe(4);
		expect(textWidth('🚀 ok')).toBe(5);
		expect(textWidth('re\u0301sume\u0301')).toBe(6);
		expect(textWidth('\u001B[32mgreen\u001B[0m')).toBe(5);
	});

	it('wraps a CJK host name within the columns, under its indent, losing nothing', () => {
		const text = `Agents: 1 registered (${cjkHost}, 4 cpus, 15 GB); the master at ${cjkHost}:5050 is leading`;
		for (const width of [80, 40, 24]) {
			const rows = wrapRows(text, width, '    ');
			for (const row of rows) expect(stringWidth(row), `${JSON.stringify(row)} at ${width}`).toBeLessThanOrEqual(width);
			expect(rows.slice(1).every(row => row.startsWith('    '))).toBe(true);
			expect(words(rows).replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
		}
		// The host name's 22 characters take 40 columns: counted as 22, the row would hold "cpus" too
		// and spill 18 columns past the edge.
		expect(wrapRows(`the agent on ${cjkHost} answered: healthy, registered, 4 cpus and 15 GB offered to Marathon`, 80)).toEqual([
			`the agent on ${cjkHost} answered: healthy, registered, 4`,
			'cpus and 15 GB offered to Marathon',
		]);
	});

	it('cuts a word of wide characters between characters, never through one', () => {
		const rows = wrapRows('节点一号数据中心北京', 7);
		expect(rows).toEqual(['节点一', '号数据', '中心北', '京']);
	});

	it('keeps combining marks with their letters, composed', () => {
		// Eight columns: "résumé déjà" would be 11; counted by code points "résumé" alone would be 8
		// and "déjà vu" 9, one too many for its row.
		const rows = wrapRows('re\u0301sume\u0301 de\u0301ja\u0300 vu cafe\u0301 ok', 8);
		expect(rows).toEqual(['r\u00E9sum\u00E9', 'd\u00E9j\u00E0 vu', 'caf\u00E9 ok']);
		expect(rows.map(textWidth)).toEqual([6, 7, 7]);
	});
});

describe('at 80 columns, through Ink', () => {
	it('draws a service with a CJK host name and an emoji log line inside its 80 columns, border aligned', () => {
		// The screens give a pane the terminal's columns; here a box of 80 stands for an 80-column terminal.
		const app = render(
			<Box width={80}>
				<ServicePane
				name="mesos-slave"
				state="failed"
				detail={`exited 1 after start: the master ${cjkHost}:5050 did not answer within 30 s (connection refused)`}
				probe={{healthy: false, detail: `http://${cjkHost}:5051/health: connection refused`, tries: 3, deadlineSeconds: 30}}
				logTail={[emojiLine, `${emojiLine} ${emojiLine}`]}
				width={80}
				/>
			</Box>,
		);
		const rows = (app.lastFrame() ?? '').split('\n');
		for (const row of rows) {
			expect(stringWidth(row), row).toBeLessThanOrEqual(80);
			expect(row.startsWith('│ '), row).toBe(true);
		}
		const text = words(rows.map(row => row.slice(2)));
		// The detail and the probe wrap: each is there whole.
		expect(text.replaceAll(' ', '')).toContain(`exited 1 after start: the master ${cjkHost}:5050 did not answer within 30 s (connection refused)`.replaceAll(' ', ''));
		expect(text.replaceAll(' ', '')).toContain(`health: http://${cjkHost}:5051/health: connection refused (try 3, up to 30 s)`.replaceAll(' ', ''));
		// Log lines are cut at the edge, not wrapped: the short one whole, the long one ending in …
		expect(rows).toContain(`│ ${emojiLine}`);
		const long = rows.find(row => row.startsWith(`│ ${emojiLine} 🚀`));
		expect(long?.endsWith('…')).toBe(true);
		expect(stringWidth(long ?? '')).toBeGreaterThanOrEqual(78);
	});

	it('shows live output with emoji and CJK within the pane', async () => {
		const output = new LogBuffer(50, 0);
		output.push(emojiLine);
		output.push(`Setting up mesos (1.11.0) on ${cjkHost} … 完成 ✔`);
		output.flush();
		const app = render(
			<Box width={80}>
				<ServicePane name="mesos-slave" state="starting" output={output} outputLines={2} width={80} />
			</Box>,
		);
		const rows = (app.lastFrame() ?? '').split('\n');
		expect(rows.every(row => stringWidth(row) <= 80)).toBe(true);
		expect(rows).toContain(`│ ${emojiLine}`);
		expect(rows).toContain(`│ Setting up mesos (1.11.0) on ${cjkHost} … 完成 ✔`);
	});

	it('wraps an explanation with wide characters to rows that Ink draws as they are', () => {
		const text = `This agent reports its name as ${cjkHost} 🖥️ and Marathon links to it by that name; make sure it resolves from every machine 🌐.`;
		const app = render(<WrappedText text={text} width={80} indent="  " />);
		const rows = (app.lastFrame() ?? '').split('\n');
		expect(rows).toEqual(wrapRows(text, 80, '  '));
		expect(rows.length).toBeGreaterThan(1);
		expect(rows.every(row => stringWidth(row) <= 80)).toBe(true);
	});
});
