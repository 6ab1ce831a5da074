// Beside the cluster figure: the same clusters set up by hand, the article's commands run straight in
// each lab node (no mesos-setup, no SSH, no journal, backups or previews), every node of a stage at
// once and the stages in cluster setup's order: packages, the services off at boot and files;
// ZooKeeper; the Mesos masters; the agents; Marathon; then the whole cluster. Each stage ends on the
// checks that end it in cluster setup (model/plan/services.ts probeFor, asked from the control machine
// at each node's address), polled as often (every 500 ms, system/probes.ts), and the end is its
// postflight's, asked every second as it asks (use-cases/cluster-stages.ts): one ZooKeeper leader with
// the other masters following (standalone for one), one master leading, named by every master, every
// agent active, one Marathon leader. The probes are processes on the control machine (curl, bash),
// where cluster setup's are calls in its own process: a little more CPU on the floor's side. The lab's
// nodes share this machine's cores, so five nodes' apt, dpkg, package scripts and JVMs cost about five
// times one node's CPU whoever runs the commands: how far five nodes by hand are from one says how
// much of cluster setup's ratio is the machine's.
import {resolveValues} from '../source/model/answers.js';
import {installedServices, installStep} from '../source/model/plan/install.js';
import type {InitSystem} from '../source/model/facts.js';
import type {NodeRole} from '../source/model/roles.js';
import {disableAtBootCommand} from '../source/model/services.js';
import {configureMaster, installMesosphere, agentFiles, writeFiles} from '../test/lab/nodes/cluster-by-hand.js';
import {controlGet, formedEnsemble, marathonLeaders, registeredCluster, zookeeperMode} from '../test/lab/nodes/cluster-probes.js';
import type {LabNode, LabNodes} from '../test/lab/nodes/lab-nodes.js';
import {waitFor} from '../test/helpers/wait-for.js';

type Machine = {name: string; address: string};
export type HandCluster = {masters: Machine[]; agents: Machine[]};

const minute = 60_000;
const probeIntervalMs = 500;
const postflightIntervalMs = 1000;

// What cluster setup's plan installs for a role from the article's repository (install.ts, its
// install action's words after `apt-get install`) and keeps from starting at boot (overrides.ts:
// every service the packages brought).
function rolePlan(role: NodeRole, init: InitSystem): {install: string[]; offAtBoot: string[][]} {
	const values = resolveValues({'node.role': role});
	const install = installStep(values).actions.flatMap(action => action.kind === 'run' && action.argv[1] === 'install' ? [action.argv.slice(2)] : []);
	if (install.length !== 1) throw new Error(`the plan for a ${role} has ${install.length} apt-get install actions; the by-hand run knows one`);
	return {install: install[0] ?? [], offAtBoot: installedServices(values).flatMap(service => [disableAtBootCommand(init, service) ?? []]).filter(argv => argv.length > 0)};
}

const until = async (what: string, check: () => Promise<boolean>, everyMs = probeIntervalMs): Promise<boolean> => waitFor(`by hand: ${what}`, check, 2 * minute, everyMs);

const answers = async (lab: LabNodes, url: string, body?: string): Promise<boolean> => {
	const got = await controlGet(lab.control, url);
	return got !== undefined && (body === undefined || got.trim() === body);
};
const every = async <T>(items: T[], check: (item: T) => Promise<boolean>): Promise<boolean> => (await Promise.all(items.map(check))).every(Boolean);

/** Milliseconds from the first command to a cluster that cluster setup's postflight would call healthy. */
export async function setUpByHand(lab: LabNodes, cluster: HandCluster): Promise<number> {
	const single = cluster.agents.length === 0;
	const masters = cluster.masters.map(machine => lab.node(machine.name));
	const agents = single ? masters : cluster.agents.map(machine => lab.node(machine.name));
	const roles: Array<[LabNode, NodeRole]> = single
		? masters.map((node): [LabNode, NodeRole] => [node, 'master+agent'])
		: [...masters.map((node): [LabNode, NodeRole] => [node, 'master']), ...agents.map((node): [LabNode, NodeRole] => [node, 'agent'])];
	const service = async (nodes: LabNode[], name: string) => Promise.all(nodes.map(async node => node.run(['service', name, 'start'], {timeout: minute})));
	const began = performance.now();
	await Promise.all(roles.map(async ([node, role]) => {
		const {install, offAtBoot} = rolePlan(role, node.init);
		await installMesosphere(lab, node, install);
		for (const argv of offAtBoot) await node.run(argv, {timeout: minute});
		if (role !== 'agent') await configureMaster(node, cluster.masters, masters.indexOf(node));
		if (role !== 'master') await writeFiles(node, agentFiles(cluster.masters, node));
	}));
	await service(masters, 'zookeeper');
	await until('every ZooKeeper serving', async () => every(masters, async node => /^(leader|follower|standalone)$/.test(await zookeeperMode(lab.control, node.address))));
	await service(masters, 'mesos-master');
	await until('every Mesos master healthy', async () => every(masters, async node => answers(lab, `http://${node.address}:5050/master/health`)));
	await service(agents, 'mesos-slave');
	await until('every Mesos agent healthy', async () => every(agents, async node => answers(lab, `http://${node.address}:5051/health`)));
	await service(masters, 'marathon');
	await until('every Marathon answering pong', async () => every(masters, async node => answers(lab, `http://${node.address}:8080/ping`, 'pong')));
	await until('one ZooKeeper leader, one Mesos leader with every agent active, one Marathon leader', async () => {
		const ensemble = single ? await zookeeperMode(lab.control, masters[0]?.address ?? '') === 'standalone' : await formedEnsemble(lab.control, masters) !== undefined;
		const leaders = new Set(Object.values(await marathonLeaders(lab.control, masters)));
		return ensemble && (await registeredCluster(lab.control, masters, agents)) !== undefined && leaders.size === 1 && !leaders.has(undefined);
	}, postflightIntervalMs);
	return performance.now() - began;
}
