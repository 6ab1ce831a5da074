// Setting ids are a type made from the catalogue: a misspelt id in code fails `tsc` (this file is
// type-checked by `npx tsc --noEmit -p .`; each @ts-expect-error below fails the check if the line
// under it ever compiles). Ids from outside become SettingIds only through settingIdFrom.
import {describe, expect, it} from 'vitest';
import {type Answers, checkAnswers, resolveValues, type Values} from '../../source/model/answers.js';
import {findSetting, type SettingId, settingIdFrom, settingIds} from '../../source/model/settings.js';

describe('setting ids', () => {
	it('are a type: a misspelt id is a compile error wherever an id is written', () => {
		const values: Values = resolveValues({});
		// @ts-expect-error zookeper.myid is not a setting id
		const misspeltLookup = values['zookeper.myid'];
		// @ts-expect-error answers are keyed by setting ids only
		const misspeltAnswer: Answers = {'slave.hostnam': 'node1'};
		// @ts-expect-error findSetting takes a SettingId, not any text
		const misspeltFind = findSetting('master.prot');
		const id: SettingId = 'zookeeper.myid';
		// Every id has a value: no fallback is needed.
		const myid: string = values[id];
		expect([misspeltLookup, misspeltAnswer['slave.hostname'], misspeltFind, myid]).toEqual([undefined, undefined, undefined, '1']);
	});

	it('come from outside only through settingIdFrom, which names the allowed ids', () => {
		expect(settingIdFrom('slave.hostname')).toEqual({ok: true, id: 'slave.hostname'});
		const unknown = settingIdFrom('slave.hostnam');
		expect(unknown.ok).toBe(false);
		expect(unknown.ok ? '' : unknown.message).toBe('unknown setting "slave.hostnam": known settings are slave.master, slave.ip, slave.hostname, slave.containerizers, slave.executor_registration_timeout.');
		const foreign = settingIdFrom('__proto__');
		expect(foreign.ok ? '' : foreign.message).toBe(`unknown setting "__proto__": known settings are ${settingIds.join(', ')}.`);
	});

	it('narrow answers from a file or --set, refusing the unknown ones', () => {
		expect(checkAnswers({'zookeeper.myid': '2', 'zookeeper.myd': '3'})).toEqual({
			answers: {'zookeeper.myid': '2'},
			problems: ['unknown setting "zookeeper.myd": known settings are zookeeper.myid, zookeeper.servers, zookeeper.dataDir.'],
		});
	});
});
