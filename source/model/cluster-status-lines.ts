// cluster status --once: the cluster's health as plain lines, each node named. Pure.
import type {ClusterHealth} from './cluster-health.js';

// Only where some node uses Docker: which answer and which do not (the problems say why).
function dockerLines(docker: ClusterHealth['docker']): string[] {
	if (docker.length === 0) return [];
	const on = (word: string, healthy: boolean): string[] => {
		const nodes = docker.filter(reading => reading.healthy === healthy).map(reading => reading.node);
		return nodes.length > 0 ? [`${word} on ${nodes.join(', ')}`] : [];
	};
	return [`Docker: ${[...on('healthy', true), ...on('unhealthy', false)].join('; ')}`];
}

export function clusterStatusLines(health: ClusterHealth): string[] {
	const {zookeeper: zk, mesos, marathon} = health;
	const frameworks = mesos.frameworks === null ? 'unknown' : mesos.frameworks.length === 0 ? 'none' : mesos.frameworks.map(f => `${f.name}${f.active ? '' : ' (inactive)'}`).join(', ');
	return [
		`ZooKeeper: ${zk.serving} of ${zk.total} serving, leader ${zk.leader ?? 'none'}, quorum ${zk.quorum}: ${zk.hasQuorum ? 'holds' : 'lost'}`,
		`Mesos: leader ${mesos.leader ?? 'none'}${mesos.leader ? (mesos.agreed ? ', named by every master' : ', not named by every master') : ''}; agents ${mesos.agentsActive} of ${mesos.agentsTotal} active; frameworks: ${frameworks}`,
		`Marathon: leader ${marathon.leader ?? 'none'}${marathon.leader ? (marathon.agreed ? ', named by every master' : ', not named by every master') : ''}`,
		...dockerLines(health.docker),
		...(health.problems.length === 0 ? ['The cluster is healthy.'] : health.problems.map(problem => `problem: ${problem}`)),
	];
}
