import {leadingChild, masterInfoPrefix, type MasterInfo} from './master-info.js';
import {openZookeeperSession, type ZookeeperSession} from './zookeeper-session.js';
import type {MasterAddress} from './agent-config.js';
import type {Log} from './standin-log.js';

/**
 * Follows the leading master under a ZooKeeper path, as the agent and schedulers do: the lowest
 * `json.info_<seq>` child, re-read whenever the children change. Calls onChange with each new leader.
 */
export function detectLeadingMaster(
	session: ZookeeperSession, path: string, log: Log, onChange: (leader: MasterInfo | undefined) => void,
): void {
	let generation = 0;
	let current: string | undefined;
	const look = async () => {
		const mine = ++generation;
		const children = await session.children(path, () => void look().catch(reportError));
		const leader = children && leadingChild(children, masterInfoPrefix);
		const data = leader ? await session.data(`${path}/${leader}`) : undefined;
		if (mine !== generation) return;
		const info = data ? JSON.parse(data) as MasterInfo : undefined;
		if (info?.pid === current) return;
		current = info?.pid;
		log.info(info ? `Detected a new leader: ${info.pid} (id ${info.id})` : `No master is currently leading (${path})`);
		onChange(info);
	};
	const reportError = (error: unknown) => log.warn(`Master detection under ${path} failed: ${String(error)}`);
	void session.connected.then(look).catch(reportError);
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
	// An expired session loses its watches: start over with a new one, as the real detector does.
	const open = () => {
		session = openZookeeperSession(address.connectionString, log, () => {
			session.close();
			onChange(undefined);
			open();
		});
		detectLeadingMaster(session, address.path, log, onChange);
	};
	open();
	return {close: () => session.close()};
}
