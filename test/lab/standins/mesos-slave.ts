import {cpus, totalmem} from 'node:os';
import {statfsSync} from 'node:fs';
import {readAgentConfig} from './agent-config.js';
import type {AgentRegistration, Resources} from './cluster-registry.js';
import {postJson, serveHttp} from './http-endpoints.js';
import {followMaster} from './master-detector.js';
import {mesosVersion, type MasterInfo} from './master-info.js';
import type {Log} from './standin-log.js';
import type {Stop} from './standin-main.js';

const reregisterEveryMs = 2000;

/** Resources as the real agent works them out: all CPUs, memory less 1 GB for the system, the disk. */
function detectResources(): Resources {
	const memMb = Math.floor(totalmem() / 1024 / 1024);
	const disk = statfsSync('/');
	const diskMb = Math.floor(disk.blocks * disk.bsize / 1024 / 1024);
	return {
		cpus: cpus().length,
		mem: memMb - Math.min(1024, Math.floor(memMb / 2)),
		disk: diskMb - Math.min(5120, Math.floor(diskMb / 2)),
		ports: '[31000-32000]',
	};
}

export async function runMesosSlave(log: Log): Promise<Stop | string[]> {
	const config = readAgentConfig();
	if (Array.isArray(config)) return config;
	log.info(`Flags at startup: ${Object.entries(config.flags).map(([name, value]) => `--${name}="${value}"`).join(' ')}`);
	const pid = `slave(1)@${config.ip}:${config.port}`;
	const resources = detectResources();
	const startTime = Date.now() / 1000;
	let leader: MasterInfo | undefined;
	let agentId: string | undefined;
	let lastProblem: string | undefined;

	const state = () => ({
		version: mesosVersion,
		id: agentId ?? '',
		pid,
		hostname: config.hostname,
		start_time: startTime,
		resources,
		attributes: {},
		master_hostname: leader?.hostname,
		flags: {...config.flags, ip: config.ip, port: String(config.port)},
		frameworks: [],
		completed_frameworks: [],
	});
	const server = await serveHttp(config.ip, config.port, {
		'GET /health': () => ({status: 200}),
		'GET /slave(1)/health': () => ({status: 200}),
		'GET /state': () => ({json: state()}),
		'GET /state.json': () => ({json: state()}),
		'GET /slave(1)/state': () => ({json: state()}),
		'GET /metrics/snapshot': () => ({json: {
			'slave/registered': agentId ? 1 : 0,
			'slave/uptime_secs': Date.now() / 1000 - startTime,
			'slave/cpus_total': resources.cpus,
			'slave/mem_total': resources.mem,
			'slave/disk_total': resources.disk,
		}}),
	}, log);

	const register = async () => {
		if (!leader) return;
		const registration: AgentRegistration = {pid, hostname: config.hostname, resources, version: mesosVersion};
		try {
			const {id} = await postJson<{id: string}>(
				`http://${leader.address.ip}:${leader.address.port}/lab/register-agent`, registration);
			if (id !== agentId) log.info(`Registered with master ${leader.pid}; given agent ID ${id}`);
			agentId = id;
			lastProblem = undefined;
		} catch (error) {
			const problem = `Failed to register with master ${leader.pid}: ${String(error)}`;
			if (problem !== lastProblem) log.warn(problem);
			lastProblem = problem;
		}
	};
	const timer = setInterval(() => void register(), reregisterEveryMs);
	const sessions = followMaster(config.master, log, info => {
		leader = info;
		agentId = undefined;
		void register();
	});
	return () => {
		clearInterval(timer);
		sessions.close();
		server.close();
	};
}
