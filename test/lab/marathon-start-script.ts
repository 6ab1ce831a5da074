/**
 * Marathon's start scripts, written for the lab to behave as the packaged ones do, with the JVM
 * replaced by `launcher` (which runs the stand-in).
 *
 * Before 1.5, /usr/bin/marathon (mesosphere/marathon's bin/marathon-framework, as the article-era
 * packages shipped it) builds the command line: `--name contents` for every file in
 * /etc/marathon/conf (`--name` for a file called ?name), then `--zk <zk hosts>/marathon` and
 * `--master <zk>` from /etc/mesos/zk when no file gave them, then one option per MARATHON_<NAME>
 * variable. Like the wrapper, the lab's sends output where the init system points it, not to syslog.
 */
export function marathonConfStartScript(launcher: string): string {
	return `#!/bin/bash
# marathon (mesos-setup lab): collects Marathon's options from /etc/marathon/conf and /etc/mesos/zk,
# as the article-era start script does, then runs the scheduler.
set -o errexit -o nounset -o pipefail
export LC_ALL=en_US.UTF-8
conf_dir=/etc/marathon/conf

cmd=()
if [[ -d $conf_dir ]]; then
  while IFS= read -r -d '' path; do
    name="\${path#./}"
    case "$name" in
      '?'*) cmd+=( "--\${name#'?'}" ) ;;
      *) cmd+=( "--$name" "$(cat "$conf_dir/$name")" ) ;;
    esac
  done < <(cd "$conf_dir" && find . -type f -not -name '.*' -print0)
fi
# Without a file saying otherwise, Marathon follows the Mesos ZooKeeper of this machine.
if [[ -s /etc/mesos/zk ]]; then
  if [[ " \${cmd[*]-} " != *' --zk '* ]]; then cmd+=( --zk "$(cut -d / -f 1-3 /etc/mesos/zk)/marathon" ); fi
  if [[ " \${cmd[*]-} " != *' --master '* ]]; then cmd+=( --master "$(cat /etc/mesos/zk)" ); fi
fi
while IFS='=' read -r key value; do
  [[ -n $key ]] || continue
  option="\${key#MARATHON_}"
  cmd+=( "--\${option,,}" "$value" )
done < <(env | grep '^MARATHON_' | grep -v '^MARATHON_APP' || true)
exec ${launcher} \${cmd[@]+"\${cmd[@]}"} "$@"
`;
}

/**
 * Marathon 1.5+ (its sbt-native-packager packages): /usr/share/marathon/bin/marathon only starts the
 * JVM; Marathon itself reads MARATHON_<NAME> variables, which systemd loads from /etc/default/marathon
 * (EnvironmentFile) and the sysv script sources. /etc/marathon/conf and /etc/mesos/zk are not read.
 */
export function marathonDefaultsLauncher(launcher: string): string {
	return `#!/bin/sh
# marathon (mesos-setup lab): Marathon 1.5+ takes its options from MARATHON_* variables and its command line.
exec ${launcher} "$@"
`;
}
