// The script that makes durable again, on a node, the files whose sync failed (node-fs.ts): bash and
// coreutils only, as every script a node runs (node-scripts.ts); its values come as arguments.

// rewrite SUFFIX FILE…: each FILE written again, as the write script writes a file: a copy of what
// it holds now (mode, owner and times kept) in a temp file beside it, synced, renamed over it, its
// folder synced after. Not the same file synced again: once a writeback error has been said, Linux
// does not say it to a later sync, and bytes lost would pass as durable (later-syncs.ts). A FILE gone
// or no longer a regular file holds nothing of the run left to make durable. Prints each FILE it
// could not make durable, ended by a NUL, and exits 15 when there is one.
export const rewriteScript = `export LC_ALL=C
suffix=$1 status=0
shift
for f; do
  real=$(readlink -m -- "$f") || real=$f
  [ -f "$real" ] || continue
  dir=\${real%/*}; dir=\${dir:-/}
  temp="$dir/.\${real##*/}.mesos-setup-$suffix"
  if cp -p -- "$real" "$temp" && sync -- "$temp" && mv -f -T -- "$temp" "$real"; then
    sync -- "$dir" 2>/dev/null
  else
    rm -f -- "$temp"; printf '%s\\0' "$f"; status=15
  fi
done
exit $status`;
