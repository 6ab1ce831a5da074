// The floor under the cluster figure: the same clusters set up by hand, the article's commands run
// straight in each lab node (no mesos-setup, no SSH, no journal or backups), every node of a stage
// at once and the stages in cluster setup's order (packages and files; ZooKeeper; the Mesos masters;
// the agents; Marathon), each stage ended when the cluster says it is up, as the setup's probes do.
// The lab's nodes share this machine's cores, so five nodes' apt, dpkg, package scripts and JVMs
// cost about five times one node's CPU whoever runs the commands: the ratio here is what the
// machine allows any tool, and cluster setup's own cost is what it adds to this.
import type {Values} from '../source/model/answers.js';
import {installedServices, packagesToInstall} from '../source/model/plan/install.js';
import {type NodeRole, roleServices} from '../source/model/roles.js';
import {waitFor} from '../test/helpers/wait-for.js';
import {agentFiles, configureMaster, installMesosphere, writeFiles} from '../test/lab/nodes/cluster-by-hand.js';
import {formedEnsemble, marathonLeaders, mesosView, registeredCluster, zookeeperMode} from '../test/lab/nodes/cluster-probes.js';
import type {LabNode, LabNodes} from '../test/lab/nodes/lab-nodes.js';

type Machine = {name: string; address: string};
export type HandCluster = {masters: Machine[]; agents: Machine[]};

const minute = 60_000;

// A role's packages and the services it leaves off at boot, as cluster setup's plan has them for the
// article's repository (source/model/plan/install.ts): only the two settings those read are given.
function rolePlan(role: NodeRole): {packages: string[]; off: string[]} {
	const values = {'node.role': role, 'repo.source': 'article'} as unknown as Values;
	const runs = roleServices(role);
	// An agent takes only what mesos depends on (no ZooKeeper through its recommends), as the plan does.
	const flags = role === 'agent' ? ['--no-install-recommends'] : [];
	return {packages: [...flags, ...packagesToInstall(values)], off: installedServices(values).filter(service => !runs.includes(service))};
}

const service = async (node: LabNode, name: string, action: 'start' | 'disable'): Promise<void> => {
	await node.run(action === 'start' ? ['service', name, 'start'] : ['update-rc.d', name, 'disable'], {timeout: minute});
};

/** Milliseconds from the first command to a cluster that is up: one ZooKeeper leader (or a standalone one), one elected Mesos master with every agent active, one Marathon leader named by every master. */
export async function setUpByHand(lab: LabNodes, cluster: HandCluster): Promise<number> {
	const single = cluster.agents.length === 0;
	const masters = cluster.masters.map(machine => lab.node(machine.name));
	const agents = single ? masters : cluster.agents.map(machine => lab.node(machine.name));
	const roles: Array<[LabNode, NodeRole]> = single
		? [[masters[0] as LabNode, 'master+agent']]
		: [...masters.map((node): [LabNode, NodeRole] => [node, 'master']), ...agents.map((node): [LabNode, NodeRole] => [node, 'agent'])];
	const began = performance.now();
	await Promise.all(roles.map(async ([node, role]) => {
		const {packages, off} = rolePlan(role);
		await installMesosphere(lab, node, packages);
		if (role !== 'agent') await configureMaster(node, cluster.masters, masters.indexOf(node));
		if (role !== 'master') await writeFiles(node, agentFiles(cluster.masters, node));
		for (const name of off) await service(node, name, 'disable');
	}));
	await Promise.all(masters.map(async node => service(node, 'zookeeper', 'start')));
	await waitFor('ZooKeeper serving', async () => single
		? await zookeeperMode(lab.control, masters[0]?.address ?? '') === 'standalone'
		: formedEnsemble(lab.control, masters), 2 * minute);
	await Promise.all(masters.map(async node => service(node, 'mesos-master', 'start')));
	await waitFor('one Mesos master elected', async () => (await mesosView(lab.control, masters)).elected.length === 1, 2 * minute);
	await Promise.all(agents.map(async node => service(node, 'mesos-slave', 'start')));
	await waitFor('every agent active with the leading master', async () => registeredCluster(lab.control, masters, agents), 2 * minute);
	await Promise.all(masters.map(async node => service(node, 'marathon', 'start')));
	await waitFor('every Marathon naming one leader', async () => {
		const leaders = new Set(Object.values(await marathonLeaders(lab.control, masters)));
		return leaders.size === 1 && !leaders.has(undefined);
	}, 2 * minute);
	return performance.now() - began;
}
