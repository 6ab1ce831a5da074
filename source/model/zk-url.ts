// The parts of a ZooKeeper URL (zk://host:port[,host:port…]/path) that other rules read: the hosts
// it names, and the same ensemble under another path. Values reach here validated (validate.zkUrl).
// Pure.
const zkParts = /^zk:\/\/([^/\s]+)(\/.*)$/;

// The hosts of a ZooKeeper URL, without their ports.
export function zkHosts(url: string): string[] {
	const hosts = zkParts.exec(url)?.[1];
	return hosts === undefined ? [] : hosts.split(',').map(hostPort => hostPort.replace(/:\d+$/, ''));
}

// The same hosts with another path: Marathon keeps its state on the masters' ensemble under
// /marathon, apart from their /mesos. A value that is not a ZooKeeper URL is given back as it is.
export function zkWithPath(url: string, path: string): string {
	const hosts = zkParts.exec(url)?.[1];
	return hosts === undefined ? url : `zk://${hosts}${path}`;
}
