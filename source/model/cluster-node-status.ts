// The live cluster status screen's rows per node: what each of its services answered over the
// network (its ZooKeeper's mode, whether its Mesos master leads, what its Marathon names, whether
// the leading master lists it as an active agent), read from the same readings `cluster status
// --once` judges. Pure.
import type {ClusterHealth, ClusterReadings} from './cluster-health.js';
import {type Cluster, type ClusterNode, runsAgent, runsMaster} from './cluster.js';

export type ServiceRow = {service: string; ok: boolean; text: string};
export type NodeStatus = {node: ClusterNode; rows: ServiceRow[]};

const byNode = <T extends {node: string}>(readings: readonly T[], name: string): T | undefined => readings.find(reading => reading.node === name);

function masterRows(node: ClusterNode, readings: ClusterReadings, health: ClusterHealth): ServiceRow[] {
	const zk = byNode(readings.zookeeper, node.name);
	const master = byNode(readings.masters, node.name);
	const marathon = byNode(readings.marathon, node.name);
	const zkRow: ServiceRow =
		!zk || 'error' in zk
			? {service: 'zookeeper', ok: false, text: zk && 'error' in zk ? zk.error : 'not asked'}
			: {service: 'zookeeper', ok: zk.mode === 'leader' || zk.mode === 'follower' || (readings.zookeeper.length === 1 && zk.mode === 'standalone'), text: zk.mode};
	const leads = health.mesos.leader !== null && health.mesos.leader.replace(/:\d+$/, '') === node.address;
	const masterRow: ServiceRow =
		!master || 'error' in master
			? {service: 'mesos-master', ok: false, text: master && 'error' in master ? master.error : 'not asked'}
			: {service: 'mesos-master', ok: true, text: leads ? 'leading' : `answers (leader ${health.mesos.leader ?? 'none'})`};
	const marathonRow: ServiceRow =
		!marathon || 'error' in marathon
			? {service: 'marathon', ok: false, text: marathon && 'error' in marathon ? marathon.error : 'not asked'}
			: {service: 'marathon', ok: true, text: marathon.leader.replace(/:\d+$/, '') === node.address ? 'leading' : `names ${marathon.leader}`};
	return [zkRow, masterRow, marathonRow];
}

export function nodeStatuses(cluster: Cluster, readings: ClusterReadings, health: ClusterHealth): NodeStatus[] {
	return cluster.nodes.map(node => {
		const rows = runsMaster(node.role) ? masterRows(node, readings, health) : [];
		if (runsAgent(node.role)) {
			const active = !health.mesos.inactiveAgents.includes(node.name);
			const known = health.mesos.leader !== null;
			rows.push({service: 'mesos-slave', ok: known && active, text: !known ? 'no leading master to ask' : active ? 'active on the leading master' : 'not active on the leading master'});
		}
		const docker = byNode(health.docker, node.name);
		if (docker) rows.push({service: 'docker', ok: docker.healthy, text: docker.detail});
		return {node, rows};
	});
}
