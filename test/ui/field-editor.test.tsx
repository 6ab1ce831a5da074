import {cleanup, render} from 'ink-testing-library';
import React, {useState} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {findSetting, type Setting} from '../../source/model/settings.js';
import {FieldEditor} from '../../source/ui/components/field-editor/field-editor.js';
import {keys, press, waitForFrame} from './ink-keys.js';

afterEach(() => cleanup());

const setting = (id: string): Setting => {
	const found = findSetting(id);
	if (!found) throw new Error(`no setting ${id}`);
	return found;
};

function Harness({id, initial, submitted}: {id: string; initial: string; submitted: string[]}) {
	const [value, setValue] = useState(initial);
	return <FieldEditor setting={setting(id)} value={value} focus onChange={setValue} onSubmit={v => submitted.push(v)} />;
}

describe('FieldEditor', () => {
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
		await press(app, keys.enter);
		expect(submitted).toEqual([]);
		await press(app, 'ins');
		await waitForFrame(app, /5mins(?![\s\S]*not allowed)/);
		await press(app, keys.enter);
		expect(submitted).toEqual(['5mins']);
	});

	it('passes on the value as it will be stored', async () => {
		const submitted: string[] = [];
		const app = render(<Harness id="repo.key" initial="" submitted={submitted} />);
		await press(app, '0x81026d0004c44cf7ef55adf8df7d54cbe56151bf');
		await waitForFrame(app, '0x81026d0004c44cf7ef55adf8df7d54cbe56151bf');
		await press(app, keys.enter);
		expect(submitted).toEqual(['81026D0004C44CF7EF55ADF8DF7D54CBE56151BF']);
	});

	it('offers the catalogue choices in a select list', async () => {
		const submitted: string[] = [];
		const app = render(<Harness id="slave.containerizers" initial="mesos" submitted={submitted} />);
		const frame = await waitForFrame(app, 'docker,mesos');
		expect(frame).toContain('❯ mesos');
		await press(app, keys.down);
		await waitForFrame(app, '❯ docker,mesos');
		await press(app, keys.enter);
		expect(submitted).toEqual(['docker,mesos']);
	});
});
