// Each node's plan, and the order the nodes carry them out in. A node's plan is the one-machine plan
// of its answers (the cluster's settings, then what its place in the cluster derives, its role
// among them), so it holds the ports, packages, files and services of what it runs. Its services
// are probed at its address, from the machine that runs mesos-setup. Pure.
import type {Values} from './answers.js';
import {deriveNode} from './cluster-derivation.js';
import {nodeValues} from './cluster-values.js';
import {type Cluster, type ClusterNode, runsAgent} from './cluster.js';
import type {Facts} from './facts.js';
import {type Action, buildPlan, type Plan, type Probe, type Step} from './plan.js';
import type {ServiceName} from './services.js';

export type NodePlan = {node: ClusterNode; services: ServiceName[]; values: Values; plan: Plan};

const atAddress = (probe: Probe, address: string): Probe =>
	probe.kind === 'zookeeper' ? {...probe, host: address} : {...probe, url: probe.url.replace('//127.0.0.1:', `//${address}:`)};

// The node's plan is already its role's (node.role is derived from the machine list), its master's
// advertised ip and host name among its settings: what a node adds is probes made from this machine
// at its address.
function onNode(step: Step, node: ClusterNode, services: readonly ServiceName[]): Step {
	const actions = step.actions.map((action): Action => (action.kind === 'service' ? {...action, probe: atAddress(action.probe, node.address)} : action));
	const summary = step.id === 'start' ? `Starts ${services.join(', ')} on ${node.name}, each checked healthy from this machine at ${node.address}.` : step.summary;
	return {...step, summary, actions};
}

// `facts`: the node's, with the layout its packages will read (predicted from its source before the
// install, use-cases/cluster-layout.ts; detected after it).
export function nodePlan(cluster: Cluster, node: ClusterNode, facts: Facts): NodePlan {
	const values = nodeValues(cluster, node);
	const {services} = deriveNode(cluster, node);
	const plan = buildPlan(values, facts);
	return {node, services, values, plan: {...plan, steps: plan.steps.map(step => onNode(step, node, services))}};
}

// The deploy, stage by stage; the nodes of a stage work in parallel, and a stage starts once the one
// before it ended well on every node. Preflight runs on every node before any node changes.
export type StageId = 'preflight' | 'prepare' | 'zookeeper' | 'masters' | 'agents' | 'marathon';
export type StagePart = {node: ClusterNode; steps: Step[]};
export type Stage = {id: StageId; title: string; parts: StagePart[]};

const startOf = (plan: NodePlan, service: ServiceName): Step[] => {
	const start = plan.plan.steps.find(step => step.id === 'start');
	const actions = start?.actions.filter(action => action.kind === 'service' && action.service === service) ?? [];
	return start && actions.length > 0 ? [{...start, title: `Start ${service}`, actions}] : [];
};

export function clusterStages(plans: readonly NodePlan[]): Stage[] {
	const stage = (id: StageId, title: string, stepsOf: (plan: NodePlan) => Step[]): Stage => ({
		id,
		title,
		parts: plans.flatMap(plan => {
			const steps = stepsOf(plan);
			return steps.length > 0 ? [{node: plan.node, steps}] : [];
		}),
	});
	const agentsToo = (plan: NodePlan): boolean => runsAgent(plan.node.role);
	return [
		stage('preflight', 'Preflight on every node', plan => plan.plan.steps.filter(step => step.id === 'preflight')),
		stage('prepare', 'Key, repository, packages and files on every node', plan => plan.plan.steps.filter(step => step.id !== 'preflight' && step.id !== 'start')),
		stage('zookeeper', 'The ZooKeeper ensemble on the masters', plan => startOf(plan, 'zookeeper')),
		stage('masters', 'The Mesos masters', plan => startOf(plan, 'mesos-master')),
		stage('agents', 'The Mesos agents', plan => (agentsToo(plan) ? startOf(plan, 'mesos-slave') : [])),
		stage('marathon', 'Marathon on the masters', plan => startOf(plan, 'marathon')),
	].filter(({parts}) => parts.length > 0);
}
