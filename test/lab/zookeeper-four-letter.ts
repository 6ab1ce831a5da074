import {connect} from 'node:net';

/** Sends a ZooKeeper four-letter word (srvr, mntr, ruok...) and returns the whole answer. */
export function fourLetterWord(word: string, port = 2181, host = '127.0.0.1'): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect({host, port}, () => socket.end(word));
		let answer = '';
		socket.setEncoding('utf8');
		socket.setTimeout(3000, () => socket.destroy(new Error(`ZooKeeper at ${host}:${port} did not answer ${word}`)));
		socket.on('data', (chunk: string) => {
			answer += chunk;
		});
		socket.on('end', () => resolve(answer));
		socket.on('error', reject);
	});
}

/** `Mode: standalone|leader|follower` from srvr: health, where ruok says imok even without quorum. */
export async function zookeeperMode(port = 2181): Promise<string | undefined> {
	return /^Mode: (\w+)/m.exec(await fourLetterWord('srvr', port))?.[1];
}
