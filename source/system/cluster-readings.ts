// What a cluster's services answer over the network, asked from this machine (never through
// SSH): every master's ZooKeeper srvr, /master/state and Marathon /v2/leader. Nothing throws: what
// does not answer is kept with why, and model/cluster-health.ts judges the whole.
import {agentsOf, type Cluster, mastersOf} from '../model/cluster.js';
import {zookeeperPorts} from '../model/cluster-derivation.js';
import type {ClusterReadings, MarathonReading, MasterReading, ZookeeperReading} from '../model/cluster-health.js';
import {networkReason, type Probes, zookeeperMode} from './probes.js';

export type ClusterPorts = {master: number; marathon: number};

export async function readCluster(probes: Probes, cluster: Cluster, ports: ClusterPorts = {master: 5050, marathon: 8080}): Promise<ClusterReadings> {
	const masters = mastersOf(cluster).map(node => ({node: node.name, address: node.address}));
	const [zookeeper, states, marathon] = await Promise.all([
		Promise.all(masters.map(async (master): Promise<ZookeeperReading> => {
			try {
				const answer = await probes.fourLetterWord(master.address, zookeeperPorts.client, 'srvr');
				return {...master, mode: zookeeperMode(answer) ?? 'not serving'};
			} catch (error) {
				return {...master, error: networkReason(error)};
			}
		})),
		Promise.all(masters.map(async (master): Promise<MasterReading> => {
			try {
				// A master that does not lead redirects to the one that does, as Mesos does; fetch follows.
				return {...master, state: await probes.fetchJson(`http://${master.address}:${ports.master}/master/state`, 5000)};
			} catch (error) {
				return {...master, error: networkReason(error)};
			}
		})),
		Promise.all(masters.map(async (master): Promise<MarathonReading> => {
			try {
				const answer = (await probes.fetchJson(`http://${master.address}:${ports.marathon}/v2/leader`, 5000)) as {leader?: unknown};
				return typeof answer?.leader === 'string' ? {...master, leader: answer.leader} : {...master, error: 'answered /v2/leader without a leader'};
			} catch (error) {
				return {...master, error: networkReason(error)};
			}
		})),
	]);
	return {zookeeper, masters: states, marathon, agents: agentsOf(cluster).map(node => ({node: node.name, address: node.address}))};
}
