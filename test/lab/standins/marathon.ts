import {readMarathonConfig} from './marathon-config.js';
import type {FrameworkRegistration} from './cluster-registry.js';
import {postJson, serveHttp} from './http-endpoints.js';
import {leadingChild, type MasterInfo} from './master-info.js';
import {followMaster} from './master-detector.js';
import {openZookeeperSession} from './zookeeper-session.js';
import type {Log} from './standin-log.js';
import type {Stop} from './standin-main.js';
import {standinVersion} from './standin-arguments.js';

export const marathonVersion = standinVersion('1.4.13');
const reregisterEveryMs = 2000;
const memberPrefix = 'member_';

export async function runMarathon(log: Log): Promise<Stop | string[]> {
	const config = readMarathonConfig(marathonVersion);
	if (Array.isArray(config)) return config;
	log.info(`Options at startup: ${Object.entries(config.flags).map(([name, value]) => `--${name} ${value}`).join(' ')}`);
	const self = `${config.hostname}:${config.httpPort}`;
	const leaderPath = `${config.zk.path}/leader`;
	const frameworkIdPath = `${config.zk.path}/state/framework:id`;
	let leader: string | undefined;
	let master: MasterInfo | undefined;
	let frameworkId: string | undefined;
	let lastProblem: string | undefined;
	const elected = () => leader === self;

	const info = () => ({
		name: 'marathon',
		version: marathonVersion,
		buildref: 'mesos-setup-lab-stand-in',
		elected: elected(),
		leader: leader ?? null,
		frameworkId: frameworkId ?? null,
		marathon_config: {
			master: config.flags.master,
			hostname: config.hostname,
			framework_name: config.frameworkName,
			webui_url: null,
			checkpoint: true,
			failover_timeout: 604_800,
			local_port_min: 10_000,
			local_port_max: 20_000,
			mesos_role: null,
			mesos_user: 'root',
			task_launch_timeout: 300_000,
		},
		zookeeper_config: {zk: config.flags.zk, zk_timeout: 10_000, zk_session_timeout: 10_000, zk_max_versions: 50},
		http_config: {http_port: config.httpPort, https_port: 8443},
		event_subscriber: null,
	});
	const server = await serveHttp(config.httpAddress, config.httpPort, {
		'GET /ping': () => ({text: 'pong'}),
		'GET /v2/info': () => ({json: info()}),
		'GET /v2/leader': () => leader ? {json: {leader}} : {status: 404, json: {message: 'There is no leader'}},
		'GET /v2/apps': () => ({json: {apps: []}}),
	}, log);

	// Leader election among Marathons: ephemeral sequential members under <zk path>/leader.
	const session = openZookeeperSession(config.zk.connectionString, log, () => {
		log.error('ZooKeeper session expired: abdicating leadership and exiting');
		process.exit(1);
	});
	await session.connected;
	await session.mkdirp(leaderPath);
	await session.mkdirp(`${config.zk.path}/state`);
	await session.createEphemeralSequential(`${leaderPath}/${memberPrefix}`, self);
	frameworkId = await session.data(frameworkIdPath);
	const lookForLeader = async () => {
		const children = await session.children(leaderPath, () => void lookForLeader());
		const first = children && leadingChild(children, memberPrefix);
		const found = first ? await session.data(`${leaderPath}/${first}`) : undefined;
		if (found !== leader) log.info(found === self ? 'Elected as the leading Marathon' : `Leader is now ${found ?? 'nobody'}`);
		leader = found;
	};
	await lookForLeader();

	const register = async () => {
		if (!master || !elected()) return;
		const registration: FrameworkRegistration = {
			name: config.frameworkName, hostname: config.hostname, webui_url: `http://${self}`, user: 'root', id: frameworkId,
		};
		try {
			const {id} = await postJson<{id: string}>(
				`http://${master.address.ip}:${master.address.port}/lab/register-framework`, registration);
			if (id !== frameworkId) {
				log.info(`Registered with Mesos master ${master.pid}; framework ID ${id}`);
				await session.createPersistent(frameworkIdPath, id);
			}
			frameworkId = id;
			lastProblem = undefined;
		} catch (error) {
			const problem = `Failed to register with Mesos master ${master.pid}: ${String(error)}`;
			if (problem !== lastProblem) log.warn(problem);
			lastProblem = problem;
		}
	};
	const timer = setInterval(() => void register(), reregisterEveryMs);
	const masters = followMaster(config.master, log, found => {
		master = found;
		void register();
	});
	return () => {
		clearInterval(timer);
		masters.close();
		session.close();
		server.close();
	};
}
