// What the cluster says about itself, asked from the control machine: the lab's addresses exist
// only inside its namespaces, so every question goes through a command run there (curl, bash's /dev/tcp).
import type {MasterState} from '../cluster-state.js';
import type {LabMachine} from './lab-machine.js';

type Named = {name: string; address: string};

/** GETs a URL from the control machine; the body of a 200 answer (after redirects), else undefined. */
export async function controlGet(control: LabMachine, url: string): Promise<string | undefined> {
	const result = await control.run(['curl', '-sS', '-L', '-m', '3', '-w', '\n%{http_code}', url], {reject: false});
	const lines = result.stdout.split('\n');
	return result.exitCode === 0 && lines.at(-1) === '200' ? lines.slice(0, -1).join('\n') : undefined;
}

export async function controlJson<T>(control: LabMachine, url: string): Promise<T | undefined> {
	const body = await controlGet(control, url);
	return body === undefined ? undefined : JSON.parse(body) as T;
}

/**
 * A ZooKeeper's `Mode:` from srvr (leader, follower, standalone); 'not serving' when it answers
 * without one (no quorum yet, or electing), 'down' when nothing answers on 2181.
 */
export async function zookeeperMode(control: LabMachine, address: string): Promise<string> {
	const result = await control.run(['timeout', '3', 'bash', '-c', 'exec 3<>"/dev/tcp/$1/2181" && printf srvr >&3 && cat <&3', 'srvr', address], {reject: false});
	return /^Mode: (\w+)/m.exec(result.stdout)?.[1] ?? (result.exitCode === 0 ? 'not serving' : 'down');
}

/** Every master's ZooKeeper mode, by node name. */
export async function ensembleModes(control: LabMachine, masters: Named[]): Promise<Record<string, string>> {
	const modes = await Promise.all(masters.map(async master => [master.name, await zookeeperMode(control, master.address)] as const));
	return Object.fromEntries(modes);
}

/** The ensemble once it has one leader and every other answering member follows, else undefined. */
export async function formedEnsemble(control: LabMachine, masters: Named[], answering = masters.length) {
	const modes = await ensembleModes(control, masters);
	const values = Object.values(modes);
	const leaders = values.filter(mode => mode === 'leader').length;
	const followers = values.filter(mode => mode === 'follower').length;
	return leaders === 1 && followers === answering - 1 ? modes : undefined;
}

export type MesosView = {
	/** The masters whose /metrics/snapshot says master/elected 1. */
	elected: string[];
	/** The leader each master's /master/state names (a non-leader redirects to the leader, as Mesos does). */
	leaderByMaster: Record<string, string | undefined>;
	state?: MasterState;
};

export async function mesosView(control: LabMachine, masters: Named[]): Promise<MesosView> {
	const answers = await Promise.all(masters.map(async master => {
		const metrics = await controlJson<Record<string, number>>(control, `http://${master.address}:5050/metrics/snapshot`);
		const state = await controlJson<MasterState>(control, `http://${master.address}:5050/master/state`);
		return {master, elected: metrics?.['master/elected'] === 1, state};
	}));
	const leading = answers.find(answer => answer.elected);
	return {
		elected: answers.filter(answer => answer.elected).map(answer => answer.master.name),
		leaderByMaster: Object.fromEntries(answers.map(answer => [answer.master.name, answer.state?.leader])),
		state: leading?.state,
	};
}

/** The cluster once exactly one master is elected, every master names it, and every agent is active with it. */
export async function registeredCluster(control: LabMachine, masters: Named[], agents: Named[]): Promise<MesosView | undefined> {
	const view = await mesosView(control, masters);
	if (view.elected.length !== 1 || !view.state) return undefined;
	const leaders = new Set(Object.values(view.leaderByMaster));
	const active = new Set(view.state.slaves.filter(slave => slave.active).map(slave => slave.hostname));
	return leaders.size === 1 && !leaders.has(undefined) && agents.every(agent => active.has(agent.address)) ? view : undefined;
}

/** Every master's Marathon's /v2/leader, by node name. */
export async function marathonLeaders(control: LabMachine, masters: Named[]): Promise<Record<string, string | undefined>> {
	const leaders = await Promise.all(masters.map(async master =>
		[master.name, (await controlJson<{leader: string}>(control, `http://${master.address}:8080/v2/leader`))?.leader] as const));
	return Object.fromEntries(leaders);
}
