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

// How long a connection may wait for ZooKeeper's answer to its ConnectRequest. node-zookeeper-client
// stops timing a connection once TCP connects (alexguan/node-zookeeper-client#57): a ZooKeeper still
// starting that accepts the socket and never answers left a stand-in "Connecting" for ever, where
// the real daemons' C client gives up at its session timeout and connects again. So does this one.
const connectAnswerMs = 10_000;

export function openZookeeperSession(connectionString: string, log: Log, onExpired: () => void, answerWithinMs = connectAnswerMs): ZookeeperSession {
	let wasConnected = false;
	let closed = false;
	let markConnected: () => void = () => undefined;
	const connected = new Promise<void>(resolve => {
		markConnected = resolve;
	});
	const open = (): zookeeper.Client => {
		const opened = zookeeper.createClient(connectionString, {sessionTimeout: 10_000, spinDelay: 1000});
		const unanswered = setTimeout(() => {
			if (closed || wasConnected) return;
			log.warn(`ZooKeeper at ${connectionString} did not answer within ${answerWithinMs / 1000} s; connecting again`);
			opened.close();
			client = open();
		}, answerWithinMs);
		opened.on('connected', () => {
			clearTimeout(unanswered);
			log.info(`${wasConnected ? 'Reconnected' : 'Connected'} to ZooKeeper at ${connectionString}`);
			wasConnected = true;
			markConnected();
		});
		opened.on('disconnected', () => log.warn(`Disconnected from ZooKeeper at ${connectionString}`));
		opened.on('expired', () => {
			log.warn('ZooKeeper session expired');
			onExpired();
		});
		opened.connect();
		return opened;
	};
	log.info(`Connecting to ZooKeeper at ${connectionString}`);
	let client = open();
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
		close: () => {
			closed = true;
			client.close();
		},
	};
}
