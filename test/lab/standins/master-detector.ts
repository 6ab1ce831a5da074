import {leadingChild, masterInfoPrefix, type MasterInfo} from './master-info.js';
import {openZookeeperSession, type ZookeeperSession} from './zookeeper-session.js';
import type {MasterAddress} from './agent-config.js';
import type {Log} from './standin-log.js';

/**
 * Follows the leading master under a ZooKeeper path, as the agent and schedulers do: the lowest
 * `json.info_<seq>` child, re-read whenever the children change. Calls onChange with each new leader.
 * A failed read (connection loss on a busy machine) is tried again, as the real detector does:
 * otherwise its watch is gone and the follower never hears of a leader. Returns a stop.
 */
export function detectLeadingMaster(
	session: ZookeeperSession, path: string, log: Log, onChange: (leader: MasterInfo | undefined) => void,
): () => void {
	let generation = 0;
	let current: string | undefined;
	let stopped = false;
	const look = async () => {
		if (stopped) return;
		const mine = ++generation;
		const children = await session.children(path, () => void look().catch(tryAgain));
		const leader = children && leadingChild(children, masterInfoPrefix);
		const data = leader ? await session.data(`${path}/${leader}`) : undefined;
		if (mine !== generation) return;
		const info = data ? JSON.parse(data) as MasterInfo : undefined;
		if (info?.pid === current) return;
		current = info?.pid;
		log.info(info ? `Detected a new leader: ${info.pid} (id ${info.id})` : `No master is currently leading (${path})`);
		onChange(info);
	};
	const tryAgain = (error: unknown) => {
		if (stopped) return;
		log.warn(`Master detection under ${path} failed: ${String(error)}; trying again in 1 s`);
		setTimeout(() => void look().catch(tryAgain), 1000);
	};
	void session.connected.then(look).catch(tryAgain);
	return () => {
		stopped = true;
	};
}

/** Finds the leading master: through ZooKeeper for a zk:// address, else the one fixed address. */
export function followMaster(address: MasterAddress, log: Log, onChange: (leader: MasterInfo | undefined) => void) {
	if (!('connectionString' in address)) {
		onChange({
			address: {hostname: address.host, ip: address.host, port: address.port},
			hostname: address.host, id: '', ip: 0, pid: `master@${address.host}:${address.port}`, port: address.port, version: '',
		});
		return {close: () => undefined};
	}
	let session: ZookeeperSession;
	let stopDetecting = () => undefined as void;
	// An expired session loses its watches: start over with a new one, as the real detector does.
	const open = () => {
		session = openZookeeperSession(address.connectionString, log, () => {
			stopDetecting();
			session.close();
			onChange(undefined);
			open();
		});
		stopDetecting = detectLeadingMaster(session, address.path, log, onChange);
	};
	open();
	return {close: () => {
		stopDetecting();
		session.close();
	}};
}
