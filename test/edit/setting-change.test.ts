import {describe, expect, it} from 'vitest';
import {currentValues, savedNotAllowed} from '../../source/model/current-values.js';
import {articleMachine} from '../../source/model/facts.js';
import {changeLine, changesNothing, followersFollowing, followersQuestion, planSettingChange, replacedSavedLine} from '../../source/model/setting-change.js';

const disk = (overrides: Record<string, string> = {}) =>
	currentValues(
		{
			'/etc/mesos/zk': 'zk://127.0.0.1:2181/mesos\n',
			'/etc/default/mesos-master': 'PORT=5050\nZK=zk://127.0.0.1:2181/mesos\n',
			'/etc/default/mesos-slave': 'MASTER=zk://127.0.0.1:2181/mesos\n',
			'/etc/marathon/conf/master': 'zk://127.0.0.1:2181/mesos\n',
			'/etc/marathon/conf/zk': 'zk://127.0.0.1:2181/marathon\n',
			...overrides,
		},
		{},
		articleMachine,
	);

const actionsOf = (plan: {steps: {actions: {kind: string; title: string; path?: string}[]}[]}) =>
	plan.steps.flatMap(step => step.actions.map(action => action.path ?? action.title));

describe('a setting change', () => {
	it('writes only the file that holds it and restarts only what it affects', () => {
		const check = planSettingChange(disk({'/etc/mesos-slave/hostname': '127.0.0.1\n'}), articleMachine, 'slave.hostname', ' node1 ', false);
		if (!check.ok) throw new Error(check.problems.join('\n'));
		expect(check.change.value).toBe('node1');
		expect(check.change.changes.map(changeLine)).toEqual(['slave.hostname: 127.0.0.1 → node1']);
		expect(actionsOf(check.change.plan)).toEqual(['/etc/mesos-slave/hostname', 'Restart mesos-slave']);
	});

	// A value the setting does not allow stands in the values as the saved one; its file holds it still.
	it('rewrites a file holding a value the setting does not allow, even to the saved value', () => {
		const check = planSettingChange(disk({'/etc/mesos-master/quorum': '0\n'}), articleMachine, 'master.quorum', '1', false);
		if (!check.ok) throw new Error(check.problems.join('\n'));
		expect(check.change.changes.map(changeLine)).toEqual(['master.quorum: 0 → 1']);
		expect(actionsOf(check.change.plan)).toEqual(['/etc/mesos-master/quorum', 'Restart mesos-master']);
		// Another setting's value that is not allowed is not this edit's to rewrite.
		const other = planSettingChange(disk({'/etc/mesos-master/quorum': '0\n'}), articleMachine, 'slave.hostname', 'node1', false);
		if (!other.ok) throw new Error(other.problems.join('\n'));
		expect(other.change.changes.map(c => c.id)).toEqual(['slave.hostname']);
	});

	// A saved answer not allowed (state.json edited by hand) is left out of the answers; the change
	// of its setting replaces it, even where the file holds the new value already.
	it('replaces a saved answer the setting does not allow, with nothing else to write', () => {
		const current = {...disk({'/etc/mesos-master/quorum': '1\n'}), savedNotAllowed: savedNotAllowed({'master.quorum': '0'}, {})};
		const check = planSettingChange(current, articleMachine, 'master.quorum', '1', false);
		if (!check.ok) throw new Error(check.problems.join('\n'));
		expect(check.change.changes).toEqual([]);
		expect(changesNothing(check.change)).toBe(false);
		expect(check.change.answers['master.quorum']).toBe('1');
		expect(replacedSavedLine(check.change)).toMatch(/^The saved answer for master\.quorum is not allowed \(master\.quorum: "0" is not allowed; use .*\): it is replaced by 1\.$/);
		// Another setting's change would drop it unsaid: that setting first, unless an answer given stands for it.
		const other = planSettingChange(current, articleMachine, 'slave.hostname', 'node1', false);
		expect(other).toEqual({ok: false, problems: [expect.stringMatching(/^master\.quorum: "0" is not allowed; .* \(a saved answer: change master\.quorum first, which replaces it; then slave\.hostname\)\.$/)]});
		const given = {...current, savedNotAllowed: savedNotAllowed({'master.quorum': '0'}, {'master.quorum': '1'})};
		expect(planSettingChange(given, articleMachine, 'slave.hostname', 'node1', false).ok).toBe(true);
	});

	it('says the value before is not set where its file is missing, not that it is the default', () => {
		const check = planSettingChange(disk(), articleMachine, 'slave.hostname', 'node1', false);
		if (!check.ok) throw new Error(check.problems.join('\n'));
		expect(check.change.changes.map(changeLine)).toEqual(['slave.hostname: not set (file missing; default 127.0.0.1) → node1']);
	});

	it('offers the followers that follow now, and takes them along when asked', () => {
		expect(followersFollowing(disk(), 'mesos.zk')).toEqual(['master.zk', 'slave.master', 'marathon.master', 'marathon.zk']);
		const check = planSettingChange(disk(), articleMachine, 'mesos.zk', 'zk://10.0.0.1:2181/mesos', true);
		if (!check.ok) throw new Error(check.problems.join('\n'));
		expect(check.change.changes.map(changeLine)).toEqual([
			'mesos.zk: zk://127.0.0.1:2181/mesos → zk://10.0.0.1:2181/mesos',
			'master.zk: zk://127.0.0.1:2181/mesos → zk://10.0.0.1:2181/mesos',
			'slave.master: zk://127.0.0.1:2181/mesos → zk://10.0.0.1:2181/mesos',
			'marathon.master: zk://127.0.0.1:2181/mesos → zk://10.0.0.1:2181/mesos',
			'marathon.zk: zk://127.0.0.1:2181/marathon → zk://10.0.0.1:2181/marathon',
		]);
		expect(actionsOf(check.change.plan)).toEqual([
			'/etc/mesos/zk',
			'/etc/default/mesos-master',
			'/etc/default/mesos-slave',
			'/etc/marathon/conf/master',
			'/etc/marathon/conf/zk',
			'Restart mesos-master',
			'Restart mesos-slave',
			'Restart marathon',
		]);
	});

	it('leaves the followers where they are when not asked', () => {
		const check = planSettingChange(disk(), articleMachine, 'mesos.zk', 'zk://10.0.0.1:2181/mesos', false);
		if (!check.ok) throw new Error(check.problems.join('\n'));
		expect(check.change.changes.map(c => c.id)).toEqual(['mesos.zk']);
		expect(check.change.values['master.zk']).toBe('zk://127.0.0.1:2181/mesos');
		expect(check.change.values['marathon.zk']).toBe('zk://127.0.0.1:2181/marathon');
	});

	// Review 3, #22: Marathon's state follows with its own path, so the question says what each becomes.
	it('asks about the followers saying what each becomes, and does not take Marathon’s state along once set apart', () => {
		const url = 'zk://10.0.0.1:2181/mesos';
		expect(followersQuestion('mesos.zk', url, ['master.zk', 'slave.master'])).toEqual([
			'master.zk, slave.master follow mesos.zk (they hold the same value now).',
			`Change them to ${url} too? (y/n)`,
		]);
		expect(followersQuestion('mesos.zk', url, followersFollowing(disk(), 'mesos.zk'))).toEqual([
			'master.zk, slave.master, marathon.master, marathon.zk follow mesos.zk (they hold its value now, or one made from it).',
			`  master.zk, slave.master, marathon.master → ${url}`,
			'  marathon.zk → zk://10.0.0.1:2181/marathon',
			'Change them too? (y/n)',
		]);
		expect(followersQuestion('mesos.zk', url, ['marathon.zk'])).toEqual([
			'marathon.zk follows mesos.zk (they hold its value now, or one made from it).',
			'  marathon.zk → zk://10.0.0.1:2181/marathon',
			'Change it too? (y/n)',
		]);
		const apart = disk({'/etc/marathon/conf/zk': 'zk://10.9.9.9:2181/marathon\n'});
		expect(followersFollowing(apart, 'mesos.zk')).toEqual(['master.zk', 'slave.master', 'marathon.master']);
		const check = planSettingChange(apart, articleMachine, 'mesos.zk', url, true);
		if (!check.ok) throw new Error(check.problems.join('\n'));
		expect(check.change.values['marathon.zk']).toBe('zk://10.9.9.9:2181/marathon');
	});

	it('does not take along a follower that was set apart', () => {
		const current = disk({'/etc/marathon/conf/master': 'zk://10.9.9.9:2181/mesos\n'});
		expect(followersFollowing(current, 'mesos.zk')).toEqual(['master.zk', 'slave.master', 'marathon.zk']);
		const check = planSettingChange(current, articleMachine, 'mesos.zk', 'zk://10.0.0.1:2181/mesos', true);
		if (!check.ok) throw new Error(check.problems.join('\n'));
		expect(check.change.values['marathon.master']).toBe('zk://10.9.9.9:2181/mesos');
	});

	it('refuses a bad value with a message that says what is allowed', () => {
		expect(planSettingChange(disk(), articleMachine, 'slave.executor_registration_timeout', '5m', false)).toEqual({
			ok: false,
			problems: ['slave.executor_registration_timeout: "5m" is not allowed; use a number and a unit, one of ns us ms secs mins hrs days weeks (such as 5mins).'],
		});
	});

	it('refuses a change that breaks a rule across settings, but not one already broken on disk', () => {
		const quorum = planSettingChange(disk(), articleMachine, 'master.quorum', '2', false);
		expect(quorum.ok ? [] : quorum.problems).toEqual(['master.quorum: "2" is not a majority of the 1 master in zookeeper.servers; use 1.']);
		const broken = disk({'/etc/mesos-master/quorum': '2\n'});
		expect(planSettingChange(broken, articleMachine, 'slave.hostname', 'node1', false).ok).toBe(true);
	});
});
