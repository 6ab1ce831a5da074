// `plan --script`: the plan as one bash script a person could read and run by hand. Where the
// article's `sudo echo x > file` and `sudo cp a > b` fail (the redirection runs unprivileged),
// the script uses tee and install.
import {probeCommandForScript} from './probe-commands.js';
import type {Action, Check, Plan} from './plan.js';

// Single quotes keep every character literal; a quote inside is closed, escaped and reopened.
export const shellQuote = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

const command = (argv: string[]): string => argv.map(shellQuote).join(' ');

const prelude = `#!/usr/bin/env bash
# Written by mesos-setup plan --script: the same steps the installer takes, to run by hand.
set -euo pipefail
SUDO=sudo
[ "$(id -u)" -eq 0 ] && SUDO=

# set_key FILE KEY TEXT: every KEY=… line gets TEXT, other lines stay; KEY is added if absent.
set_key() {
  local file=$1 key=$2 text=$3 tmp
  tmp=$(mktemp)
  $SUDO touch "$file"
  KEY="$key" TEXT="$text" awk '
    BEGIN { k = ENVIRON["KEY"]; t = ENVIRON["TEXT"]; seen = 0 }
    $0 !~ /^[[:space:]]*[#!]/ && index($0, k) && match($0, "^[[:space:]]*(export[[:space:]]+)?[^=:[:space:]]+[[:space:]]*[=:]") {
      name = substr($0, RSTART, RLENGTH); sub(/^[[:space:]]*(export[[:space:]]+)?/, "", name); sub(/[[:space:]]*[=:]$/, "", name)
      if (name == k) { print k "=" t; seen = 1; next }
    }
    { print }
    END { if (!seen) print k "=" t }
  ' "$file" > "$tmp"
  $SUDO install -m 0644 "$tmp" "$file"
  rm -f "$tmp"
}

# keep_servers FILE N…: removes server.M lines of zoo.cfg for every M not listed.
keep_servers() {
  local file=$1 tmp; shift
  tmp=$(mktemp)
  $SUDO touch "$file"
  KEEP=" $* " awk '
    match($0, /^[[:space:]]*server\\.[0-9]+/) { id = substr($0, RSTART, RLENGTH); sub(/.*server\\./, "", id); if (index(ENVIRON["KEEP"], " " id " ") == 0) next }
    { print }
  ' "$file" > "$tmp"
  $SUDO install -m 0644 "$tmp" "$file"
  rm -f "$tmp"
}
`;

function checkLines(check: Check): string[] {
	switch (check.kind) {
		case 'root':
			return ['[ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null || { echo "run as root or install sudo" >&2; exit 1; }'];
		case 'apt':
			return ['command -v apt-get >/dev/null || { echo "this needs a Debian-family system with apt" >&2; exit 1; }'];
		case 'hosts-loopback':
			return ['grep -qE "^127\\.0\\.1\\.1[[:space:]].*\\b$(hostname)\\b" /etc/hosts && echo "warning: $(hostname) resolves to 127.0.1.1; Mesos would register on loopback" >&2 || true'];
		case 'port-free':
			return [`! ss -ltn 'sport = :${check.port}' | grep -q LISTEN || echo "warning: port ${check.port} (${check.owner}) is already in use" >&2`];
		case 'disk':
			return [`df -Pm ${shellQuote(check.path)} 2>/dev/null | awk 'NR==2 && $4 < ${check.minMegabytes} { print "warning: less than ${check.minMegabytes} MB free under ${check.path}" > "/dev/stderr" }' || true`];
		case 'command':
			return [`command -v ${shellQuote(check.name)} >/dev/null || echo "warning: ${check.name} is not installed but ${check.why}" >&2`];
		case 'reachable':
			return [`curl -fsS -o /dev/null --max-time 10 ${shellQuote(check.url)} || echo "warning: the ${check.what} ${check.url} does not answer" >&2`];
	}
}

function actionLines(action: Action): string[] {
	switch (action.kind) {
		case 'check':
			return checkLines(action.check);
		case 'import-key': {
			const fpr = action.fingerprint;
			const add =
				action.method === 'apt-key'
					? `gpg --batch --export ${fpr} | $SUDO apt-key add -`
					: `gpg --batch --export ${fpr} | $SUDO tee ${shellQuote(action.keyring)} >/dev/null`;
			return [
				'GNUPGHOME=$(mktemp -d); export GNUPGHOME',
				`gpg --batch --keyserver ${shellQuote(action.keyserver)} --recv-keys ${fpr}`,
				'# The key must have exactly this full fingerprint, or nothing is trusted.',
				`gpg --batch --with-colons --fingerprint ${fpr} | grep -q '^fpr:::::::::${fpr}:' || { echo "the key server sent a key with another fingerprint" >&2; exit 1; }`,
				add,
				'gpgconf --kill all; rm -rf "$GNUPGHOME"; unset GNUPGHOME',
			];
		}
		case 'run': {
			// `sudo VAR=x cmd` would need sudo's env rules; `sudo env VAR=x cmd` always works.
			const env = Object.entries(action.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`);
			return [`$SUDO ${env.length > 0 ? `env ${env.join(' ')} ` : ''}${command(action.argv)}`];
		}
		case 'file': {
			const dir = action.path.replace(/\/[^/]+$/, '') || '/';
			const lines = [`$SUDO install -d -m 0755 ${shellQuote(dir)}`];
			const edit = action.edit;
			if (edit.format === 'whole') {
				if (edit.copyOf) lines.push(`$SUDO install -m 0644 ${shellQuote(edit.copyOf)} ${shellQuote(action.path)}`);
				else lines.push(`printf '%s' ${shellQuote(edit.content)} | $SUDO tee ${shellQuote(action.path)} >/dev/null`);
				return lines;
			}
			if (edit.format === 'properties' && edit.servers) {
				lines.push(`keep_servers ${shellQuote(action.path)} ${edit.servers.map(s => s.key.replace('server.', '')).join(' ')}`);
				for (const s of edit.servers) lines.push(`set_key ${shellQuote(action.path)} ${shellQuote(s.key)} ${shellQuote(s.text)}`);
			}
			for (const k of edit.keys) lines.push(`set_key ${shellQuote(action.path)} ${shellQuote(k.key)} ${shellQuote(k.text)}`);
			return lines;
		}
		case 'service':
			return [
				`$SUDO ${command(action.argv)}`,
				`# ${action.service} is healthy when: ${probeCommandForScript(action.probe).comment}`,
				...probeCommandForScript(action.probe).lines(Math.round(action.deadlineMs / 1000)),
			];
	}
}

export function renderScript(plan: Plan): string {
	const out = [prelude];
	for (const step of plan.steps) {
		out.push(`# --- ${step.title}: ${step.summary}`);
		for (const action of step.actions) {
			out.push(`# ${action.title}`, ...actionLines(action));
		}
		out.push('');
	}
	out.push('echo "Mesos: http://127.0.0.1:' + (plan.values['master.port'] ?? '5050') + '  Marathon: http://127.0.0.1:8080"');
	return `${out.join('\n')}\n`;
}
