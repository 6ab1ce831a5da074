// The layout predicted before the install from what the package source says: a folder's .debs (what
// the mesos package's agent service runs), an apt index's versions (mesos-packaging's rule), and
// what is installed already (kept). Golden files hold, for each predicted layout, the line plain
// runs print and every configuration file the plan writes with the note its preview shows.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {articleMachine, type Facts} from '../../source/model/facts.js';
import {agentLayoutForVersion, layoutSaid, layoutShort, movedFiles, movedFilesLines, predictedFacts, type SourcePackages, unpredicted} from '../../source/model/layout-prediction.js';
import {buildPlan} from '../../source/model/plan.js';
import {golden} from '../helpers/plan-text.js';

const goldenDir = fileURLToPath(new URL('golden-plans/', import.meta.url));
const debian11: Facts = {...articleMachine, distro: 'debian', codename: 'bullseye', init: 'systemd', aptKey: 'deprecated', assumed: false};
const agentUnit = '[Service]\nExecStart=/usr/bin/mesos-init-wrapper agent\n';
const slaveUnit = '[Service]\nExecStart=/usr/bin/mesos-init-wrapper slave\n';

const configurationText = (facts: Facts): string => {
	const plan = buildPlan(resolveValues({}), facts);
	const files = plan.steps.filter(step => step.id === 'configuration').flatMap(step => step.actions);
	return [layoutSaid(facts), ...files.flatMap(action => (action.kind === 'file' ? [`write  ${action.path}`, ...action.notes.map(note => `       # ${note}`)] : []))].join('\n') + '\n';
};

const predictions: [string, SourcePackages][] = [
	['folder-agent-unit', {where: '/srv/debs', mesos: '1.11.0-1', marathon: '1.10.26-1', agentServiceFiles: [agentUnit]}],
	['folder-slave-unit', {where: '/srv/debs', mesos: '1.11.0-1', agentServiceFiles: [slaveUnit]}],
	['index-mesos-packaging', {where: 'the index of https://mirror.example.org/mesos bullseye main (amd64)', mesos: '1.11.0-0.1.20220701', marathon: '1.10.26-1'}],
	['index-mesosphere', {where: 'the index of http://repos.mesosphere.io/ubuntu trusty main (amd64)', mesos: '1.9.0-2.0.1.ubuntu1404', marathon: '1.4.13-1.0.659.ubuntu1404'}],
];

describe('the layout predicted from the package source', () => {
	it.each(predictions)('%s: the layout line and every configuration file with its note (golden)', async (name, found) => {
		await golden(goldenDir, `layout-${name}.txt`, configurationText(predictedFacts(debian11, found)));
	});

	it('reads the agent’s role from what its service runs where the .deb was read, else from mesos’s version', () => {
		expect(predictedFacts(debian11, {where: 'f', mesos: '1.11.0', agentServiceFiles: [slaveUnit]}).agentLayout).toBe('slave');
		expect(predictedFacts(debian11, {where: 'f', mesos: '1.9.0', agentServiceFiles: [agentUnit]}).agentLayout).toBe('agent');
		expect(['1.11.0-1', '1:1.11.0', '1.12.0', '2.0.0', '1.10.1-2', '1.9.0-2.0.1.ubuntu1404', '0.28.2', 'weird', undefined].map(agentLayoutForVersion)).toEqual([
			'agent',
			'agent',
			'agent',
			'agent',
			'slave',
			'slave',
			'slave',
			'slave',
			'slave',
		]);
	});

	it('keeps what is installed already, and a part the source does not name', () => {
		const installed: Facts = {...debian11, versions: {mesos: '1.11.0'}, agentLayout: 'agent'};
		const found = predictedFacts(installed, {where: 'i', mesos: '1.9.0', marathon: '1.10.26'});
		expect(found).toMatchObject({agentLayout: 'agent', marathonLayout: 'default-file', layoutPrediction: {where: 'i', marathon: 'marathon 1.10.26'}});
		expect(found.layoutPrediction?.agent).toBeUndefined();
		expect(predictedFacts(debian11, {where: 'i'})).toBe(debian11);
		expect(layoutSaid(installed)).toMatch(/; as installed\.$/);
		expect(layoutSaid(debian11)).toMatch(/; the article’s, assumed until the install shows otherwise\.$/);
		expect(layoutShort(found, 'master+agent')).toBe('The agent’s files go to /etc/mesos-agent/, Marathon’s to /etc/default/marathon (predicted from i).');
		expect(layoutShort(installed, 'master+agent')).toBe('The agent’s files go to /etc/mesos-agent/, Marathon’s to /etc/marathon/conf/ (as installed).');
		// Only the folders the role's services read.
		expect(layoutShort(installed, 'master')).toBe('Marathon’s files go to /etc/marathon/conf/ (as installed).');
		expect(layoutShort(installed, 'agent')).toBe('The agent’s files go to /etc/mesos-agent/ (as installed).');
		expect(unpredicted(debian11, 'no network').notes).toEqual(['The layout could not be predicted from the package source: no network.']);
	});

	it('names the files the installed layout moves, each with the paths the summary had shown', () => {
		const shown = buildPlan(resolveValues({}), debian11).steps;
		const now = buildPlan(resolveValues({}), {...debian11, agentLayout: 'agent', marathonLayout: 'default-file'}).steps;
		expect(movedFiles(shown, shown)).toEqual([]);
		const lines = movedFilesLines({...debian11, agentLayout: 'agent', marathonLayout: 'default-file'}, movedFiles(shown, now));
		expect(lines).toEqual([
			'The installed packages read the agent’s from /etc/mesos-agent/ and /etc/default/mesos-agent (mesos-init-wrapper agent), Marathon’s from /etc/default/marathon (MARATHON_* variables), not what the summary showed. These files are written instead:',
			'  write  /etc/default/mesos-agent (instead of /etc/default/mesos-slave)',
			'  write  /etc/mesos-agent/ip (instead of /etc/mesos-slave/ip)',
			'  write  /etc/mesos-agent/work_dir (new)',
			'  write  /etc/mesos-agent/hostname (instead of /etc/mesos-slave/hostname)',
			'  write  /etc/mesos-agent/containerizers (instead of /etc/mesos-slave/containerizers)',
			'  write  /etc/mesos-agent/executor_registration_timeout (instead of /etc/mesos-slave/executor_registration_timeout)',
			'  write  /etc/default/marathon (instead of /etc/marathon/conf/hostname, /etc/marathon/conf/master, /etc/marathon/conf/zk)',
		]);
	});
});
