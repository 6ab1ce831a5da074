// An agent-only machine as a real cluster has it: its masters' ZooKeeper and its own address on the
// cluster's network. With loopback there (the defaults, right for master+agent) an agent is refused
// (model/loopback-problems.ts), so a test of something else about an agent starts from these.
export const agentAnswers = {
	'node.role': 'agent',
	'mesos.zk': 'zk://10.0.0.11:2181/mesos',
	'slave.ip': '10.0.0.21',
	'slave.hostname': '10.0.0.21',
} as const;
