// Clocks across a cluster: ZooKeeper sessions, Mesos timeouts and every log's timestamps assume the
// machines agree on the time, so the nodes' clocks must be within a few seconds of each other. Pure:
// each node's offset from this machine comes in, measured (system/ssh/node-checks.ts).

export const allowedSkewMs = 5000;

export type ClockOffset = {node: string; offsetMs: number};

// The two nodes furthest apart, and a sentence when they are too far apart.
export function clockSkewProblem(offsets: readonly ClockOffset[], limitMs = allowedSkewMs): string | undefined {
	return clockSkew(offsets, limitMs)?.message;
}

// The same with the two nodes named apart (latest first): what a failure of the preflight is about,
// since no one node is at fault.
export function clockSkew(offsets: readonly ClockOffset[], limitMs = allowedSkewMs): {nodes: [string, string]; message: string} | undefined {
	if (offsets.length < 2) return undefined;
	const sorted = [...offsets].sort((a, b) => a.offsetMs - b.offsetMs);
	const earliest = sorted[0] as ClockOffset;
	const latest = sorted.at(-1) as ClockOffset;
	const apart = latest.offsetMs - earliest.offsetMs;
	if (apart <= limitMs) return undefined;
	return {
		nodes: [latest.node, earliest.node],
		message: `the clocks of ${latest.node} and ${earliest.node} are ${(apart / 1000).toFixed(1)} s apart (at most ${limitMs / 1000} s is allowed): ZooKeeper and Mesos need the machines to agree on the time; set up NTP (systemd-timesyncd or chrony) on every node`,
	};
}
