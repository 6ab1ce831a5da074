import zookeeper from 'node-zookeeper-client';
import type {Log} from './standin-log.js';

/** A ZooKeeper session with the few calls the stand-ins make, as promises. */
export type ZookeeperSession = {
	connected: Promise<void>;
	mkdirp(path: string): Promise<void>;
	/** Creates an ephemeral sequential znode and returns its full path. */
	createEphemeralSequential(path: string, data: string): Promise<string>;
	createPersistent(path: string, data: string): Promise<void>;
	/** Children of path, watched once; undefined (and a watch on its creation) when it does not exist. */
	children(path: string, onChange: () => void): Promise<string[] | undefined>;
	data(path: string): Promise<string | undefined>;
	close(): void;
};

type Callback<T> = (error: Error | zookeeper.Exception | null, value: T) => void;

const isNoNode = (error: unknown) =>
	error instanceof zookeeper.Exception && error.getCode() === zookeeper.Exception.NO_NODE;

function call<T>(start: (callback: Callback<T>) => void): Promise<T> {
	return new Promise((resolve, reject) => {
		start((error, value) => {
			if (error) reject(error instanceof Error ? error : new Error(String(error)));
			else resolve(value);
		});
	});
}

export function openZookeeperSession(connectionString: string, log: Log, onExpired: () => void): ZookeeperSession {
	const client = zookeeper.createClient(connectionString, {sessionTimeout: 10_000, spinDelay: 1000});
	let wasConnected = false;
	const connected = new Promise<void>(resolve => {
		client.on('connected', () => {
			log.info(`${wasConnected ? 'Reconnected' : 'Connected'} to ZooKeeper at ${connectionString}`);
			wasConnected = true;
			resolve();
		});
	});
	client.on('disconnected', () => log.warn(`Disconnected from ZooKeeper at ${connectionString}`));
	client.on('expired', () => {
		log.warn('ZooKeeper session expired');
		onExpired();
	});
	log.info(`Connecting to ZooKeeper at ${connectionString}`);
	client.connect();
	return {
		connected,
		async mkdirp(path) {
			await call<string>(callback => client.mkdirp(path, callback));
		},
		createEphemeralSequential: (path, data) => call<string>(callback =>
			client.create(path, Buffer.from(data), zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL, callback)),
		async createPersistent(path, data) {
			await call<string>(callback => client.create(path, Buffer.from(data), zookeeper.CreateMode.PERSISTENT, callback));
		},
		async children(path, onChange) {
			for (;;) {
				try {
					return await call<string[]>(callback => client.getChildren(path, () => onChange(), callback));
				} catch (error) {
					if (!isNoNode(error)) throw error;
				}
				// Made between the two calls (a master starting with its agent), the znode's exists watch would
				// fire only on a change to its data, never for its children: read them again instead.
				const stat = await call<unknown>(callback => client.exists(path, () => onChange(), callback));
				if (!stat) return undefined;
			}
		},
		async data(path) {
			try {
				return (await call<Buffer>(callback => client.getData(path, callback))).toString('utf8');
			} catch (error) {
				if (isNoNode(error)) return undefined;
				throw error;
			}
		},
		close: () => client.close(),
	};
}
