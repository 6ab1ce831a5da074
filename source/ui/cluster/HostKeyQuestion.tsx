// A node whose SSH host key this machine does not know: its address, each key's type and SHA256
// fingerprint (fetched without logging in), how to read the machine's own to compare, and the two
// answers. Nothing is sent to the node until its key is accepted.
import {Box, Text} from 'ink';
import React from 'react';
import type {UnknownHostKey} from '../../model/cluster-events.js';

export function HostKeyQuestion({question}: {question: UnknownHostKey}) {
	const width = Math.max(...question.keys.map(key => key.type.length));
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text color="yellow" bold>{`? ${question.node} (${question.address}): its SSH host key is not known on this machine; nothing has been sent to it.`}</Text>
			{question.keys.map(key => (
				<Text key={`${key.type} ${key.fingerprint}`}>{`  ${key.type.padEnd(width)}  ${key.fingerprint}`}</Text>
			))}
			<Text dimColor>{`  To compare, on ${question.node} itself: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub (and the other ssh_host_*_key.pub)`}</Text>
			<Text>a accepts: the keys shown are added to your known_hosts and the deploy goes on · n refuses: the deploy stops, nothing has changed on any node</Text>
		</Box>
	);
}
