// `plan --script`: the plan as one bash script a person could read and run by hand. Where the
// article's `sudo echo x > file` and `sudo cp a > b` fail (the redirection runs unprivileged),
// the script uses tee and install.
import {dockerPackage} from './docker.js';
import {webPages} from './endpoints.js';
import {hostsPath} from './files.js';
import {probeCommandForScript} from './probe-commands.js';
import type {Facts} from './facts.js';
import type {Action, Check, Plan} from './plan.js';
import {keyFetchArgv, keyFromText} from './plan/key.js';

// Single quotes keep every character literal; a quote inside is closed, escaped and reopened.
export const shellQuote = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

// Words as a shell line that gives them back as they are.
export const commandText = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');

// " --root DIR" for a command a sandboxed run tells a person to type next (nothing on the machine).
export const rootFlag = (system: {sandbox: boolean; root: string}): string => (system.sandbox ? ` --root ${shellQuote(system.root)}` : '');

// A target path, under $ROOT when the script rehearses in a folder.
const target = (path: string): string => `"$ROOT"${shellQuote(path)}`;

// Lines that touch the real machine only: skipped as a block when ROOT is set.
const machineOnly = (lines: string[]): string[] => ['if [ -z "$ROOT" ]; then', ...lines.map(line => `  ${line}`), 'fi'];

// The system the plan was made for, said first and checked before anything runs: a script planned
// for another release would add that release's repository. os-release is read under $ROOT as every
// other path is; a sandbox without one was planned for the article's machine (facts.assumed).
function systemGuard(facts: Facts): string {
	const planned = `${facts.distro} ${facts.codename}`;
	const remake = 'make one there with: mesos-setup plan --script';
	return `# The system this was planned for; it refuses to run on any other.
planned_for=${shellQuote(planned)}
os_field() { awk -F= -v k="$1" '$1 == k { v = $2; gsub(/"/, "", v); gsub(sprintf("%c", 39), "", v); print tolower(v); exit }' "$ROOT/etc/os-release"; }
if [ -r "$ROOT/etc/os-release" ]; then
  found="$(os_field ID) $(os_field VERSION_CODENAME)"
  [ "$found" != "$(os_field ID) " ] || found="$(os_field ID) $(os_field UBUNTU_CODENAME)"
  if [ "$found" != "$planned_for" ]; then
    echo "this script was planned for $planned_for, but $ROOT/etc/os-release says $found: ${remake}" >&2
    exit 1
  fi
${facts.assumed ? 'fi' : `else
  echo "this script was planned for $planned_for, but there is no $ROOT/etc/os-release to tell this system: ${remake}" >&2
  exit 1
fi`}
`;
}

const prelude = (facts: Facts): string => `#!/usr/bin/env bash
# Planned for ${facts.distro} ${facts.codename} (${facts.init}) by mesos-setup plan --script: the same steps the installer takes, to run by hand.
# ROOT=DIR bash script.sh does what mesos-setup --root DIR does: files under DIR, no system commands.
set -euo pipefail
ROOT=\${ROOT:-}
SUDO=sudo
if [ "$(id -u)" -eq 0 ]; then SUDO=; fi

# system CMD…: runs a system command, or says it is skipped when ROOT is set.
system() {
  if [ -n "$ROOT" ]; then echo "skipped $* (ROOT is set: system commands are not run)"; return 0; fi
  $SUDO "$@"
}

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
  $SUDO tee "$file" < "$tmp" >/dev/null   # tee keeps the file's mode
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
  $SUDO tee "$file" < "$tmp" >/dev/null
  rm -f "$tmp"
}

${systemGuard(facts)}`;

// A warning line: the text is quoted whole, so no value in it is ever read by the shell.
const warn = (text: string): string => `echo ${shellQuote(`warning: ${text}`)} >&2`;

function checkLines(check: Check): string[] {
	switch (check.kind) {
		case 'root':
			return ['[ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null || { echo "run as root or install sudo" >&2; exit 1; }'];
		case 'apt':
			return ['command -v apt-get >/dev/null || { echo "this needs a Debian-family system with apt" >&2; exit 1; }'];
		case 'hosts-loopback':
			return [
				`if grep -qsE "^127\\.0\\.1\\.1[[:space:]].*\\b$(hostname)\\b" "$ROOT"${hostsPath}; then`,
				`  ${warn('this host name resolves to 127.0.1.1 in /etc/hosts; Mesos would register on loopback')}`,
				'fi',
			];
		case 'port-free':
			return [`if ss -ltn 'sport = :${check.port}' | grep -q LISTEN; then ${warn(`port ${check.port} (${check.owner}) is already in use`)}; fi`];
		case 'disk':
			// The folder may not exist yet: its nearest existing parent holds it.
			return [
				`dir=${shellQuote(check.path)}; while [ ! -e "$ROOT$dir" ] && [ "$dir" != / ]; do dir=$(dirname "$dir"); done`,
				`free=$(df -Pm "$ROOT$dir" 2>/dev/null | awk 'NR==2 { print $4 }')`,
				`if [ -n "$free" ] && [ "$free" -lt ${check.minMegabytes} ]; then ${warn(`less than ${check.minMegabytes} MB free under ${check.path}`)}; fi`,
			];
		case 'command':
			return [`command -v ${shellQuote(check.name)} >/dev/null || ${warn(`${check.name} is not installed, but ${check.why}`)}`];
		case 'docker': {
			// Before the install step a missing docker is expected where that step adds it.
			const missing = check.installs ? ':' : warn(`docker is not installed, but the agent’s containerizers include docker: install ${dockerPackage}`);
			return [`if command -v docker >/dev/null; then docker version >/dev/null 2>&1 || ${warn('the Docker daemon does not answer docker version: start it (service docker start) before the Mesos agent')}; else ${missing}; fi`];
		}
		case 'reachable':
			return [`curl -fsS -o /dev/null --max-time 10 ${shellQuote(check.url)} || ${warn(`the ${check.what} ${check.url} does not answer`)}`];
		case 'source-index': {
			const stop = (text: string): string => `{ echo ${shellQuote(`error: ${text}`)} >&2; exit 1; }`;
			return [
				`curl -fsS -o /dev/null --max-time 20 ${shellQuote(`${check.dists}/Release`)} || ${stop(`${check.where} has no Release file for ${check.suite}`)}`,
				`held=$(curl -fsS --max-time 60 ${shellQuote(`${check.dists}/${check.component}/binary-`)}"$(dpkg --print-architecture)"/Packages.gz | gzip -dc | sed -n 's/^Package: //p')`,
				`for name in ${check.packages.map(shellQuote).join(' ')}; do grep -qx "$name" <<<"$held" || ${stop(`${check.where} ${check.suite} ${check.component} does not hold a package this machine needs`)}; done`,
			];
		}
		case 'deb-folder':
			return [`compgen -G ${target(check.path)}'/mesos_*.deb' >/dev/null || { echo ${shellQuote(`error: ${check.path} holds no mesos package`)} >&2; exit 1; }`];
	}
}

// The key into a throwaway GNUPGHOME, checked by its full fingerprint, then trusted; a key not
// pinned is shown and the script stops there.
function keyLines(action: Extract<Action, {kind: 'import-key'}>): string[] {
	const fpr = action.fingerprint;
	const fetch = keyFetchArgv(action).map(commandText).join(' | ');
	const start = ['GNUPGHOME=$(mktemp -d); export GNUPGHOME', fetch];
	if (fpr === '') {
		return [
			...start,
			`gpg --batch --with-colons --fingerprint | awk -F: '$1 == "fpr" || $1 == "uid" { print $1 ": " $10 }' >&2`,
			`echo ${shellQuote(`the key from ${keyFromText(action.from)} is not pinned: nothing is trusted; compare its fingerprint above with the publisher's, then set repo.fingerprint`)} >&2`,
			'gpgconf --kill all; rm -rf "$GNUPGHOME"; exit 1',
		];
	}
	const add = action.method === 'apt-key' ? `gpg --batch --export ${fpr} | $SUDO apt-key add -` : `gpg --batch --export ${fpr} | $SUDO tee ${target(action.keyring)} >/dev/null`;
	return [
		...start,
		'# The key must have exactly this full fingerprint, or nothing is trusted.',
		`gpg --batch --with-colons --fingerprint ${fpr} | grep -q '^fpr:::::::::${fpr}:' || { echo "the key has another fingerprint than ${fpr}" >&2; exit 1; }`,
		add,
		'gpgconf --kill all; rm -rf "$GNUPGHOME"; unset GNUPGHOME',
	];
}

function actionLines(action: Action, madeDirs: Set<string>): string[] {
	switch (action.kind) {
		case 'check':
			return ['disk', 'hosts-loopback', 'deb-folder'].includes(action.check.kind) ? checkLines(action.check) : machineOnly(checkLines(action.check));
		case 'import-key':
			return machineOnly(keyLines(action));
		case 'local-repository':
			// The copy is a file operation (made under ROOT too); the index needs apt-ftparchive.
			return [
				`$SUDO install -d -m 0755 ${target(action.path)}`,
				`$SUDO find ${target(action.folder)} -maxdepth 1 -name '*.deb' -exec cp -t ${target(action.path)} {} +`,
				...machineOnly([`(cd ${shellQuote(action.path)} && apt-ftparchive packages .) | $SUDO tee ${shellQuote(`${action.path}/Packages`)} >/dev/null`]),
			];
		case 'run': {
			// `sudo VAR=x cmd` would need sudo's env rules; `sudo env VAR=x cmd` always works.
			const env = Object.entries(action.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`);
			return [`system ${env.length > 0 ? `env ${env.join(' ')} ` : ''}${commandText(action.argv)}`];
		}
		case 'file': {
			const lines: string[] = [];
			const dir = action.path.replace(/\/[^/]+$/, '') || '/';
			if (!madeDirs.has(dir)) {
				lines.push(`$SUDO install -d -m 0755 ${target(dir)}`);
				madeDirs.add(dir);
			}
			const edit = action.edit;
			if (edit.format === 'absent') return [`$SUDO rm -f -- ${target(action.path)}`];
			if (edit.format === 'whole') {
				if (edit.copyOf) lines.push(`$SUDO install -m 0644 ${target(edit.copyOf)} ${target(action.path)}`);
				else lines.push(`printf '%s\\n' ${shellQuote(edit.content.replace(/\n$/, ''))} | $SUDO tee ${target(action.path)} >/dev/null`);
				return lines;
			}
			if (edit.format === 'properties' && edit.base !== undefined) {
				lines.push(`[ -e ${target(action.path)} ] || printf '%s' ${shellQuote(edit.base)} | $SUDO tee ${target(action.path)} >/dev/null`);
			}
			if (edit.format === 'properties' && edit.servers) {
				lines.push(`keep_servers ${target(action.path)} ${edit.servers.map(s => s.key.replace('server.', '')).join(' ')}`);
				for (const s of edit.servers) lines.push(`set_key ${target(action.path)} ${shellQuote(s.key)} ${shellQuote(s.text)}`);
			}
			for (const k of edit.keys) lines.push(`set_key ${target(action.path)} ${shellQuote(k.key)} ${shellQuote(k.text)}`);
			return lines;
		}
		case 'service':
			return [
				`system ${commandText(action.argv)}`,
				`# ${action.service} is healthy when: ${probeCommandForScript(action.probe).comment}`,
				...machineOnly(probeCommandForScript(action.probe).lines(Math.round(action.deadlineMs / 1000))),
			];
	}
}

export function renderScript(plan: Plan): string {
	const out = [prelude(plan.facts)];
	const madeDirs = new Set<string>();
	for (const step of plan.steps) {
		out.push(`# --- ${step.title}: ${step.summary}`);
		for (const action of step.actions) {
			out.push(`# ${action.title}`, ...actionLines(action, madeDirs));
		}
		out.push('');
	}
	out.push(`echo ${shellQuote(webPages(plan.values))}`);
	return `${out.join('\n')}\n`;
}
