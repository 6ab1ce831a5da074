// What runs on a node for each file operation and check: bash and coreutils only, which every
// Debian and Ubuntu machine has, so a node needs nothing the article's machine lacks (the
// commands' own shell is command-shell.ts, with setsid from util-linux). Each script takes its
// values as arguments ("$1"…), never in its text.

// Exit codes the file scripts use for answers that are not failures.
export const scriptExit = {missing: 10, notRegular: 11, notFolder: 12, notEmpty: 14, syncFailed: 15} as const;

// What stands at a path that is no regular file, in stat's words (%F) in English whatever the
// node's language, as node-fs.ts reads them.
const kindOf = (path: string) => `LC_ALL=C stat -L -c %F -- ${path}`;

// Sets target: $1 with its links followed, as readlink -m gives it; without a process when $1 is
// absolute and plain and no part of it is a link, as a catalogue path is on most of a node
// (/etc/zookeeper/conf is one of the few links).
const resolved = `target=$1 part=$1 plain=1
case $1/ in */./* | */../* | *//*) plain= ;; esac
[ "\${1:0:1}" = / ] || plain=
while [ -n "$plain" ] && [ -n "$part" ]; do
  if [ -L "$part" ]; then plain=; fi
  part=\${part%/*}
done
[ -n "$plain" ] || target=$(readlink -m -- "$1") || exit 1`;

// The positional parameters that still name something: a file written for later and removed since
// has nothing left to make durable (as later-syncs.ts on this machine), and sync would fail on it.
const stillThere = `for p; do shift; if [ -e "$p" ]; then set -- "$@" "$p"; fi; done`;

// read FILE: its bytes; 10 when it does not exist, 11 (kind on stderr) when it is no regular file.
export const readScript = `f=$1
if [ -f "$f" ]; then exec cat -- "$f"; fi
if [ -e "$f" ]; then ${kindOf('"$f"')} >&2; exit 11; fi
exit 10`;

// end FILE N: the file's size on a line, then its last N bytes; 10 when it is no regular file.
export const readEndScript = `f=$1
[ -f "$f" ] || exit 10
stat -L -c %s -- "$f" || exit 1
exec tail -c "$2" -- "$f"`;

// info FILE: "mode-in-hex uid gid size" of what the path names (links followed); 10 when missing.
export const infoScript = `[ -e "$1" ] || exit 10
exec stat -L -c '%f %u %g %s' -- "$1"`;

// list FOLDER: its entries, each ended by a NUL; nothing when the folder does not exist.
export const listScript = `[ -d "$1" ] || exit 0
cd -- "$1" || exit 1
shopt -s nullglob dotglob
for entry in *; do printf '%s\\0' "$entry"; done`;

// The folders a write to FOLDER/x would make, outermost first, from d (FOLDER with its links
// followed); 12 (the path on stderr) when a file stands where a folder should be.
const missingFolders = `missing=()
while [ "$d" != / ] && [ ! -d "$d" ]; do
  if [ -e "$d" ] || [ -L "$d" ]; then printf '%s\\n' "$d" >&2; exit 12; fi
  missing=("$d" "\${missing[@]}")
  d=\${d%/*}; d=\${d:-/}
done`;

export const missingDirsScript = `${resolved}
d=$target
${missingFolders}
for d in "\${missing[@]}"; do printf '%s\\0' "$d"; done`;

// write FILE MODE OWNER SUFFIX SYNC [PATH…]: standard input, a file (the node shell runs nothing whose
// input did not arrive whole, and install reads it through /dev/stdin), replaces FILE atomically, as
// target-fs.ts does it on this machine: a temp file in the same folder (named as target-fs.ts names
// them, so leftovers are found the same way), given its mode and its owner (uid:gid; '' keeps the
// owner of the file it replaces), renamed over the file. SYNC as target-fs.ts's: now, the temp file
// synced before its rename and its folders after (the file's and the parent of each folder made for
// it: a made folder is an entry there); later, neither (node-fs.ts hands the file and those folders to
// the next write 'last'); last, the temp file synced with the PATHs still there (those files and
// folders) before its rename, 15 when that fails, and its folders after. The folders' sync after a
// rename (now and last) is silent (sync before coreutils 8.24 warns that it ignores its arguments): a
// failed one is not seen on a node; target-fs.ts throws it here. A link is followed to the file it
// names (/var/lib/zookeeper/myid → /etc/zookeeper/conf/myid). Prints the folder the file is in (links
// followed), then the folders it made, each ended by a NUL. Each process is a few ms of a node's CPU,
// and a setup writes dozens of files a node (issue 12): install makes the temp file (0600 until it is
// whole), gives the owner and then the exact mode (a folder's default ACL, which a umask would leave
// in charge, does not count) in one process, the owner given before the mode (a chown after would
// clear a setuid bit); in the C locale, so node-fs.ts reads its errors (No space left on device)
// whatever the node's language. sync before coreutils 8.24 (Ubuntu 14.04, Debian 8) syncs every file
// system and says nothing of a file's error: durable still, but a failed sync is not seen there.
export const writeScript = `export LC_ALL=C
${resolved}
mode=$2 owner=$3 suffix=$4 sync=\${5:-now}
dir=\${target%/*}; dir=\${dir:-/}
if [ -e "$target" ] && [ ! -f "$target" ]; then ${kindOf('"$target"')} >&2; exit 11; fi
d=$dir
${missingFolders}
parents=()
for d in "\${missing[@]}"; do mkdir -m 0755 -- "$d" || exit 1; p=\${d%/*}; parents+=("\${p:-/}"); done
temp="$dir/.\${target##*/}.mesos-setup-$suffix"
trap 'rm -f -- "$temp"' EXIT
if [ -z "$owner" ] && [ -e "$target" ]; then owner=$(stat -c %u:%g -- "$target") || exit 1; fi
if [ -n "$owner" ]; then
  install -m "$mode" -o "\${owner%%:*}" -g "\${owner#*:}" /dev/stdin "$temp" || exit 1
else
  install -m "$mode" /dev/stdin "$temp" || exit 1
fi
case $sync in
  later) ;;
  last)
    shift 5
    ${stillThere}
    sync -- "$temp" "$@" || exit 15 ;;
  *) sync -- "$temp" || exit 1 ;;
esac
mv -f -T -- "$temp" "$target" || exit 1
trap - EXIT
[ "$sync" = later ] || sync -- "$dir" "\${parents[@]}" 2>/dev/null
printf '%s\\0' "$dir"
for d in "\${missing[@]}"; do printf '%s\\0' "$d"; done`;

// sync PATH…: the files and folders of writes left for later made durable; 15 when that fails.
export const syncScript = `export LC_ALL=C
${stillThere}
[ $# -eq 0 ] || sync -- "$@" || exit 15`;

// targets FILE…: for each path, a line: "file" (a regular file, or nothing yet, under folders that
// are there or can be made), "kind WORDS" (stat's %F of what stands there instead), or "blocked
// PATH" (PATH, on the way to it, is no folder). What info and missingDirs tell, for every file of a
// plan in one round trip; the folders' links followed by one readlink for all of them (a plan has
// dozens of files, and a process each was most of what this cost the node).
export const targetsScript = `folders=() resolved=()
for target in "$@"; do
  case $target in */*) d=\${target%/*}; folders+=("\${d:-/}") ;; *) folders+=(.) ;; esac
done
while IFS= read -r -d '' d; do resolved+=("$d"); done < <(readlink -m -z -- "\${folders[@]}")
[ "\${#resolved[@]}" = "$#" ] || exit 1
i=0
for target in "$@"; do
  d=\${resolved[i]} blocked=
  i=$((i + 1))
  if [ -e "$target" ] && [ ! -f "$target" ]; then printf 'kind %s\\n' "$(${kindOf('"$target"')})"; continue; fi
  while [ "$d" != / ] && [ ! -d "$d" ]; do
    if [ -e "$d" ] || [ -L "$d" ]; then blocked=$d; break; fi
    d=\${d%/*}; d=\${d:-/}
  done
  if [ -n "$blocked" ]; then printf 'blocked %s\\n' "$blocked"; else echo file; fi
done`;

// remove FILE: the file the path names (links followed); 11 when it is a folder.
export const removeScript = `${resolved}
if [ -d "$target" ]; then echo directory >&2; exit 11; fi
rm -f -- "$target"`;

// rmdir FOLDER: 0 when removed, 10 when there is none, 14 when it is not empty.
export const removeEmptyDirScript = `[ -d "$1" ] && [ ! -L "$1" ] || exit 10
rmdir -- "$1" 2>/dev/null && exit 0
[ -n "$(ls -A -- "$1")" ] && exit 14
rmdir -- "$1"`;

// free FOLDER: free bytes on the file system that holds it (or its nearest existing parent).
export const freeBytesScript = `${resolved}
d=$target
while [ ! -d "$d" ]; do d=\${d%/*}; d=\${d:-/}; done
df -B1 --output=avail -- "$d" | tail -n 1`;

// has COMMAND: whether root's PATH (sbin folders too) finds it.
export const hasScript = `PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" command -v -- "$1" >/dev/null`;

// listening [TABLE…]: every TCP port something listens on, one "PORT" a line, from /proc/net/tcp{,6}
// (or the tables named; state 0A is LISTEN), with no process started: the preflight's port checks
// share one reading (node-checks.ts). Each table is read whole with mapfile, straight through: a
// `read` line by line seeks back after each line, and each seek makes the kernel walk the socket
// table again from its start (seconds on a node with thousands of sockets), and a socket closed
// meanwhile shifts the lines under it, so a port in use could be missed.
export const listeningScript = `tables=("$@")
[ $# -gt 0 ] || tables=(/proc/net/tcp /proc/net/tcp6)
set -f
for table in "\${tables[@]}"; do
  [ -r "$table" ] || continue
  mapfile -t -s 1 rows <"$table"
  for row in "\${rows[@]}"; do
    set -- $row
    if [ "$4" = 0A ]; then echo $((16#\${2##*:})); fi
  done
done
exit 0`;

// listeners PORT: who listens on the TCP port (from /proc/net/tcp{,6}: state 0A is LISTEN), one
// "command (pid N)" a line; "another program" when the socket's owner cannot be found.
export const listenersScript = `port=$1 found= owners=
for table in /proc/net/tcp /proc/net/tcp6; do
  [ -r "$table" ] || continue
  while read -r _ local _ state _ _ _ _ _ inode _; do
    [ "$state" = 0A ] || continue
    [ $((16#\${local##*:})) -eq "$port" ] || continue
    found=1
    for fd in $(find /proc/[0-9]*/fd -lname "socket:\\[$inode\\]" 2>/dev/null); do
      pid=\${fd#/proc/}; pid=\${pid%%/*}
      owners+="$(cat "/proc/$pid/comm" 2>/dev/null) (pid $pid)"$'\\n'
    done
  done < <(tail -n +2 "$table")
done
if [ -n "$owners" ]; then printf '%s' "$owners"; elif [ -n "$found" ]; then echo "another program"; fi`;

// reach HOST PORT PATH: an HTTP GET from the node (bash's /dev/tcp, so no curl or wget is needed);
// prints the status line, or exits non-zero when nothing answers within 5 s.
export const reachScript = `timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 1
printf "GET %s HTTP/1.0\\r\\nHost: %s\\r\\n\\r\\n" "$3" "$1" >&3
head -n 1 <&3' reach "$@"`;

// clock: the node's time, in seconds since the epoch with nanoseconds.
export const clockScript = `date +%s.%N`;
