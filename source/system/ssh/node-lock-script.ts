// The script that takes a node's run lock for a cluster run (node-lock.ts), bash and coreutils
// only, as every script a node runs (node-scripts.ts); its values come as arguments.

// lock FILE COMMAND [THIS-RUN]: the node's run lock, the one a setup, edit or undo run on the node
// takes (system/run-lock.ts): a symbolic link whose text is "PID TIME COMMAND", made atomically. Its
// holder is this shell, which stays as long as mesos-setup's ssh keeps its standard input open: the
// run's end, a lost connection or a killed mesos-setup closes it, and the lock goes (a shell killed
// outright leaves a lock whose PID is gone: stale, taken over as run-lock.ts does). Says on a line
// of its own "mesos-setup-lock: taken [HOLDER]" (HOLDER: a stale lock's, taken over), or "held
// HOLDER" (exit 20), or "not-a-lock" (exit 21: something else is at FILE), or "this-run" (exit 0:
// the holder's text is THIS-RUN, the lock of the very run asking, taken first on the machine it
// started from, which is this node; that lock stays its own, with nothing for this shell to hold).
// Only that run's text matches: another run differs in its PID, or for a reused PID in its time.
export const nodeLockScript = `lock=$1 guard=$1.takeover dir=\${1%/*} made= took= thisrun=$3
me="$$ $(date -u +%Y-%m-%dT%H:%M:%S.%3NZ) $2"
# The holder still runs: its PID is alive and no process started after the lock took it over.
alive() {
  local pid=\${1%% *} rest=\${1#* } stat boot= key value since
  [[ $pid =~ ^[0-9]+$ ]] && [ "$pid" -gt 0 ] && [ -d "/proc/$pid" ] || return 1
  read -r stat <"/proc/$pid/stat" 2>/dev/null || return 1
  local -a fields; read -ra fields <<<"\${stat##*) }"
  [ "\${fields[0]}" != Z ] || return 1
  while read -r key value _; do [ "$key" = btime ] && boot=$value; done </proc/stat
  since=$(date -d "\${rest%% *}" +%s%3N 2>/dev/null) || return 0
  [ -n "$boot" ] || return 0
  [ $(( boot * 1000 + fields[19] * 1000 / $(getconf CLK_TCK) )) -le $(( since + 2000 )) ]
}
[ -d "$dir" ] || { mkdir -p -- "$dir" && made=1; } || exit 1
for _ in $(seq 1 50); do
  ln -sT -- "$me" "$lock" 2>/dev/null && break
  if [ -e "$lock" ] && [ ! -L "$lock" ]; then echo "mesos-setup-lock: not-a-lock"; exit 21; fi
  holder=$(readlink -- "$lock") || continue
  if [ -n "$thisrun" ] && [ "$holder" = "$thisrun" ]; then echo "mesos-setup-lock: this-run"; exit 0; fi
  if alive "$holder"; then printf 'mesos-setup-lock: held %s\\n' "$holder"; exit 20; fi
  if ln -sT -- "$me" "$guard" 2>/dev/null; then
    [ "$(readlink -- "$lock")" = "$holder" ] && rm -f -- "$lock" && took=$holder
    rm -f -- "$guard"
  else
    other=$(readlink -- "$guard") && ! alive "$other" && rm -f -- "$guard"
  fi
done
release() {
  [ "$(readlink -- "$lock" 2>/dev/null)" = "$me" ] && rm -f -- "$lock"
  [ -n "$made" ] && rmdir -- "$dir" 2>/dev/null
  exit 0
}
if [ "$(readlink -- "$lock" 2>/dev/null)" != "$me" ]; then echo "mesos-setup-lock: not-taken"; exit 22; fi
trap release EXIT HUP TERM INT
printf 'mesos-setup-lock: taken %s\\n' "$took"
while IFS= read -r _; do :; done`;
