// Each node's plan, and the order the nodes carry them out in. A node's plan is the one-machine plan
// of its answers (the cluster's settings, then what its place in the cluster derives), kept to its
// role: the ports, files and services of what it runs. Its services are probed at its address, from
// the machine that runs mesos-setup. Pure.
import {consistencyProblems, resolveValues, type Values} from './answers.js';
import {deriveNode, nodeAnswers} from './cluster-derivation.js';
import {type Cluster, type ClusterNode, runsAgent, runsMaster} from './cluster.js';
import {InputError} from './errors.js';
import type {Facts} from './facts.js';
import {type Action, buildPlan, type Plan, type Probe, type Step} from './plan.js';
import type {ServiceName} from './services.js';

export type NodePlan = {node: ClusterNode; services: ServiceName[]; values: Values; plan: Plan};

// The ports each service listens on (the preflight checks only those of the node's role).
const servicePorts = (values: Values): Record<ServiceName, number[]> => ({
	zookeeper: [2181, 2888, 3888],
	'mesos-master': [Number(values['master.port'])],
	'mesos-slave': [5051],
	marathon: [8080],
	chronos: [],
});

// A master listens on and advertises its own address; on one machine the master's defaults do.
// (These join the settings catalogue as master.ip and master.hostname once its ids are typed.)
function masterAddressFiles(node: ClusterNode): Action[] {
	return (['ip', 'hostname'] as const).map(
		(name): Action => ({
			kind: 'file',
			title: `Master ${name === 'ip' ? 'IP address' : 'host name'}`,
			path: `/etc/mesos-master/${name}`,
			settings: [],
			edit: {format: 'whole', content: `${node.address}\n`},
			mode: 0o644,
			notes: [`The address ${node.name} listens on and tells the other masters, agents and frameworks.`],
			restarts: ['mesos-master'],
		}),
	);
}

const atAddress = (probe: Probe, address: string): Probe =>
	probe.kind === 'zookeeper' ? {...probe, host: address} : {...probe, url: probe.url.replace('//127.0.0.1:', `//${address}:`)};

function keptToRole(step: Step, node: ClusterNode, services: readonly ServiceName[], values: Values): Step {
	const runs = (wanted: readonly ServiceName[]): boolean => wanted.length === 0 || wanted.some(service => services.includes(service));
	const ports = new Set(services.flatMap(service => servicePorts(values)[service]));
	const actions = step.actions.flatMap((action): Action[] => {
		if (action.kind === 'check' && action.check.kind === 'port-free') return ports.has(action.check.port) ? [action] : [];
		if (action.kind === 'file') return runs(action.restarts) ? [action] : [];
		if (action.kind === 'service') return services.includes(action.service) ? [{...action, probe: atAddress(action.probe, node.address)}] : [];
		return [action];
	});
	if (step.id === 'configuration' && runsMaster(node.role)) actions.push(...masterAddressFiles(node));
	const summary = step.id === 'start' ? `Starts ${services.join(', ')} on ${node.name}, each checked healthy from this machine at ${node.address}.` : step.summary;
	return {...step, summary, actions};
}

export function nodePlan(cluster: Cluster, node: ClusterNode, facts: Facts): NodePlan {
	const values = resolveValues(nodeAnswers(cluster, node));
	const problems = consistencyProblems(values);
	if (problems.length > 0) throw new InputError(problems.map(problem => `${node.name}: ${problem}`));
	const {services} = deriveNode(cluster, node);
	const plan = buildPlan(values, facts);
	return {node, services, values, plan: {...plan, steps: plan.steps.map(step => keptToRole(step, node, services, values))}};
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
