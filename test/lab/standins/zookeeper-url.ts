/** A parsed `zk://host:port[,host:port...]/path` URL, as Mesos and Marathon accept it. */
export type ZookeeperUrl = {connectionString: string; path: string};

const hostPort = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

/** Returns the parsed URL, or a sentence saying why the text is not one. */
export function parseZookeeperUrl(text: string): ZookeeperUrl | string {
	const match = /^zk:\/\/([^/\s]+)(\/\S*)$/.exec(text);
	if (!match) return 'not a ZooKeeper URL like zk://127.0.0.1:2181/mesos';
	const [, hosts = '', path = ''] = match;
	for (const host of hosts.split(',')) {
		if (!hostPort.test(host)) return `'${host}' is not host:port`;
		const port = Number(host.split(':')[1] ?? 2181);
		if (port < 1 || port > 65_535) return `port ${port} is out of range`;
	}
	// Mesos refuses a bare '/' ("Expecting a (chroot) path for ZooKeeper").
	if (path === '/' || path.endsWith('/')) return `'${path}' is not a znode path like /mesos`;
	return {connectionString: hosts, path};
}
