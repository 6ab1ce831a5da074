/**
 * Which agent layout a Mesos package's init wrapper reads:
 * - `slave`: the article-era wrapper (mesosphere/mesos-deb-packaging, 2016): `mesos-init-wrapper slave`
 *   reads /etc/default/mesos-slave and /etc/mesos-slave/ (glob order) and runs /usr/sbin/mesos-slave;
 * - `agent`: the newer one (mesos/mesos-packaging since 2022, taken from Apache Mesos'
 *   support/packaging): `mesos-init-wrapper agent` reads /etc/default/mesos-agent and /etc/mesos-agent/
 *   (listed with find, skipping *.dpkg-dist and *.rpmnew) and runs /usr/sbin/mesos-agent. Its systemd
 *   unit is still called mesos-slave.service.
 */
export type AgentLayout = 'slave' | 'agent';

/**
 * /usr/bin/mesos-init-wrapper, written for the lab to behave as the packaged one does:
 * sources /etc/default/mesos and /etc/default/mesos-<role> with allexport, applies ULIMIT, turns
 * ZK/IP/PORT/CLUSTER/LOGS (master) or MASTER/IP/LOGS/ISOLATION (agent) into flags, then every regular
 * file in /etc/mesos-<role>/ into `--name=contents` (`?name` into `--name`, so `?no-name` is `--no-name`),
 * joins attributes/ and resources/ into `--attributes=k:v;...`, drops `--no-logger`, and execs the daemon.
 *
 * One difference, on purpose: the packaged wrapper sends the daemon's output to syslog through
 * `logger` unless `--no-logger` is given; the lab has no syslog daemon, so output always goes where
 * the init system points it (the log file under sysv, the journal under systemd).
 */
export function mesosInitWrapper(layout: AgentLayout): string {
	const listFiles = layout === 'agent'
		? `# Regular files directly in the folder, in the order find lists them, without package-manager leftovers.
list_files() {
  find "$1" -maxdepth 1 -name '*.dpkg-dist' -o -name '*.rpmnew' -prune -o \\( -type f -print \\)
}`
		: `# Regular files directly in the folder, in glob order (dot files skipped).
list_files() {
  local f
  for f in "$1"/*; do
    if [[ -f $f ]]; then printf '%s\\n' "$f"; fi
  done
}`;
	return `#!/bin/bash
# mesos-init-wrapper (mesos-setup lab): builds a Mesos daemon's command line from
# /etc/default/mesos, /etc/default/mesos-<role> and the files in /etc/mesos-<role>/,
# as the packaged wrapper does. Usage: mesos-init-wrapper (master|${layout})
set -o errexit -o nounset -o pipefail
export LC_ALL=en_US.UTF-8

${listFiles}

# The files of a folder as options: --name=contents, or --name for a file called ?name.
add_folder_options() {
  local f name
  while IFS= read -r f; do
    if [[ ! -f $f ]]; then continue; fi
    name="$(basename "$f")"
    if [[ $name == '?'* ]]; then args+=( --"\${name#'?'}" )
    else args+=( --"$name"="$(cat "$f")" )
    fi
  done < <(list_files "$1")
}

# attributes/ and resources/: one key:value per non-empty file, joined with ';'.
add_joined_option() {
  local option="$1" folder="$2" f parts=()
  if [[ ! -d $folder ]]; then return 0; fi
  while IFS= read -r f; do
    if [[ -s $f ]]; then parts+=( "$(basename "$f"):$(cat "$f")" ); fi
  done < <(list_files "$folder")
  if (( \${#parts[@]} > 0 )); then
    local joined
    joined="$(printf ';%s' "\${parts[@]}")"
    args+=( --"$option"="\${joined:1}" )
  fi
}

source_defaults() {
  set -o allexport
  [[ ! -f /etc/default/mesos ]] || . /etc/default/mesos
  [[ ! -f /etc/default/mesos-$1 ]] || . "/etc/default/mesos-$1"
  set +o allexport
  [[ -z \${ULIMIT:-} ]] || ulimit $ULIMIT
}

run() {
  local daemon="$1" kept=() a
  shift
  for a in "$@"; do [[ $a == --no-logger ]] || kept+=( "$a" ); done
  exec "$daemon" \${kept[@]+"\${kept[@]}"}
}

master() {
  local args=()
  source_defaults master
  [[ -z \${ZK:-} ]]      || args+=( --zk="$ZK" )
  [[ -z \${IP:-} ]]      || args+=( --ip="$IP" )
  [[ -z \${PORT:-} ]]    || args+=( --port="$PORT" )
  [[ -z \${CLUSTER:-} ]] || args+=( --cluster="$CLUSTER" )
  [[ -z \${LOGS:-} ]]    || args+=( --log_dir="$LOGS" )
  add_folder_options /etc/mesos-master
  run /usr/sbin/mesos-master \${args[@]+"\${args[@]}"}
}

${layout}() {
  local args=()
  source_defaults ${layout}
  [[ -z \${MASTER:-} ]]    || args+=( --master="$MASTER" )
  [[ -z \${IP:-} ]]        || args+=( --ip="$IP" )
  [[ -z \${LOGS:-} ]]      || args+=( --log_dir="$LOGS" )
  [[ -z \${ISOLATION:-} ]] || args+=( --isolation="$ISOLATION" )
  add_folder_options /etc/mesos-${layout}
  add_joined_option attributes /etc/mesos-${layout}/attributes
  add_joined_option resources /etc/mesos-${layout}/resources
  run /usr/sbin/mesos-${layout} \${args[@]+"\${args[@]}"}
}

case "\${1:-}" in
  master|${layout}) "$1" ;;
  *) echo "Please use \\\`master' or \\\`${layout}'." >&2; exit 1 ;;
esac
`;
}
