/** Resources as Mesos reports them in JSON: ports is a range string. */
export type Resources = {cpus: number; mem: number; disk: number; ports: string};

/** What an agent stand-in sends when it registers (a private endpoint of the lab's master). */
export type AgentRegistration = {pid: string; hostname: string; resources: Resources; version: string; id?: string};
/** What a scheduler stand-in (Marathon) sends when it registers as a framework. */
export type FrameworkRegistration = {name: string; hostname: string; webui_url: string; user: string; id?: string};

type Agent = AgentRegistration & {id: string; registeredTime: number; lastSeen: number};
type Framework = FrameworkRegistration & {id: string; registeredTime: number; lastSeen: number};

// The lab's stand-ins re-register every 2 s: silent for longer than this means gone.
const inactiveAfterMs = 10_000;
const removedAfterMs = 60_000;

/** The master's view of registered agents and frameworks, keyed as the real master keys them. */
export function createClusterRegistry(masterId: string, log: (message: string) => void) {
	const agents = new Map<string, Agent>(); // by pid: slave(1)@ip:port
	const frameworks = new Map<string, Framework>(); // by framework id
	let agentCount = 0;
	let frameworkCount = 0;
	const now = () => Date.now();
	const seconds = (ms: number) => ms / 1000;
	const isActive = (entry: {lastSeen: number}) => now() - entry.lastSeen < inactiveAfterMs;
	const prune = () => {
		for (const [pid, agent] of agents) if (now() - agent.lastSeen > removedAfterMs) agents.delete(pid);
	};

	return {
		registerAgent(registration: AgentRegistration): string {
			const known = agents.get(registration.pid);
			// A restarted agent whose hostname changed is a new agent at the same address: it replaces the old one.
			if (known && known.hostname === registration.hostname && isActive(known)) {
				known.lastSeen = now();
				known.resources = registration.resources;
				return known.id;
			}
			const id = known && known.hostname === registration.hostname ? known.id : `${masterId}-S${agentCount++}`;
			agents.set(registration.pid, {...registration, id, registeredTime: seconds(now()), lastSeen: now()});
			log(known
				? `Re-registered agent ${id} at ${registration.pid} (${registration.hostname})${known.id === id ? '' : `, replacing ${known.id} (${known.hostname})`}`
				: `Registered agent ${id} at ${registration.pid} (${registration.hostname})`);
			return id;
		},
		registerFramework(registration: FrameworkRegistration): string {
			const known = registration.id ? frameworks.get(registration.id) : undefined;
			if (known && isActive(known)) {
				known.lastSeen = now();
				return known.id;
			}
			const id = registration.id ?? `${masterId}-${String(frameworkCount++).padStart(4, '0')}`;
			frameworks.set(id, {...registration, id, registeredTime: known?.registeredTime ?? seconds(now()), lastSeen: now()});
			log(`${known || registration.id ? 'Re-registered' : 'Registered'} framework ${id} (${registration.name}) from ${registration.hostname}`);
			return id;
		},
		agents() {
			prune();
			return [...agents.values()].map(agent => ({
				id: agent.id,
				pid: agent.pid,
				hostname: agent.hostname,
				registered_time: agent.registeredTime,
				resources: agent.resources,
				used_resources: {cpus: 0, mem: 0, disk: 0},
				offered_resources: {cpus: 0, mem: 0, disk: 0},
				attributes: {},
				active: isActive(agent),
				version: agent.version,
			}));
		},
		frameworks() {
			return [...frameworks.values()].map(framework => ({
				id: framework.id,
				name: framework.name,
				hostname: framework.hostname,
				user: framework.user,
				webui_url: framework.webui_url,
				active: isActive(framework),
				registered_time: framework.registeredTime,
				resources: {cpus: 0, mem: 0, disk: 0},
				used_resources: {cpus: 0, mem: 0, disk: 0},
				offered_resources: {cpus: 0, mem: 0, disk: 0},
				tasks: [],
				completed_tasks: [],
			}));
		},
	};
}

export type ClusterRegistry = ReturnType<typeof createClusterRegistry>;
