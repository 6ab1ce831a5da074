// A role per machine (node.role): the plan checks the ports, installs the packages, keeps manual the
// services, writes the files and starts the services of that role only. One golden file per role
// holds the whole plan on Debian 12 with sysv: every step's checks, commands and files' contents.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {articleMachine, type Facts} from '../../source/model/facts.js';
import {type Action, buildChangePlan, buildPlan, type Plan} from '../../source/model/plan.js';
import {webPages} from '../../source/model/endpoints.js';
import {nodeRoles} from '../../source/model/roles.js';
import {renderScript} from '../../source/model/script.js';
import {golden as goldenFile, planText} from '../helpers/plan-text.js';

const debian12: Facts = {...articleMachine, distro: 'debian', codename: 'bookworm', init: 'sysv', aptKey: 'deprecated', assumed: false};
const goldenDir = fileURLToPath(new URL('golden-plans/', import.meta.url));

const golden = (name: string, text: string) => goldenFile(goldenDir, name, text);

const planOf = (answers: Record<string, string>) => buildPlan(resolveValues(answers), debian12);
const stepOf = (plan: Plan, id: string) => plan.steps.find(step => step.id === id)?.actions ?? [];
const argvs = (actions: Action[]) => actions.map(action => (action.kind === 'run' || action.kind === 'service' ? action.argv.join(' ') : action.title));
const paths = (actions: Action[]) => actions.flatMap(action => (action.kind === 'file' ? [action.path] : []));

describe('a role per machine', () => {
	it.each(nodeRoles.map(role => [role]))('%s: the whole plan (golden)', async role => {
		await golden(`role-${role.replace('+', '-')}.txt`, planText(planOf({'node.role': role})));
	});

	// Said as a setup ends (setup --yes, the script's last line): only what this machine serves.
	it('points a master at its Mesos and Marathon pages, and an agent at its own endpoint only', () => {
		expect(webPages(resolveValues({'master.port': '5151'}))).toBe('Mesos master: http://127.0.0.1:5151   Marathon: http://127.0.0.1:8080');
		expect(webPages(resolveValues({'node.role': 'master', 'master.ip': '10.0.0.5'}))).toBe('Mesos master: http://10.0.0.5:5050   Marathon: http://127.0.0.1:8080');
		expect(webPages(resolveValues({'node.role': 'agent'}))).toBe('Mesos agent: http://127.0.0.1:5051 (the Mesos and Marathon pages are on the masters)');
		expect(renderScript(planOf({'node.role': 'agent'})).trimEnd().split('\n').at(-1)).toBe(`echo 'Mesos agent: http://127.0.0.1:5051 (the Mesos and Marathon pages are on the masters)'`);
	});

	it('master+agent is the default and the article’s: mesosphere, every service', () => {
		const plan = planOf({});
		expect(argvs(stepOf(plan, 'install'))).toContain('apt-get install -y mesosphere');
		expect(argvs(stepOf(plan, 'start'))).toEqual(['service zookeeper start', 'service mesos-master start', 'service mesos-slave start', 'service marathon start']);
		expect(argvs(stepOf(plan, 'overrides'))).toEqual(['chronos', 'zookeeper', 'marathon', 'mesos-master', 'mesos-slave'].map(s => `update-rc.d ${s} disable`));
	});

	it('an agent installs mesos alone, keeps its master off at boot, writes only what the agent reads and starts only the agent', () => {
		const plan = planOf({'node.role': 'agent'});
		expect(argvs(stepOf(plan, 'install'))).toEqual(['apt-get -y update', 'apt-get install -y --no-install-recommends mesos']);
		expect(argvs(stepOf(plan, 'overrides'))).toEqual(['update-rc.d mesos-master disable', 'update-rc.d mesos-slave disable']);
		expect(paths(stepOf(plan, 'configuration'))).toEqual([
			'/etc/default/mesos',
			'/etc/mesos/zk',
			'/etc/default/mesos-slave',
			'/etc/mesos-slave/ip',
			'/etc/mesos-slave/hostname',
			'/etc/mesos-slave/containerizers',
			'/etc/mesos-slave/executor_registration_timeout',
		]);
		expect(argvs(stepOf(plan, 'start'))).toEqual(['service mesos-slave start']);
		const ports = stepOf(plan, 'preflight').flatMap(action => (action.kind === 'check' && action.check.kind === 'port-free' ? [action.check.port] : []));
		expect(ports).toEqual([5051]);
	});

	it('a master installs ZooKeeper, Mesos and Marathon, writes no agent file and starts no agent', () => {
		const plan = planOf({'node.role': 'master', 'zookeeper.dataDir': '/srv/zookeeper'});
		expect(argvs(stepOf(plan, 'install'))).toEqual(['apt-get -y update', 'apt-get install -y zookeeperd mesos marathon']);
		expect(paths(stepOf(plan, 'configuration')).filter(file => /mesos-slave/.test(file))).toEqual([]);
		// The myid ZooKeeper reads from a dataDir of its own goes with its role.
		expect(paths(stepOf(plan, 'configuration'))).toContain('/srv/zookeeper/myid');
		expect(argvs(stepOf(plan, 'start'))).toEqual(['service zookeeper start', 'service mesos-master start', 'service marathon start']);
		const ports = stepOf(plan, 'preflight').flatMap(action => (action.kind === 'check' && action.check.kind === 'port-free' ? [action.check.port] : []));
		expect(ports).toEqual([2181, 2888, 3888, 5050, 8080]);
	});

	it('a change on an agent writes and restarts only what the agent runs', () => {
		const values = resolveValues({'node.role': 'agent'});
		const change = buildChangePlan(values, debian12, new Set(['mesos.zk', 'master.port'] as const));
		expect(paths(change.steps[0]?.actions ?? [])).toEqual(['/etc/mesos/zk']);
		expect(argvs(change.steps[1]?.actions ?? [])).toEqual(['service mesos-slave restart']);
	});
});
