// The node runner's `has` over a real ssh client: a node that cannot be reached (any more) is an SSH
// error naming it and what to check, never "not installed" (docker's check in cluster status, and the
// preflight's, would otherwise send the person the wrong way).
import {describe, expect, it} from 'vitest';
import {createNodeRunner} from '../../source/system/ssh/node-runner.js';
import {SshError, SshSessions} from '../../source/system/ssh/ssh-session.js';
import {closedPort, ownAddress} from '../helpers/unreachable-node.js';

describe('whether a command is on a node', () => {
	it('is an SSH error where the node is not reached, not an answer', async () => {
		const sessions = await SshSessions.create();
		try {
			const port = await closedPort();
			const session = sessions.session({name: 'a1', address: ownAddress(), port});
			// A session opened once (its login known), whose node no ssh reaches now: a connection gone
			// since. Only the login's uid is set by hand; everything after it runs the real ssh client.
			Object.assign(session, {remoteUid: 0});
			const asked = createNodeRunner(session).has('docker');
			await expect(asked).rejects.toBeInstanceOf(SshError);
			await expect(asked).rejects.toMatchObject({problem: 'unreachable', message: expect.stringContaining(`a1 (${ownAddress()}:${port}) cannot be reached over SSH`)});
		} finally {
			await sessions.close();
		}
	});
});
