// The address of the single-machine lab's agent-only machine. mesos-setup refuses loopback for an
// agent (model/loopback-problems.ts: its masters elsewhere must reach it, and it runs no ZooKeeper),
// so the lab gives it 192.0.2.10, of TEST-NET-1 (RFC 5737: for documentation, never routed), put on
// the loopback interface for the lab's time: the agent listens on loopback, as every server of the
// lab does, at an address that is not 127/8, and nothing off this machine can reach it.
import {execa} from 'execa';

export const labAgentAddress = '192.0.2.10';

// Adds the address to lo; the function returned takes it away. `replace`: a lab killed before its
// stop left it there, and this lab takes it as its own.
export async function addLabAgentAddress(): Promise<() => Promise<void>> {
	await execa('ip', ['address', 'replace', `${labAgentAddress}/32`, 'dev', 'lo'], {timeout: 30_000});
	return async () => {
		await execa('ip', ['address', 'del', `${labAgentAddress}/32`, 'dev', 'lo'], {timeout: 30_000, reject: false});
	};
}
