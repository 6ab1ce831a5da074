// How a person checks a service by hand: the same probes the installer runs, as shell lines.
import type {Probe} from './plan.js';

export function probeCommandForScript(probe: Probe): {comment: string; lines: (seconds: number) => string[]} {
	if (probe.kind === 'zookeeper') {
		return {
			comment: `srvr on ${probe.host}:${probe.port} says Mode: standalone, leader or follower (ruok says imok even without quorum)`,
			// In a subshell: a refused connection must not end a script that runs with set -e.
			lines: seconds => {
				const test = `(exec 3<>/dev/tcp/${probe.host}/${probe.port} && printf srvr >&3 && cat <&3) 2>/dev/null | grep -qE '^Mode: (standalone|leader|follower)'`;
				return [`for i in $(seq ${seconds}); do ${test} && break; sleep 1; done`, `${test} || { echo "zookeeper did not become healthy" >&2; exit 1; }`];
			},
		};
	}
	const test = probe.expect === 'pong' ? `curl -fsS --max-time 2 '${probe.url}' | grep -q pong` : `curl -fsS -o /dev/null --max-time 2 '${probe.url}'`;
	return {
		comment: `${probe.url} answers${probe.expect === 'pong' ? ' pong' : ' 200'}`,
		lines: seconds => [`for i in $(seq ${seconds}); do ${test} && break; sleep 1; done`, `${test} || { echo "${probe.url} did not answer" >&2; exit 1; }`],
	};
}
