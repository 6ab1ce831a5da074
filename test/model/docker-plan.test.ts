// Docker, when the agent's containerizers include it (issue 11, point 5): the install step adds
// docker.io from the distribution, the executor registration timeout defaults to 10mins (an explicit
// value still wins, and the file's note says why), preflight asks `docker version`, and only a role
// that runs an agent does any of it. The whole plan of an agent with docker is a golden file.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {defaultReason, resolveValues} from '../../source/model/answers.js';
import {judgeDockerVersion} from '../../source/model/docker.js';
import {articleMachine, type Facts} from '../../source/model/facts.js';
import {type Action, buildPlan, type Plan} from '../../source/model/plan.js';
import {renderScript} from '../../source/model/script.js';
import {allHealthy, statusJson, statusLines, type StatusSnapshot} from '../../source/model/status-snapshot.js';
import {golden as goldenFile, planText} from '../helpers/plan-text.js';

const debian12: Facts = {...articleMachine, distro: 'debian', codename: 'bookworm', init: 'sysv', aptKey: 'deprecated', assumed: false};
const goldenDir = fileURLToPath(new URL('golden-plans/', import.meta.url));
const docker = {'slave.containerizers': 'docker,mesos'};

const planOf = (answers: Record<string, string>) => buildPlan(resolveValues(answers), debian12);
const stepOf = (plan: Plan, id: string) => plan.steps.find(step => step.id === id)?.actions ?? [];
const argvs = (actions: Action[]) => actions.flatMap(action => (action.kind === 'run' ? [action.argv.join(' ')] : []));
const fileOf = (plan: Plan, path: string) => stepOf(plan, 'configuration').find((action): action is Extract<Action, {kind: 'file'}> => action.kind === 'file' && action.path === path);
const checksOf = (plan: Plan) => stepOf(plan, 'preflight').flatMap(action => (action.kind === 'check' ? [action.check] : []));
const timeoutFile = '/etc/mesos-slave/executor_registration_timeout';

describe('Docker among the containerizers', () => {
	it('an agent with docker: the whole plan (golden)', async () => {
		await goldenFile(goldenDir, 'docker-agent.txt', planText(planOf({...docker, 'node.role': 'agent'})));
	});

	it('installs docker.io from the distribution after the Mesos packages, never removing another Docker', () => {
		expect(argvs(stepOf(planOf(docker), 'install'))).toEqual([
			'apt-get -y update',
			'apt-get install -y mesosphere',
			'apt-get install -y --no-install-recommends --no-remove docker.io',
		]);
		expect(planOf(docker).steps.find(step => step.id === 'install')?.summary).toContain('then Docker (docker.io) for the agent’s docker containerizer');
		expect(argvs(stepOf(planOf({}), 'install'))).not.toContain(expect.stringContaining('docker.io'));
	});

	it('only where an agent runs: a master with docker chosen installs, checks and writes nothing of it', () => {
		const plan = planOf({...docker, 'node.role': 'master'});
		expect(argvs(stepOf(plan, 'install')).join('\n')).not.toContain('docker');
		expect(checksOf(plan).map(check => check.kind)).not.toContain('docker');
		expect(fileOf(plan, timeoutFile)).toBeUndefined();
	});

	it('the preflight asks docker version, knowing the install step adds it', () => {
		expect(checksOf(planOf(docker))).toContainEqual({kind: 'docker', installs: true});
		expect(checksOf(planOf({})).map(check => check.kind)).not.toContain('docker');
	});

	it('executor_registration_timeout defaults to 10mins with docker, 5mins without; a value set wins', () => {
		expect(resolveValues(docker)['slave.executor_registration_timeout']).toBe('10mins');
		expect(resolveValues({})['slave.executor_registration_timeout']).toBe('5mins');
		expect(resolveValues({...docker, 'slave.executor_registration_timeout': '3mins'})['slave.executor_registration_timeout']).toBe('3mins');
		expect(resolveValues({'slave.containerizers': 'mesos', 'slave.executor_registration_timeout': '10mins'})['slave.executor_registration_timeout']).toBe('10mins');
	});

	it('says why where the value is that default: the file’s note in the plan and summary, and defaultReason for the page', () => {
		const why = /^10mins is the default while the containerizers include docker/;
		expect(fileOf(planOf(docker), timeoutFile)?.notes).toContainEqual(expect.stringMatching(why));
		expect(defaultReason('slave.executor_registration_timeout', resolveValues(docker))).toMatch(why);
		expect(fileOf(planOf({...docker, 'slave.executor_registration_timeout': '3mins'}), timeoutFile)?.notes).not.toContainEqual(expect.stringMatching(why));
		expect(fileOf(planOf({}), timeoutFile)?.notes).not.toContainEqual(expect.stringMatching(why));
		expect(defaultReason('slave.ip', resolveValues(docker))).toBeUndefined();
	});

	it('plan --script installs docker.io and checks docker version, warning where the daemon does not answer', () => {
		const script = renderScript(planOf(docker));
		expect(script).toContain('apt-get install -y --no-install-recommends --no-remove docker.io');
		expect(script).toContain('if command -v docker >/dev/null; then docker version >/dev/null 2>&1 ||');
		expect(script).toContain('the Docker daemon does not answer docker version: start it (service docker start) before the Mesos agent');
	});
});

describe('docker version, judged', () => {
	const client = '{"Client":{"Version":"28.2.2"},"Server":null}';
	it('client and server: passed, with both versions', () => {
		expect(judgeDockerVersion({exitCode: 0, stdout: '{"Client":{"Version":"20.10.24+dfsg1"},"Server":{"Version":"20.10.24+dfsg1"}}\n', stderr: ''}, true)).toEqual({
			status: 'passed',
			message: 'client 20.10.24+dfsg1, server 20.10.24+dfsg1',
		});
	});

	it('a client with no daemon: a warning with docker’s own words and what to do', () => {
		const verdict = judgeDockerVersion({exitCode: 1, stdout: client, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n'}, false);
		expect(verdict.status).toBe('warned');
		expect(verdict.message).toBe(
			'the docker client 28.2.2 answers but the Docker daemon does not (Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?): start it (service docker start, or systemctl start docker) before the Mesos agent: with the docker containerizer the agent refuses to start without it',
		);
	});

	it('before the install step, a daemon that does not answer yet is said to come with docker.io', () => {
		const verdict = judgeDockerVersion({exitCode: 1, stdout: client, stderr: 'Cannot connect to the Docker daemon\n'}, true);
		expect(verdict).toMatchObject({status: 'warned', message: expect.stringContaining('(the install step adds docker.io, whose package starts it where this machine lets packages start services)')});
	});

	it('no docker command: expected before the install step that adds it, a warning anywhere else', () => {
		expect(judgeDockerVersion(undefined, true)).toMatchObject({status: 'passed', message: expect.stringContaining('the install step adds docker.io')});
		expect(judgeDockerVersion(undefined, false)).toMatchObject({status: 'warned', message: expect.stringContaining('docker is not installed')});
	});

	it('output that is not docker’s JSON is judged by its exit code', () => {
		expect(judgeDockerVersion({exitCode: 2, stdout: 'usage', stderr: ''}, false)).toMatchObject({status: 'warned', message: expect.stringContaining('docker version exited with 2')});
	});
});

describe('status with Docker', () => {
	const snapshot = (healthy: boolean): StatusSnapshot => ({
		services: [{name: 'mesos-slave', init: {state: 'running', pid: 7, detail: ''}, healthy: true, detail: 'ok', log: {file: null, lines: []}}],
		cluster: {leader: null, agents: null, frameworks: null, marathon: {registered: null, leader: null, frameworkId: null, version: null}, cpus: null, memoryMb: null, unreachable: []},
		docker: {healthy, detail: healthy ? 'client 1, server 1' : 'the Docker daemon does not answer'},
	});
	it('is unhealthy while Docker is, and says Docker’s line and JSON', () => {
		expect(allHealthy(snapshot(true))).toBe(true);
		expect(allHealthy(snapshot(false))).toBe(false);
		expect(statusLines(snapshot(false))).toContain('Docker: unhealthy: the Docker daemon does not answer');
		expect(statusJson(snapshot(true))).toMatchObject({healthy: true, docker: {healthy: true, detail: 'client 1, server 1'}});
	});
});
