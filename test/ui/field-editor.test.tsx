import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {applyFieldAction, type FieldAction} from '../../source/model/field-input.js';
import {findSetting, type Setting, type SettingId} from '../../source/model/settings.js';
import {textField} from '../../source/model/text-editing.js';
import {FieldEditor} from '../../source/ui/components/field-editor/FieldEditor.js';
import {fieldActionOf} from '../../source/ui/components/keys/field-action-of.js';
import {isKey} from '../../source/ui/components/keys/split-keys.js';
import {useKeys} from '../../source/ui/components/keys/use-keys.js';
import {useSyncReducer} from '../../source/ui/hooks/use-sync-reducer.js';
import {waitFor} from '../helpers/wait-for.js';
import {press, pressExpectingNoChange, readsKeys, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';

afterEach(() => cleanup());

const setting = (id: SettingId): Setting => {
	const found = findSetting(id);
	if (!found) throw new Error(`no setting ${id}`);
	return found;
};

// The field as a screen holds it: its value and cursor in a reducer, keys mapped one at a time,
// Enter passing on the value as it will be stored, only while it is allowed.
function Harness({id, initial, submitted}: {id: SettingId; initial: string; submitted: string[]}) {
	const edited = setting(id);
	const [field, store] = useSyncReducer((now: ReturnType<typeof textField>, action: FieldAction) => applyFieldAction(edited, now, action), textField(initial));
	useKeys(key => {
		if (isKey(key, 'return')) {
			const checked = edited.validate(store.get().text);
			if (checked.ok) submitted.push(checked.value);
			return;
		}
		const action = fieldActionOf(key, Boolean(edited.choices));
		if (action) store.dispatch(action);
	});
	return <FieldEditor setting={edited} value={field.text} cursor={field.cursor} focus />;
}

describe('FieldEditor', () => {
	it('wraps an error beside the field with every row under its first, at 80 columns', () => {
		const app = render(<FieldEditor setting={setting('repo.keyserver')} value="keyserver.ubuntu.com x" focus labelWidth={27} width={80} />);
		const lines = (app.lastFrame() ?? '').split('\n');
		const first = lines.findIndex(line => line.includes('✖ not allowed'));
		const column = lines[first]?.indexOf('✖') ?? -1;
		const rows = lines.slice(first + 1).filter(line => line.length > column && line.slice(0, column).trim() === '');
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row[column], row).not.toBe(' ');
		expect(lines.every(line => line.length <= 80)).toBe(true);
	});

	it('shows the label, the value and the catalogue help', () => {
		const app = render(<Harness id="slave.ip" initial="127.0.0.1" submitted={[]} />);
		const frame = app.lastFrame() ?? '';
		expect(frame).toContain('▸ Agent IP address');
		expect(frame).toContain('127.0.0.1');
		expect(frame).toContain('The address the agent listens on');
	});

	it('validates as you type, shows the error beside the field and refuses Enter while invalid', async () => {
		const submitted: string[] = [];
		const app = render(<Harness id="slave.executor_registration_timeout" initial="5mins" submitted={submitted} />);
		await press(app, keys.backspace, keys.backspace, keys.backspace);
		const frame = await waitForFrame(app, 'not allowed');
		expect(frame).toMatch(/timeout +5m +✖ not allowed: use a number and a unit, one of ns us ms/);
		// Refused: what follows shows it (the one value passed on is the mended one).
		await pressExpectingNoChange(app, keys.enter);
		expect(submitted).toEqual([]);
		await press(app, 'ins');
		await waitForFrame(app, /5mins(?![\s\S]*not allowed)/);
		await pressExpectingNoChange(app, keys.enter);
		await waitFor('the value passed on', () => submitted.length > 0);
		expect(submitted).toEqual(['5mins']);
	});

	it('passes on the value as it will be stored', async () => {
		const submitted: string[] = [];
		const app = render(<Harness id="repo.key" initial="" submitted={submitted} />);
		await press(app, '0x81026d0004c44cf7ef55adf8df7d54cbe56151bf');
		await waitForFrame(app, '0x81026d0004c44cf7ef55adf8df7d54cbe56151bf');
		await pressExpectingNoChange(app, keys.enter);
		await waitFor('the value passed on', () => submitted.length > 0);
		expect(submitted).toEqual(['81026D0004C44CF7EF55ADF8DF7D54CBE56151BF']);
	});

	it('offers the catalogue choices in a select list', async () => {
		const submitted: string[] = [];
		const app = render(<Harness id="slave.containerizers" initial="mesos" submitted={submitted} />);
		const frame = await waitForFrame(app, 'docker,mesos');
		expect(frame).toContain('❯ mesos');
		await press(app, keys.down);
		await waitForFrame(app, '❯ docker,mesos');
		await pressExpectingNoChange(app, keys.enter);
		await waitFor('the value passed on', () => submitted.length > 0);
		expect(submitted).toEqual(['docker,mesos']);
	});

	it('applies keys that come in one read one by one: Backspace edits, nothing invisible enters', async () => {
		const submitted: string[] = [];
		const app = render(<Harness id="zookeeper.myid" initial="1" submitted={submitted} />);
		await waitForFrame(app, '▸ ZooKeeper server id');
		await readsKeys(app);
		app.stdin.write('\u007F2');
		await waitForFrame(app, /server id +2\s/);
		app.stdin.write('\u007F\u007F3\r');
		await waitFor('Enter', () => submitted.length === 1);
		expect(submitted).toEqual(['3']);
		expect(app.lastFrame()).not.toContain('not allowed');
	});

	it('moves the cursor with the arrows and types where it is', async () => {
		const submitted: string[] = [];
		const app = render(<Harness id="slave.hostname" initial="node1" submitted={submitted} />);
		await waitForFrame(app, 'node1');
		await readsKeys(app);
		app.stdin.write(keys.left);
		app.stdin.write(keys.left);
		app.stdin.write('-x');
		await waitForFrame(app, 'nod-xe1');
		app.stdin.write('\r');
		await waitFor('Enter', () => submitted.length === 1);
		expect(submitted).toEqual(['nod-xe1']);
	});
});
