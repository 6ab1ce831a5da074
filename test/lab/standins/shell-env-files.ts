import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

/** What one /etc/default file set when sourced after the ones before it. */
export type EnvFile = {path: string; exists: boolean; variables: Map<string, string>; status: number};

const end = '--mesos-lab-end--';

// The real init wrapper sources these files with `set -o allexport`; bash does the same here, so
// backticks and $(cat /etc/mesos/zk) in them behave as they would for the real daemons.
const script = `set -a
dump() { env -0; printf '%s\\0' "${end}$1"; }
dump 0
for file in "$@"; do
	status=0
	if [ -f "$file" ]; then . "$file" >/dev/null || status=$?; fi
	dump "$status"
done`;

export function sourceEnvFiles(paths: string[]): EnvFile[] {
	const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script, 'bash', ...paths], {
		env: {PATH: '/usr/sbin:/usr/bin:/sbin:/bin'},
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const dumps: Array<{env: Map<string, string>; status: number}> = [];
	let env = new Map<string, string>();
	for (const entry of result.stdout.split('\0')) {
		if (entry.startsWith(end)) {
			dumps.push({env, status: Number(entry.slice(end.length))});
			env = new Map();
			continue;
		}
		const equals = entry.indexOf('=');
		if (equals > 0) env.set(entry.slice(0, equals), entry.slice(equals + 1));
	}
	return paths.map((path, index) => {
		const before = dumps[index]?.env ?? new Map<string, string>();
		const after = dumps[index + 1] ?? {env: new Map<string, string>(), status: 1};
		const variables = new Map<string, string>();
		for (const [name, value] of after.env) {
			if (name !== '_' && name !== 'status' && before.get(name) !== value) variables.set(name, value);
		}
		return {path, exists: existsSync(path), variables, status: after.status};
	});
}
