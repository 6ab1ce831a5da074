import {describe, expect, it} from 'vitest';
import {currentValues} from '../../source/model/current-values.js';
import {articleMachine} from '../../source/model/facts.js';
import {type EditAction, editReducer, type EditState, highlighted, initialEdit, listedRows} from '../../source/ui/edit/edit-state.js';

const current = currentValues({'/etc/mesos/zk': 'zk://127.0.0.1:2181/mesos\n'}, {}, articleMachine);
const loaded = (opening?: {id: string; value?: string}): EditState => editReducer(initialEdit(articleMachine, opening), {type: 'loaded', current});

// The value typed over what the field holds, then Enter.
const submit = (state: EditState, value: string): EditState =>
	[
		{type: 'field', action: {type: 'text', edit: {type: 'end'}}},
		{type: 'field', action: {type: 'text', edit: {type: 'clear-before'}}},
		{type: 'field', action: {type: 'text', edit: {type: 'insert', text: value}}},
		{type: 'submit'},
	].reduce((next, action) => editReducer(next, action as EditAction), state);

describe('the edit screen’s states', () => {
	it('opens the setting asked for on the command line once the values are read', () => {
		expect(loaded({id: 'slave.ip', value: '10.0.0.5'}).mode).toEqual({kind: 'editing', id: 'slave.ip', text: '10.0.0.5', cursor: 8, problems: []});
		expect(loaded({id: 'slave.ip'}).mode).toEqual({kind: 'editing', id: 'slave.ip', text: '127.0.0.1', cursor: 9, problems: []});
		const unknown = loaded({id: 'nope'});
		expect(unknown.mode.kind).toBe('list');
		expect(unknown.notice).toContain('unknown setting "nope"');
	});

	it('asks about followers only when the value moves away from theirs', () => {
		const editing = loaded({id: 'mesos.zk'});
		expect(submit(editing, 'zk://127.0.0.1:2181/mesos').mode).toMatchObject({kind: 'editing', note: 'mesos.zk is already zk://127.0.0.1:2181/mesos: nothing to change.'});
		const asked = submit(editing, 'zk://10.0.0.1:2181/mesos');
		expect(asked.mode).toEqual({kind: 'followers', id: 'mesos.zk', value: 'zk://10.0.0.1:2181/mesos', followers: ['master.zk', 'slave.master', 'marathon.master', 'marathon.zk']});
		const preview = editReducer(asked, {type: 'followers', takeAlong: true});
		expect(preview.mode.kind === 'preview' ? preview.mode.change.values['marathon.zk'] : undefined).toBe('zk://10.0.0.1:2181/marathon');
		expect(preview.mode.kind === 'preview' ? preview.mode.change.changes.length : 0).toBe(5);
		// Declined, Marathon's state stays where it is, as the other followers do (review 3, #22).
		const alone = editReducer(asked, {type: 'followers', takeAlong: false});
		expect(alone.mode.kind === 'preview' ? alone.mode.change.values['marathon.zk'] : undefined).toBe('zk://127.0.0.1:2181/marathon');
		expect(alone.mode.kind === 'preview' ? alone.mode.change.changes.map(change => change.id) : []).toEqual(['mesos.zk']);
	});

	it('keeps the value typed when a rule across settings refuses it', () => {
		const refused = submit(loaded({id: 'master.quorum'}), '2');
		expect(refused.mode).toEqual({kind: 'editing', id: 'master.quorum', text: '2', cursor: 1, problems: ['master.quorum: "2" is not a majority of the 1 master in zookeeper.servers; use 1.']});
		// A value its validator refuses does not go on: Enter leaves the editor as it is.
		expect(submit(loaded({id: 'master.quorum'}), 'x').mode).toMatchObject({kind: 'editing', text: 'x', problems: []});
	});

	it('goes from a write to the restart question, or straight to done when nothing restarts', () => {
		const preview = submit(loaded({id: 'slave.ip'}), '10.0.0.5');
		const writing = editReducer(preview, {type: 'write'});
		expect(writing.mode.kind).toBe('writing');
		expect(editReducer(writing, {type: 'written', ok: true, wrote: ['wrote /etc/mesos-slave/ip'], restartNeeded: true}).mode.kind).toBe('ask-restart');
		expect(editReducer(writing, {type: 'written', ok: false, wrote: [], message: 'Failed: disk full', restartNeeded: true}).mode).toMatchObject({kind: 'done', failed: true, result: ['Failed: disk full']});
		const asked = editReducer(writing, {type: 'written', ok: true, wrote: [], restartNeeded: true});
		expect(editReducer(asked, {type: 'restart', now: false}).mode).toMatchObject({kind: 'done', failed: false});
		expect(editReducer(editReducer(asked, {type: 'restart', now: false}), {type: 'back'}).mode.kind).toBe('loading');
	});

	it('moves the highlight through the list, stopping at either end, and opens the one highlighted', () => {
		const list = loaded();
		const down = editReducer(list, {type: 'highlight', delta: 1});
		expect(down.highlight).toBe('zookeeper.servers');
		expect(highlighted(editReducer(list, {type: 'highlight', delta: -1}))).toBe(highlighted(list));
		const ids = listedRows(list).map(row => row.id);
		const last = editReducer(list, {type: 'highlight', delta: ids.length - 1});
		expect(last.highlight).toBe(ids.at(-1));
		expect(editReducer(last, {type: 'highlight', delta: 1}).highlight).toBe(ids.at(-1));
		expect(editReducer(down, {type: 'open'}).mode).toMatchObject({kind: 'editing', id: 'zookeeper.servers'});
	});
});
