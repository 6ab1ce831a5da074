// A node SSH cannot reach, refused at once: this machine's own address on a network (a cluster file
// refuses loopback) at a port nothing listens on.
import net from 'node:net';
import os from 'node:os';

// This machine's first IPv4 address on a network interface (not loopback).
export function ownAddress(): string {
	const address = Object.values(os.networkInterfaces())
		.flat()
		.find(each => each?.family === 'IPv4' && !each.internal)?.address;
	if (!address) throw new Error('this test needs an IPv4 address on a network interface besides loopback');
	return address;
}

// A loopback port nothing listens on: a connection to it is refused at once.
export async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	await new Promise(resolve => server.close(resolve));
	return port;
}
