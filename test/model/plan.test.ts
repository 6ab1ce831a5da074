import {readFile, writeFile, mkdir} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {articleMachine, type Facts} from '../../source/model/facts.js';
import {newContent} from '../../source/model/file-content.js';
import {type Action, buildChangePlan, buildPlan, probeFor, sourceLine} from '../../source/model/plan.js';

const debian12: Facts = {...articleMachine, distro: 'debian', codename: 'bookworm', init: 'sysv', aptKey: 'deprecated'};
const goldenDir = fileURLToPath(new URL('golden/', import.meta.url));
const files = (actions: Action[]) => actions.filter((a): a is Extract<Action, {kind: 'file'}> => a.kind === 'file');

describe('buildPlan', () => {
	it('removes a file whose settings were all emptied only where mesos-setup wrote it before (Facts.writtenBefore)', () => {
		const emptied = resolveValues({'master.ip': '', 'master.hostname': ''});
		const removals = (facts: Facts) => files(buildPlan(emptied, facts).steps.flatMap(step => step.actions)).filter(action => action.edit.format === 'absent');
		expect(removals(articleMachine)).toEqual([]);
		expect(removals({...articleMachine, writtenBefore: ['/etc/mesos/zk', '/etc/mesos-master/quorum']})).toEqual([]);
		const written = removals({...articleMachine, writtenBefore: ['/etc/mesos-master/ip']});
		expect(written.map(action => [action.path, action.settings, action.restarts])).toEqual([['/etc/mesos-master/ip', ['master.ip'], ['mesos-master']]]);
		// A value again: written, not removed.
		const set = files(buildPlan(resolveValues({'master.ip': '10.0.0.5'}), {...articleMachine, writtenBefore: ['/etc/mesos-master/ip']}).steps.flatMap(step => step.actions));
		expect(set.filter(action => action.path === '/etc/mesos-master/ip').map(action => action.edit.format)).not.toContain('absent');
	});

	// Mesos listens on --ip alone when it is given: the master's health is asked there, as the agent's is on slave.ip.
	it('asks a master given an address (master.ip) for its health there, and on loopback without one', () => {
		expect(probeFor('mesos-master', resolveValues({}))).toMatchObject({url: 'http://127.0.0.1:5050/master/health'});
		expect(probeFor('mesos-master', resolveValues({'master.ip': '10.0.0.5', 'master.port': '5151'}))).toMatchObject({url: 'http://10.0.0.5:5151/master/health'});
		expect(probeFor('mesos-master', resolveValues({'master.ip': '0.0.0.0'}))).toMatchObject({url: 'http://127.0.0.1:5050/master/health'});
		expect(probeFor('mesos-slave', resolveValues({'slave.ip': '10.0.0.6'}))).toMatchObject({url: 'http://10.0.0.6:5051/health'});
	});

	it('follows the article’s order of steps', () => {
		const plan = buildPlan(resolveValues({}), articleMachine);
		expect(plan.steps.map(s => s.id)).toEqual(['preflight', 'key', 'repository', 'install', 'overrides', 'configuration', 'start']);
		const start = plan.steps.at(-1)?.actions ?? [];
		expect(start.map(a => (a.kind === 'service' ? a.argv.join(' ') : a.kind))).toEqual([
			'service zookeeper start',
			'service mesos-master start',
			'service mesos-slave start',
			'service marathon start',
		]);
	});

	it('starts and restarts through systemctl on a systemd machine, and reads those units’ logs from the journal', () => {
		const systemd = {...debian12, init: 'systemd' as const};
		const start = buildPlan(resolveValues({}), systemd).steps.at(-1)?.actions ?? [];
		expect(start.map(a => (a.kind === 'service' ? [a.argv.join(' '), a.log.journal] : a.kind))).toEqual([
			// Debian's ZooKeeper runs from its sysv script: its own log file says more than the journal.
			['systemctl start zookeeper', null],
			['systemctl start mesos-master', 'mesos-master'],
			['systemctl start mesos-slave', 'mesos-slave'],
			['systemctl start marathon', 'marathon'],
		]);
		const restart = buildChangePlan(resolveValues({}), systemd, new Set(['slave.ip'])).steps.find(s => s.id === 'start')?.actions ?? [];
		expect(restart.map(a => (a.kind === 'service' ? a.argv.join(' ') : a.kind))).toEqual(['systemctl restart mesos-slave']);
		const sysv = buildPlan(resolveValues({}), debian12).steps.at(-1)?.actions ?? [];
		expect(sysv.map(a => (a.kind === 'service' ? [a.argv.join(' '), a.log.journal] : a.kind))[1]).toEqual(['service mesos-master start', null]);
	});

	it('writes the agent’s files where the installed init wrapper reads them, with the work directory its agent needs', () => {
		const agent = {...debian12, agentLayout: 'agent' as const, marathonLayout: 'default-file' as const, versions: {mesos: '1.11.0-lab1', marathon: '1.10.26-lab1'}};
		const configuration = files(buildPlan(resolveValues({}), agent).steps.find(s => s.id === 'configuration')?.actions ?? []);
		expect(configuration.map(a => a.path).filter(p => /mesos-(slave|agent)|marathon/.test(p))).toEqual([
			'/etc/default/mesos-agent',
			'/etc/mesos-agent/ip',
			'/etc/mesos-agent/work_dir',
			'/etc/mesos-agent/hostname',
			'/etc/mesos-agent/containerizers',
			'/etc/mesos-agent/executor_registration_timeout',
			'/etc/default/marathon',
		]);
		expect(configuration.find(a => a.path === '/etc/mesos-agent/ip')?.notes).toEqual(['Read by mesos-init-wrapper agent, as installed (mesos 1.11.0-lab1).']);
		// Before the install the article's layout is assumed, and the preview says the install decides.
		const before = files(buildPlan(resolveValues({}), debian12).steps.find(s => s.id === 'configuration')?.actions ?? []);
		expect(before.find(a => a.path === '/etc/mesos-slave/ip')?.notes).toEqual([
			'Read by mesos-init-wrapper slave, as the article’s packages do; after the install mesos-setup looks at what was installed and writes where it reads.',
		]);
		// An edit of the agent's master goes to the file the installed wrapper reads.
		const change = buildChangePlan(resolveValues({}), agent, new Set(['slave.master']));
		expect(files(change.steps[0]?.actions ?? []).map(a => a.path)).toEqual(['/etc/default/mesos-agent']);
	});

	it('writes the configuration files in the article’s order', () => {
		const plan = buildPlan(resolveValues({}), articleMachine);
		const configuration = plan.steps.find(s => s.id === 'configuration')?.actions ?? [];
		expect(files(configuration).map(a => a.path)).toEqual([
			'/etc/zookeeper/conf/myid',
			'/etc/zookeeper/conf/zoo.cfg',
			'/etc/default/mesos',
			'/etc/mesos/zk',
			'/etc/default/mesos-master',
			'/etc/mesos-master/quorum',
			'/etc/mesos-master/work_dir',
			'/etc/default/mesos-slave',
			'/etc/mesos-slave/ip',
			'/etc/mesos-slave/hostname',
			'/etc/mesos-slave/containerizers',
			'/etc/mesos-slave/executor_registration_timeout',
			'/etc/marathon/conf/hostname',
			'/etc/marathon/conf/master',
			'/etc/marathon/conf/zk',
		]);
	});

	it('keeps services manual with upstart overrides, or by disabling them elsewhere', () => {
		const upstart = buildPlan(resolveValues({}), articleMachine).steps.find(s => s.id === 'overrides')?.actions ?? [];
		expect(files(upstart).map(a => [a.path, a.edit.format === 'whole' ? a.edit.content : ''])).toEqual(
			['chronos', 'zookeeper', 'marathon', 'mesos-master', 'mesos-slave'].map(s => [`/etc/init/${s}.override`, 'manual\n']),
		);
		const sysv = buildPlan(resolveValues({}), debian12).steps.find(s => s.id === 'overrides')?.actions ?? [];
		expect(sysv.map(a => (a.kind === 'run' ? a.argv.join(' ') : ''))).toContain('update-rc.d zookeeper disable');
		const systemd = buildPlan(resolveValues({}), {...debian12, init: 'systemd'}).steps.find(s => s.id === 'overrides')?.actions ?? [];
		expect(systemd.map(a => (a.kind === 'run' ? a.argv.join(' ') : ''))).toContain('systemctl disable mesos-master');
	});

	it('uses apt-key on the article’s machine and a signed-by keyring where apt-key is deprecated', () => {
		expect(sourceLine(resolveValues({}), articleMachine)).toBe('deb http://repos.mesosphere.io/ubuntu trusty main');
		expect(sourceLine(resolveValues({}), debian12)).toBe('deb [signed-by=/usr/share/keyrings/mesosphere-archive-keyring.gpg] http://repos.mesosphere.io/debian bookworm main');
		expect(sourceLine(resolveValues({'repo.keyMethod': 'keyring', 'repo.url': 'http://127.0.0.1:8000'}), articleMachine)).toBe(
			'deb [signed-by=/usr/share/keyrings/mesosphere-archive-keyring.gpg] http://127.0.0.1:8000/ubuntu trusty main',
		);
	});

	it('writes Marathon’s settings to /etc/default/marathon for Marathon 1.5 and later', () => {
		const plan = buildPlan(resolveValues({}), {...articleMachine, marathonLayout: 'default-file'});
		const marathon = files(plan.steps.find(s => s.id === 'configuration')?.actions ?? []).filter(a => a.path.includes('marathon'));
		expect(marathon.map(a => a.path)).toEqual(['/etc/default/marathon']);
		expect(newContent(marathon[0]!.edit, undefined)).toBe('MARATHON_HOSTNAME=127.0.0.1\nMARATHON_MASTER=zk://127.0.0.1:2181/mesos\nMARATHON_ZK=zk://127.0.0.1:2181/marathon\n');
	});

	it('gives Debian 12’s ZooKeeper a logging binding so a failed start has a log to show', () => {
		const plan = buildPlan(resolveValues({}), {...debian12, zookeeperLogging: 'needs-binding'});
		const logging = files(plan.steps.find(s => s.id === 'configuration')?.actions ?? []).filter(a => a.title.startsWith('ZooKeeper log'));
		expect(logging.map(a => [a.path, newContent(a.edit, 'JAVA_OPTS=""\nCLASSPATH="/etc/zookeeper/conf:/usr/share/java/zookeeper.jar"\n')])).toEqual([
			['/etc/zookeeper/conf/environment', 'JAVA_OPTS=""\nCLASSPATH=/etc/zookeeper/conf:/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-simple.jar\n'],
			['/etc/zookeeper/conf/simplelogger.properties', 'org.slf4j.simpleLogger.logFile=/var/log/zookeeper/zookeeper.log\norg.slf4j.simpleLogger.showDateTime=true\n'],
		]);
		expect(logging.every(a => a.restarts.includes('zookeeper'))).toBe(true);
	});

	it('also writes myid into a dataDir other than Debian’s linked one', () => {
		const plan = buildPlan(resolveValues({'zookeeper.dataDir': '/srv/zookeeper'}), articleMachine);
		const paths = files(plan.steps.find(s => s.id === 'configuration')?.actions ?? []).map(a => a.path);
		expect(paths.slice(0, 3)).toEqual(['/etc/zookeeper/conf/myid', '/srv/zookeeper/myid', '/etc/zookeeper/conf/zoo.cfg']);
	});
});

describe('buildChangePlan', () => {
	it('re-trusts the key, rewrites the source list and refreshes apt when a repository setting changes', () => {
		const url = buildChangePlan(resolveValues({'repo.url': 'http://mirror.example.org'}), articleMachine, new Set(['repo.url']));
		expect(url.steps[0]!.actions.map(a => (a.kind === 'run' ? a.argv.join(' ') : a.kind === 'file' ? a.path : a.kind))).toEqual([
			'/etc/apt/sources.list.d/mesosphere.list',
			'apt-get -y update',
		]);
		const key = buildChangePlan(resolveValues({'repo.key': 'A'.repeat(40)}), articleMachine, new Set(['repo.key']));
		expect(key.steps[0]!.actions.map(a => a.kind)).toEqual(['import-key', 'run']);
		expect(key.steps[1]!.actions).toEqual([]);
	});

	// ZooKeeper reads myid from its dataDir: a dataDir moved by an edit gets the id, as a setup's does,
	// or an ensemble of several masters does not form.
	it('writes myid into a data directory an edit moves ZooKeeper to, once, after zoo.cfg', () => {
		const moved = buildChangePlan(resolveValues({'zookeeper.dataDir': '/srv/zk', 'zookeeper.myid': '2'}), articleMachine, new Set(['zookeeper.dataDir']));
		const written = files(moved.steps[0]?.actions ?? []);
		expect(written.map(a => a.path)).toEqual(['/etc/zookeeper/conf/zoo.cfg', '/srv/zk/myid']);
		expect(newContent(written[1]!.edit, undefined)).toBe('2\n');
		const both = buildChangePlan(resolveValues({'zookeeper.dataDir': '/srv/zk', 'zookeeper.myid': '2'}), articleMachine, new Set(['zookeeper.dataDir', 'zookeeper.myid']));
		expect(files(both.steps[0]?.actions ?? []).map(a => a.path)).toEqual(['/etc/zookeeper/conf/myid', '/srv/zk/myid', '/etc/zookeeper/conf/zoo.cfg']);
		// Back to Debian's own folder, where myid is linked to the conf one: nothing more to write.
		const back = buildChangePlan(resolveValues({}), articleMachine, new Set(['zookeeper.dataDir']));
		expect(files(back.steps[0]?.actions ?? []).map(a => a.path)).toEqual(['/etc/zookeeper/conf/zoo.cfg']);
	});

	it('writes only the changed setting’s file and restarts only the services it affects', () => {
		const plan = buildChangePlan(resolveValues({'slave.hostname': 'node1'}), articleMachine, new Set(['slave.hostname']));
		expect(files(plan.steps[0]!.actions).map(a => a.path)).toEqual(['/etc/mesos-slave/hostname']);
		expect(plan.steps[1]!.actions.map(a => (a.kind === 'service' ? a.argv.join(' ') : ''))).toEqual(['service mesos-slave restart']);
	});
});

// Golden files: what every file the setup writes holds with the article's values, created fresh:
// in the article's layout (golden/), and in the layout of packages built today (golden/agent-layout/:
// the agent's files under /etc/mesos-agent, Marathon 1.5+'s in /etc/default/marathon).
const layouts = [
	{name: 'the article’s layout', facts: articleMachine, dir: goldenDir},
	{name: 'the agent layout with Marathon 1.5+', facts: {...articleMachine, agentLayout: 'agent', marathonLayout: 'default-file'} satisfies Facts, dir: `${goldenDir}agent-layout/`},
];
describe.each(layouts)('golden files: $name', ({facts, dir}) => {
	const plan = buildPlan(resolveValues({}), facts);
	const written = plan.steps.flatMap(s => files(s.actions));
	it.each(written.map(a => [a.path, a] as const))('%s', async (filePath, action) => {
		const golden = `${dir}${filePath.slice(1).replaceAll('/', '__')}`;
		const content = newContent(action.edit, undefined) ?? '';
		if (process.env.UPDATE_GOLDEN === '1') {
			await mkdir(dir, {recursive: true});
			await writeFile(golden, content);
		}
		expect(content).toBe(await readFile(golden, 'utf8'));
	});
});
