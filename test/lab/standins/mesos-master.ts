import {randomUUID} from 'node:crypto';
import {mkdirSync} from 'node:fs';
import {readMasterConfig} from './master-config.js';
import {createClusterRegistry, type AgentRegistration, type FrameworkRegistration} from './cluster-registry.js';
import {serveHttp, type Reply} from './http-endpoints.js';
import {detectLeadingMaster} from './master-detector.js';
import {masterInfo, masterInfoPrefix, mesosVersion, type MasterInfo} from './master-info.js';
import {openZookeeperSession} from './zookeeper-session.js';
import type {Log} from './standin-log.js';
import type {Stop} from './standin-main.js';

// How long the master waits for a quorum of masters before giving up, as registry_fetch_timeout does.
const quorumWaitMs = 10_000;

export async function runMesosMaster(log: Log): Promise<Stop | string[]> {
	const config = readMasterConfig();
	if (Array.isArray(config)) return config;
	log.info(`Flags at startup: ${Object.entries(config.flags).map(([name, value]) => `--${name}="${value}"`).join(' ')}`);
	mkdirSync(config.workDir, {recursive: true});
	if (config.logDir) mkdirSync(config.logDir, {recursive: true});

	const id = randomUUID();
	const startTime = Date.now() / 1000;
	const self = masterInfo({id, ip: config.ip, port: config.port, hostname: config.hostname});
	const registry = createClusterRegistry(id, log.info);
	let leader: MasterInfo | undefined;
	let electedTime: number | undefined;
	const elected = () => leader?.id === id;
	const zkText = `zk://${config.zk.connectionString}${config.zk.path}`;

	const state = () => {
		const slaves = registry.agents();
		const frameworks = registry.frameworks();
		return {
			version: mesosVersion,
			id,
			pid: self.pid,
			hostname: config.hostname,
			start_time: startTime,
			elected_time: electedTime,
			activated_slaves: slaves.filter(slave => slave.active).length,
			deactivated_slaves: slaves.filter(slave => !slave.active).length,
			leader: leader?.pid,
			leader_info: leader,
			log_dir: config.logDir,
			flags: {...config.flags, zk: zkText, port: String(config.port), ip: config.ip, quorum: String(config.quorum)},
			slaves,
			frameworks,
			completed_frameworks: [],
			orphan_tasks: [],
			unregistered_frameworks: [],
		};
	};
	const metrics = () => {
		const slaves = registry.agents();
		const frameworks = registry.frameworks();
		const total = (key: 'cpus' | 'mem' | 'disk') => slaves.filter(slave => slave.active)
			.reduce((sum, slave) => sum + slave.resources[key], 0);
		return {
			'master/elected': elected() ? 1 : 0,
			'master/uptime_secs': Date.now() / 1000 - startTime,
			'master/slaves_active': slaves.filter(slave => slave.active).length,
			'master/slaves_inactive': slaves.filter(slave => !slave.active).length,
			'master/slaves_connected': slaves.filter(slave => slave.active).length,
			'master/slaves_disconnected': slaves.filter(slave => !slave.active).length,
			'master/frameworks_active': frameworks.filter(framework => framework.active).length,
			'master/frameworks_inactive': frameworks.filter(framework => !framework.active).length,
			'master/frameworks_connected': frameworks.filter(framework => framework.active).length,
			'master/cpus_total': total('cpus'),
			'master/cpus_used': 0,
			'master/cpus_percent': 0,
			'master/mem_total': total('mem'),
			'master/mem_used': 0,
			'master/mem_percent': 0,
			'master/disk_total': total('disk'),
			'master/disk_used': 0,
			'master/disk_percent': 0,
			'master/tasks_running': 0,
			'master/tasks_staging': 0,
			'master/tasks_failed': 0,
			'registrar/log/recovered': elected() ? 1 : 0,
		};
	};
	// As the real master: only the leader answers state; others redirect to it, or 503 with none.
	const leaderOnly = (reply: () => Reply) => (): Reply => {
		if (elected()) return reply();
		if (leader) return {status: 307, headers: {Location: `//${leader.address.ip}:${leader.address.port}/master/state`}};
		return {status: 503, text: 'No leader elected'};
	};
	const stateRoute = leaderOnly(() => ({json: state()}));
	const register = <T>(handle: (body: T) => string) => ({body}: {body: string}): Reply =>
		elected() ? {json: {id: handle(JSON.parse(body) as T)}} : {status: 503, text: 'Not the leading master'};

	const server = await serveHttp(config.ip, config.port, {
		'GET /health': () => ({status: 200}),
		'GET /master/health': () => ({status: 200}),
		'GET /state': stateRoute,
		'GET /state.json': stateRoute,
		'GET /master/state': stateRoute,
		'GET /master/state.json': stateRoute,
		'GET /metrics/snapshot': () => ({json: metrics()}),
		'GET /version': () => ({json: {version: mesosVersion}}),
		'POST /lab/register-agent': register<AgentRegistration>(body => registry.registerAgent(body)),
		'POST /lab/register-framework': register<FrameworkRegistration>(body => registry.registerFramework(body)),
	}, log);

	const session = openZookeeperSession(config.zk.connectionString, log, () => {
		log.error('Lost leadership... committing suicide!');
		process.exit(1);
	});
	await session.connected;
	await session.mkdirp(config.zk.path);
	const znode = await session.createEphemeralSequential(`${config.zk.path}/${masterInfoPrefix}`, JSON.stringify(self));
	log.info(`Created ZooKeeper znode ${znode} holding this master's MasterInfo`);
	const stopDetecting = detectLeadingMaster(session, config.zk.path, log, info => {
		leader = info;
		if (!elected()) return;
		electedTime = Date.now() / 1000;
		log.info('Elected as the leading master!');
		setTimeout(() => void checkQuorum(), quorumWaitMs);
	});
	// One master cannot make a replicated-log quorum bigger than the masters there are. A count that
	// ZooKeeper could not give (a connection lost on a busy machine) is asked again a second later,
	// as the real registrar keeps fetching: unhandled, it ended the elected master's process.
	const checkQuorum = async (): Promise<void> => {
		const listed = await session.children(config.zk.path, () => undefined).catch((error: unknown) => {
			log.warn(`Counting the masters under ${config.zk.path} failed: ${String(error)}; asking again in 1 s`);
			return 'again' as const;
		});
		if (listed === 'again') {
			setTimeout(() => void checkQuorum(), 1000);
			return;
		}
		const masters = (listed ?? []).filter(child => child.startsWith(masterInfoPrefix)).length;
		if (masters >= config.quorum) return;
		log.error(`Recovery failed: Failed to recover registrar: Failed to perform fetch within ${quorumWaitMs / 1000}secs: `
			+ `quorum is ${config.quorum} (from /etc/mesos-master/quorum) but only ${masters} master(s) are running`);
		process.exit(1);
	};
	return () => {
		stopDetecting();
		session.close();
		server.close();
	};
}
